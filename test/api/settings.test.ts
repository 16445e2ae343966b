/**
 * Regulation settings through the API on the demo data: a 党委's administrator sets a rule for
 * the whole 党委 and a branch's compliance check follows; a bad value is refused naming the field;
 * a branch administrator sees the inherited value without the 党委's id.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { DEMO_ORG_NAMES } from '../../src/app/demo/demo-data.ts';
import { loadDemo } from '../../src/app/demo-service.ts';
import { resolveOrg } from '../../src/app/org-service.ts';
import type { Organization } from '../../src/domain/org/org.ts';
import { createTestApp } from '../support/db.ts';
import { addUser, login, type Client } from './session.ts';

describe('regulation settings API', () => {
  let app: AppContext;
  let server: FastifyInstance;
  let committeeAdmin: Client;
  let branchAdmin: Client;
  let top: Organization;
  let stats: Organization;
  beforeAll(async () => {
    app = await createTestApp('pglite');
    await loadDemo(app, { force: false });
    top = await resolveOrg(app, DEMO_ORG_NAMES.committee);
    stats = await resolveOrg(app, DEMO_ORG_NAMES.statistics);
    server = await buildServer(app, { today: () => '2027-01-10' });
    committeeAdmin = await login(server, await addUser(app, 'orgAdmin', { orgId: top.id, username: 'committee-admin' }));
    branchAdmin = await login(server, await addUser(app, 'orgAdmin', { orgId: stats.id, username: 'stats-admin' }));
  }, 120_000);
  afterAll(async () => { await server?.close(); await app?.close(); });

  const studyFindings = async () => {
    const r = await committeeAdmin.send({ method: 'GET', url: `/api/compliance?orgId=${stats.id}&year=2026` });
    expect(r.statusCode).toBe(200);
    return (r.json() as { findings: Array<{ ruleId: string }> }).findings.filter((f) => f.ruleId === 'EDU-07');
  };

  it('a 党委 lowers the yearly study hours; its branch check no longer reports EDU-07', async () => {
    expect((await studyFindings()).length).toBeGreaterThan(0);
    const put = await committeeAdmin.send({ method: 'PUT', url: `/api/orgs/${top.id}/regulation-settings`, payload: { studyHoursMinimum: 0, partyLectureFrequency: 'yearly' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ own: { studyHoursMinimum: 0, partyLectureFrequency: 'yearly' }, inherited: [] });
    expect(await studyFindings()).toEqual([]);

    const get = await branchAdmin.send({ method: 'GET', url: `/api/orgs/${stats.id}/regulation-settings` });
    expect(get.statusCode).toBe(200);
    const body = get.json() as { effective: Record<string, unknown>; own: object; inherited: Array<{ orgId: string | null }>; sources: Record<string, string> };
    expect(body.effective.studyHoursMinimum).toBe(0);
    expect(body.effective.talkCoverage).toBe('suggested');
    expect(body.own).toEqual({});
    expect(body.inherited.map((l) => l.orgId)).toEqual([null]);
    expect(body.sources.studyHoursMinimum).toBe('inherited');
    expect(get.body).not.toContain(top.id);

    // The branch restores 32 学时 for itself: its findings come back.
    const own = await branchAdmin.send({ method: 'PUT', url: `/api/orgs/${stats.id}/regulation-settings`, payload: { studyHoursMinimum: 32 } });
    expect(own.statusCode).toBe(200);
    expect((await studyFindings()).length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a bad value or an unknown key with 400 naming it; a branch cannot change its 党委', async () => {
    const bad = await committeeAdmin.send({ method: 'PUT', url: `/api/orgs/${top.id}/regulation-settings`, payload: { partyLectureFrequency: 'weekly' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('党课频次（partyLectureFrequency）');
    const unknown = await committeeAdmin.send({ method: 'PUT', url: `/api/orgs/${top.id}/regulation-settings`, payload: { lectures: 'yearly' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('没有名为 lectures 的设置项');
    const up = await branchAdmin.send({ method: 'PUT', url: `/api/orgs/${top.id}/regulation-settings`, payload: {} });
    expect(up.statusCode).toBe(404);
  });
});
