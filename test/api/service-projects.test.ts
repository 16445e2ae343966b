/**
 * 我为群众办实事 through the API: a secretary records a project and opens its evaluation link;
 * people answer on the public page without logging in; an answer is counted in the summary's
 * 办实事 point; a second answer from the same device is refused, and one address is rate-limited.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { draftSummary } from '../../src/app/report-service.ts';
import { EVALUATION_RATE_LIMIT, resetEvaluationLimits } from '../../src/app/service-project-service.ts';
import { customPeriod } from '../../src/domain/common/period.ts';
import { toPlainText } from '../../src/domain/report/document.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { makeOrg } from '../factories/records.ts';
import { createTestApp } from '../support/db.ts';
import { addUser, login, type Client } from './session.ts';

describe('办实事 projects and the public 群众评议', () => {
  let app: AppContext;
  let server: FastifyInstance;
  let admin: Client;
  const branch = makeOrg({ name: '评议测试党支部' });
  beforeAll(async () => {
    app = await createTestApp('pglite');
    await insertOrganizations(app.database.db, [branch]);
    server = await buildServer(app, { today: () => '2025-06-20', now: () => new Date('2025-06-20T04:00:00Z') });
    admin = await login(server, await addUser(app, 'orgAdmin', { orgId: branch.id, username: 'branch-admin' }));
  }, 120_000);
  afterAll(async () => { await server?.close(); await app?.close(); });
  beforeEach(() => resetEvaluationLimits());

  const newProject = async (title: string) => {
    const r = await admin.send({ method: 'POST', url: '/api/service-projects', payload: {
      orgId: branch.id, title, needSource: 'masses', responsible: '组织委员', startedOn: '2025-03-01', deadline: '2025-06-30', status: 'done', doneOn: '2025-06-10', peopleServed: 120,
    } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; evaluationPath: string };
  };
  /** A visitor's browser: it keeps the device cookie the page sets. */
  const visitor = async (path: string, ip = '10.0.0.1') => {
    const token = path.split('/').pop()!;
    const page = await server.inject({ method: 'GET', url: `/api/public/evaluations/${token}`, remoteAddress: ip });
    expect(page.statusCode, page.body).toBe(200);
    const cookie = page.cookies.find((c) => c.name === 'zhibu_device')!;
    expect(cookie.httpOnly).toBe(true);
    return (rating: string, comment: string | null = null) => server.inject({
      method: 'POST', url: `/api/public/evaluations/${token}`, remoteAddress: ip, cookies: { zhibu_device: cookie.value }, payload: { rating, comment },
    });
  };

  it('counts an answer given through the link in the 办实事 point, and refuses a second one from the same device', async () => {
    const p = await newProject('为社区老人修缮路灯');
    const page = await server.inject({ method: 'GET', url: `/api/public/evaluations/${p.evaluationPath.split('/').pop()}` });
    expect(page.json()).toEqual({ title: '为社区老人修缮路灯', orgName: '评议测试党支部', status: 'done', statusLabel: '已办结' });

    const phone = await visitor(p.evaluationPath);
    expect((await phone('satisfied', '路灯亮了')).statusCode).toBe(201);
    const again = await phone('dissatisfied');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('已对此项目提交过评议');
    // Without a cookie the browser fingerprint (address and user agent) is the device.
    const bare = () => server.inject({ method: 'POST', url: `/api/public/evaluations/${p.evaluationPath.split('/').pop()}`, remoteAddress: '10.0.0.9', headers: { 'user-agent': 'phone-x' }, payload: { rating: 'basicallySatisfied' } });
    expect((await bare()).statusCode).toBe(201);
    expect((await bare()).statusCode).toBe(409);
    const other = await visitor(p.evaluationPath, '10.0.0.2');
    expect((await other('basicallySatisfied')).statusCode).toBe(201);

    const list = await admin.send({ method: 'GET', url: `/api/service-projects?orgId=${branch.id}` });
    expect((list.json() as { items: Array<{ evaluations: unknown }> }).items[0]!.evaluations).toEqual({ total: 3, satisfied: 1, basicallySatisfied: 2, dissatisfied: 0, satisfactionRate: 100 });

    const { draft } = await draftSummary(app, { org: branch, period: customPeriod('2025-01-01', '2025-06-20') });
    const text = toPlainText(draft);
    expect(text).toContain('确定办实事项目1项，包括“为社区老人修缮路灯”，已办结1项，服务群众120人次');
    expect(text).toContain('通过扫码开展群众评议，收到评价3人次，其中满意和基本满意3人次，满意率100%');
    const n = draft.blocks.flatMap((b) => (b.type === 'paragraph' ? b.inlines : [])).find((i) => i.type === 'number' && i.factKey === 'serviceEvaluations');
    expect(n && n.type === 'number' && n.sources.map((s) => s.type)).toEqual(['serviceEvaluation', 'serviceEvaluation', 'serviceEvaluation']);
  });

  it('needs no login, refuses an unknown link, and limits one address', async () => {
    const p = await newProject('整治小区积水');
    expect((await server.inject({ method: 'GET', url: '/api/public/evaluations/no-such-token-123' })).statusCode).toBe(404);
    let last = 0;
    for (let i = 0; i <= EVALUATION_RATE_LIMIT.max; i++) {
      const v = await visitor(p.evaluationPath, '10.0.0.77');
      last = (await v('satisfied')).statusCode;
    }
    expect(last).toBe(429);
  });

  it('refuses a project marked done without its date, naming the field', async () => {
    const r = await admin.send({ method: 'POST', url: '/api/service-projects', payload: {
      orgId: branch.id, title: '送医下乡', needSource: 'survey', responsible: '书记', startedOn: '2025-03-01', deadline: '2025-06-30', status: 'done',
    } });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('doneOn');
  });
});
