/**
 * Per-account rate limits on expensive routes (issue 13, "one user's requests cannot starve
 * others"): past the limit an account gets 429 with a Chinese message, while another account
 * and the cheap routes go on working.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import { RATE_LIMITS } from '../../src/api/rate-limits.ts';
import type { AppContext } from '../../src/app/context.ts';
import { closeParsePool } from '../../src/app/parse-pool.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { ERROR_KINDS } from '../../src/domain/errors.ts';
import { makeOrg } from '../factories/records.ts';
import { createTestApp } from '../support/db.ts';
import { addUser, login, type Client } from './session.ts';

describe('rate limits per account', () => {
  let app: AppContext;
  let server: FastifyInstance;
  let first: Client;
  let second: Client;
  const branch = makeOrg({ name: '限流测试党支部' });
  // Scaled down so the test sends a handful of uploads: the upload limit becomes 2 a minute.
  const scale = 2 / RATE_LIMITS.upload;

  beforeAll(async () => {
    app = await createTestApp('pglite');
    await insertOrganizations(app.database.db, [branch]);
    server = await buildServer(app, { today: () => '2025-06-10', rateLimitScale: scale });
    first = await login(server, await addUser(app, 'orgAdmin', { orgId: branch.id }));
    second = await login(server, await addUser(app, 'orgAdmin', { orgId: branch.id }));
  });
  afterAll(async () => { await server.close(); await app.close(); await closeParsePool(); });

  const analyze = (c: Client) => c.send({ method: 'POST', url: '/api/documents/analyze', headers: { 'content-type': 'text/plain' }, payload: '限流测试党支部2025年第一季度工作总结' });

  it('answers 429 through the throttled kind past the limit, for that account only', async () => {
    expect((await analyze(first)).statusCode).toBe(200);
    expect((await analyze(first)).statusCode).toBe(200);
    const refused = await analyze(first);
    expect(refused.statusCode).toBe(ERROR_KINDS.throttled.http);
    expect(refused.json()).toMatchObject({ error: ERROR_KINDS.throttled.code });
    expect(refused.json().message).toMatch(/操作过于频繁：此类操作每分钟最多 2 次，请 \d+ 秒后再试/);
    expect((await analyze(second)).statusCode).toBe(200);
    expect((await first.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await server.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  }, 120_000);

  it('limits report generation and the compliance check too', async () => {
    const codes: number[] = [];
    for (let i = 0; i < Math.round(RATE_LIMITS.check * scale) + 1; i++) {
      codes.push((await second.send({ method: 'GET', url: `/api/compliance?orgId=${branch.id}` })).statusCode);
    }
    expect(codes.at(-1)).toBe(429);
    expect(codes.slice(0, -1).every((c) => c !== 429)).toBe(true);
  }, 120_000);
});
