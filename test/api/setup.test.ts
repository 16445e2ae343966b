import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { countUsers } from '../../src/db/queries/account-queries.ts';
import { backends, createTestApp } from '../support/db.ts';

describe('first-run setup', () => {
  let app: AppContext;
  let server: FastifyInstance;
  let noToken: FastifyInstance;
  const token = 'one-time-setup-token-0123456789ab';

  beforeAll(async () => {
    app = await createTestApp('pglite');
    server = await buildServer(app, { today: () => '2026-11-23', setupToken: token });
    noToken = await buildServer(app, { today: () => '2026-11-23' });
  });
  afterAll(async () => { await server?.close(); await noToken?.close(); await app?.close(); });

  it('creates the first administrator only with the printed token, logs them in, and only once', async () => {
    expect((await server.inject({ url: '/api/setup' })).json()).toEqual({ needed: true });
    const body = { username: 'admin', password: 'first-admin-pass', token };
    const wrong = await server.inject({ method: 'POST', url: '/api/setup', payload: { ...body, token: 'guess' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].field).toBe('token');
    const without = await noToken.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(without.statusCode).toBe(400);
    const short = await server.inject({ method: 'POST', url: '/api/setup', payload: { ...body, password: 'short' } });
    expect(short.statusCode).toBe(400);
    const ok = await server.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ username: 'admin', role: 'admin' });
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    expect((await server.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await server.inject({ url: '/api/setup' })).json()).toEqual({ needed: false });
    const again = await server.inject({ method: 'POST', url: '/api/setup', payload: { ...body, username: 'second' } });
    expect(again.statusCode).toBe(409);
  });
});

describe('first-run setup: password policy', () => {
  let app: AppContext;
  let server: FastifyInstance;
  const token = 'one-time-setup-token-policy-0123';

  beforeAll(async () => {
    app = await createTestApp('pglite');
    server = await buildServer(app, { today: () => '2026-11-23', setupToken: token });
  });
  afterAll(async () => { await server?.close(); await app?.close(); });

  it.each([
    ['ten spaces', ' '.repeat(10), /只有空格/],
    ['the user name', 'administrator', /与用户名相同/],
    ['a common password', 'password1234', /常见密码/],
  ])('refuses %s with 400 naming the password field, and creates nobody', async (_what, password, reason) => {
    const r = await server.inject({ method: 'POST', url: '/api/setup', payload: { token, username: 'administrator', password } });
    expect(r.statusCode).toBe(400);
    expect(r.json().issues).toEqual([{ field: 'password', message: expect.stringMatching(reason) }]);
    expect(r.json().message).toMatch(/^密码不符合要求：/);
    expect(await countUsers(app.database.db)).toBe(0);
  });
});

describe.each(backends)('first-run setup under concurrency (%s)', (backend) => {
  let app: AppContext;
  let server: FastifyInstance;
  const token = 'one-time-setup-token-parallel-01';

  beforeAll(async () => {
    app = await createTestApp(backend);
    server = await buildServer(app, { today: () => '2026-11-23', setupToken: token });
  });
  afterAll(async () => { await server?.close(); await app?.close(); });

  it('creates exactly one administrator from 10 parallel requests with the token; the others answer 409', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => server.inject({
      method: 'POST', url: '/api/setup', remoteAddress: `10.20.0.${i}`,
      payload: { token, username: `admin${i}`, password: 'first-admin-pass' },
    })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect(await countUsers(app.database.db)).toBe(1);
  });
});
