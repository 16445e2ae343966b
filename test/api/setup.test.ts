import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { createTestApp } from '../support/db.ts';

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
