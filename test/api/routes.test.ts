import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { toMemberRecord } from '../../src/app/member-service.ts';
import { assertListenAllowed, buildServer } from '../../src/api/server.ts';
import { insertActivities } from '../../src/db/queries/activity-queries.ts';
import { insertMembers } from '../../src/db/queries/member-queries.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { composeIdNumber } from '../../src/domain/member/id-number.ts';
import { makeActivity, makeMember, makeOrg } from '../factories/records.ts';
import { createTestApp } from '../support/db.ts';
import { addUser, login, type Client } from './session.ts';

describe('HTTP API', () => {
  let app: AppContext;
  let server: FastifyInstance;
  let admin: Client;
  const top = makeOrg({ type: 'primaryPartyCommittee', name: 'API测试党委' });
  const branch = makeOrg({ parent: top, name: 'API测试党支部' });
  const members = Array.from({ length: 3 }, () => makeMember({}, branch));
  const idNumber = composeIdNumber('532801', '1980-01-02', 3, 'female');

  beforeAll(async () => {
    app = await createTestApp('pglite');
    await insertOrganizations(app.database.db, [top, branch]);
    await insertMembers(app.database.db, members.map((m, i) => toMemberRecord(app.crypto, { ...m, idNumber: i === 0 ? idNumber : null, phone: i === 0 ? '13900001111' : null })));
    await insertActivities(app.database.db, [makeActivity({ orgId: branch.id, kind: 'themedPartyDay', date: '2023-05-20', present: members })]);
    server = await buildServer(app, { today: () => '2023-11-10' });
    await expect(assertListenAllowed(app, '0.0.0.0')).rejects.toThrow(/zhibu user add --admin/);
    admin = await login(server, await addUser(app, 'admin'));
  });
  afterAll(async () => { await server?.close(); await app?.close(); });

  it('lists the organization tree', async () => {
    const r = await admin.send({ method: 'GET', url: '/api/orgs' });
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((o: { name: string; depth: number }) => [o.name, o.depth])).toEqual([['API测试党委', 0], ['API测试党支部', 1]]);
  });

  it('lists members masked, and never an encrypted column', async () => {
    const r = await admin.send({ method: 'GET', url: `/api/members?orgId=${top.id}` });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(idNumber);
    expect(r.body).not.toContain('13900001111');
    expect(r.body).not.toMatch(/Enc|Hash/);
    expect(r.json().items.find((m: { id: string }) => m.id === members[0]!.id).idNumberMasked).toBe(`${idNumber.slice(0, 6)}************`);
  });

  it('answers 400 naming the bad field, 404 for an unknown record', async () => {
    const bad = await admin.send({ method: 'GET', url: '/api/members?orgId=not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/orgId/);
    const missing = await admin.send({ method: 'GET', url: '/api/activities/00000000-0000-4000-8000-ffffffffffff' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('找不到该活动记录');
  });

  it('records an activity; a bad attendee gets 400 and nothing is saved', async () => {
    const body = {
      orgId: branch.id, kind: 'branchCommitteeMeeting', date: '2023-06-01', title: '六月支委会',
      attendance: members.map((m) => ({ memberId: m.id, status: 'present' })),
      agendaItems: [{ title: '学习重要讲话', isFirstAgendaItem: true }],
    };
    const ok = await admin.send({ method: 'POST', url: '/api/activities', payload: body });
    expect(ok.statusCode).toBe(201);
    const id = ok.json().id;
    const got = await admin.send({ method: 'GET', url: `/api/activities/${id}` });
    expect(got.json().attendance).toHaveLength(3);
    const bad = await admin.send({ method: 'POST', url: '/api/activities', payload: { ...body, attendance: [{ memberId: '00000000-0000-4000-8000-ffffffffffff', status: 'present' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('attendance[0].memberId');
    const list = await admin.send({ method: 'GET', url: `/api/activities?orgId=${branch.id}` });
    expect(list.json().total).toBe(2);
  });

  it('serves statistics with sources, and the summary as docx, md and json', async () => {
    const stats = await admin.send({ method: 'GET', url: `/api/stats?orgId=${top.id}&year=2023` });
    expect(stats.statusCode).toBe(200);
    const themed = stats.json().facts.find((f: { key: string }) => f.key === 'activities.themedPartyDay');
    expect(themed).toMatchObject({ value: 1, unit: '次' });
    expect(themed.sources).toHaveLength(1);
    const md = await admin.send({ method: 'POST', url: '/api/reports', payload: { orgId: branch.id, year: 2023, format: 'md' } });
    expect(md.statusCode).toBe(200);
    expect(md.body).toContain('主题党日活动1次');
    const docx = await admin.send({ method: 'POST', url: '/api/reports', payload: { orgId: branch.id, year: 2023, format: 'docx' } });
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const bad = await admin.send({ method: 'POST', url: '/api/reports', payload: { orgId: branch.id, year: 2023, kind: 'quarterly', format: 'json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/总结类型与时段不符/);
  });

  it('proofreads an uploaded summary (.docx or text) and compares its numbers with the records', async () => {
    const docx = await admin.send({ method: 'POST', url: '/api/reports', payload: { orgId: branch.id, year: 2023, format: 'docx' } });
    const own = await admin.send({
      method: 'POST', url: '/api/documents/check',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, payload: docx.rawPayload,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().analysis.title).toBe('API测试党支部2023年度党建工作总结');
    expect(own.json().findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);
    const text = 'API测试党支部2023年度党建工作总结\n一、主要工作和成效\n全年开展主题党日活动3次，自已带头学习。\n';
    const checked = await admin.send({ method: 'POST', url: `/api/documents/check?orgId=${branch.id}`, headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: text });
    expect(checked.statusCode).toBe(200);
    const kinds = checked.json().findings.map((f: { kind: string }) => f.kind);
    expect(kinds).toContain('typo');
    expect(kinds).toContain('record-mismatch'); // 3 stated, 1 recorded
    const empty = await admin.send({ method: 'POST', url: '/api/documents/check', headers: { 'content-type': 'text/plain' }, payload: '' });
    expect(empty.statusCode).toBe(400);
    const analyzed = await admin.send({ method: 'POST', url: '/api/documents/analyze?name=a.txt', headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: text });
    expect(analyzed.json().row).toMatchObject({ file: 'a.txt', year: 2023, period: 'annual', stats: { 'activities.themedPartyDay': 3 } });
    const table = await admin.send({ method: 'POST', url: '/api/documents/table', payload: { rows: [analyzed.json().row] } });
    expect(table.statusCode).toBe(200);
    expect(table.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('publishes the OpenAPI description', async () => {
    const r = await admin.send({ method: 'GET', url: '/docs/json' });
    expect(r.statusCode).toBe(200);
    expect(Object.keys(r.json().paths)).toEqual(expect.arrayContaining(['/api/orgs', '/api/members', '/api/activities', '/api/stats', '/api/reports']));
  });

  it('listens beyond loopback only once an account exists (the first one is made before this test)', async () => {
    await expect(assertListenAllowed(app, '0.0.0.0')).resolves.toBeUndefined();
    await expect(assertListenAllowed(app, '127.0.0.1')).resolves.toBeUndefined();
  });
});
