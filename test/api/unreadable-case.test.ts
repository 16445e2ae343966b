/**
 * Issue 13, item 2: a stored development case the engine cannot read (an impossible date saved
 * before dates were validated, inserted here straight into the database) is isolated — reported
 * with its id while the compliance check, the case list, summaries and reports of its branch and
 * its 党委 still answer — and the organization's administrator can correct or delete it, with
 * the change kept in the record's history.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { toMemberRecord } from '../../src/app/member-service.ts';
import { insertMembers } from '../../src/db/queries/member-queries.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { makeMember, makeOrg } from '../factories/records.ts';
import { createTestApp } from '../support/db.ts';
import { addUser, login, type Client } from './session.ts';

describe('an unreadable development case', () => {
  let app: AppContext;
  let server: FastifyInstance;
  let admin: Client;
  let other: Client;
  const committee = makeOrg({ type: 'primaryPartyCommittee', name: '坏数据党委' });
  const branch = makeOrg({ parent: committee, name: '坏数据支部' });
  const otherBranch = makeOrg({ name: '别的支部' });
  const badId = '6f1c7f4e-8d0e-4a55-9b7a-1d2f3e4a5b6c';
  const badSteps = [{ id: 's1', step: 'application', date: '2025-02-30' }];

  beforeAll(async () => {
    app = await createTestApp('pglite');
    await insertOrganizations(app.database.db, [committee, branch, otherBranch]);
    await insertMembers(app.database.db, [makeMember({ name: '甲' }, branch)].map((m) => toMemberRecord(app.crypto, { ...m, idNumber: null, phone: null })));
    // As an old server saved it: the step's date passes the YYYY-MM-DD pattern but is no calendar day.
    await app.database.db.execute(sql`insert into development_cases (id, org_id, person_name, birth_date, rule_set, steps)
      values (${badId}, ${branch.id}, '坏日期申请人', null, '2014', ${JSON.stringify(badSteps)}::jsonb)`);
    server = await buildServer(app, { today: () => '2026-03-10' });
    admin = await login(server, await addUser(app, 'orgAdmin', { orgId: committee.id }));
    other = await login(server, await addUser(app, 'orgAdmin', { orgId: otherBranch.id }));
  }, 60_000);
  afterAll(async () => { await server?.close(); await app?.close(); });

  it('leaves the compliance check, the case list, summaries and reports of the branch and its 党委 working, naming the case', async () => {
    for (const org of [branch, committee]) {
      const c = await admin.send({ method: 'GET', url: `/api/compliance?orgId=${org.id}&year=2025` });
      expect(c.statusCode).toBe(200);
      expect(c.json().unreadable).toEqual([expect.objectContaining({ kind: 'developmentCase', id: badId, orgId: branch.id, label: '坏日期申请人' })]);
      expect(c.json().unreadable[0].reason).toContain('不是有效日期');
      const l = await admin.send({ method: 'GET', url: `/api/development/cases?orgId=${org.id}` });
      expect(l.statusCode).toBe(200);
      expect(l.json().items).toEqual([]);
      expect(l.json().unreadable.map((u: { id: string }) => u.id)).toEqual([badId]);
      const s = await admin.send({ method: 'POST', url: '/api/summaries', payload: { orgId: org.id, year: 2025 } });
      expect(s.statusCode).toBe(201);
      const r = await admin.send({ method: 'POST', url: '/api/reports', payload: { orgId: org.id, year: 2025, format: 'json' } });
      expect(r.statusCode).toBe(200);
    }
  });

  it('reading or adding a step to it says which case and why, instead of a server error', async () => {
    const r = await admin.send({ method: 'GET', url: `/api/development/cases/${badId}` });
    expect(r.statusCode).toBe(409);
    expect(r.json().message).toContain(badId);
    const s = await admin.send({ method: 'POST', url: `/api/development/cases/${badId}/steps`, payload: { step: 'applicantTalk', date: '2025-03-10' } });
    expect(s.statusCode).toBe(409);
  });

  it('another organization\'s administrator can neither correct nor delete it', async () => {
    expect((await other.send({ method: 'PATCH', url: `/api/development/cases/${badId}`, payload: { birthDate: '2000-01-01' } })).statusCode).toBe(404);
    expect((await other.send({ method: 'DELETE', url: `/api/development/cases/${badId}` })).statusCode).toBe(404);
  });

  it('a correction must give the steps, real dates only, and is judged like new steps (DEV-01 age gate)', async () => {
    const noSteps = await admin.send({ method: 'PATCH', url: `/api/development/cases/${badId}`, payload: { birthDate: '2000-01-01' } });
    expect(noSteps.statusCode).toBe(400);
    const badDate = await admin.send({ method: 'PATCH', url: `/api/development/cases/${badId}`, payload: { steps: [{ id: 's1', step: 'application', date: '2025-02-30' }] } });
    expect(badDate.statusCode).toBe(400);
    const young = await admin.send({ method: 'PATCH', url: `/api/development/cases/${badId}`, payload: { birthDate: '2010-01-01', steps: [{ id: 's1', step: 'application', date: '2025-02-28' }] } });
    expect(young.statusCode).toBe(400);
    expect(young.json().message).toContain('第五条');
  });

  it('the administrator corrects it: the case reads again, the check counts it, and the history keeps before and after', async () => {
    const r = await admin.send({ method: 'PATCH', url: `/api/development/cases/${badId}`, payload: { birthDate: '2000-01-01', steps: [{ id: 's1', step: 'application', date: '2025-02-28' }], reason: '日期录入错误' } });
    expect(r.statusCode).toBe(200);
    expect(r.json().case.steps[0].date).toBe('2025-02-28');
    const c = await admin.send({ method: 'GET', url: `/api/compliance?orgId=${committee.id}&year=2025` });
    expect(c.json().unreadable).toEqual([]);
    // The talk was due within a month (DEV-03) and never recorded.
    expect(c.json().findings.some((f: { ruleId: string; recordIds: string[] }) => f.ruleId === 'DEV-03' && f.recordIds.includes(badId))).toBe(true);
    const h = await admin.send({ method: 'GET', url: `/api/history?type=developmentCase&id=${badId}` });
    expect(h.statusCode).toBe(200);
    const [change] = h.json();
    expect(change.action).toBe('update');
    expect(change.before.steps[0].date).toBe('2025-02-30');
    expect(change.after.steps[0].date).toBe('2025-02-28');
    expect(change.after.reason).toBe('日期录入错误');
  });

  it('the administrator deletes it; the deletion stays in the history', async () => {
    const d = await admin.send({ method: 'DELETE', url: `/api/development/cases/${badId}?reason=${encodeURIComponent('重复建档')}` });
    expect(d.statusCode).toBe(204);
    expect((await admin.send({ method: 'GET', url: `/api/development/cases/${badId}` })).statusCode).toBe(404);
    const h = await admin.send({ method: 'GET', url: `/api/history?type=developmentCase&id=${badId}` });
    expect(h.json().map((x: { action: string }) => x.action)).toEqual(['delete', 'update']);
  });
});
