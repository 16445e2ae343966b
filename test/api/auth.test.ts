import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { findUserByUsername } from '../../src/db/queries/account-queries.ts';
import { backends, createTestApp } from '../support/db.ts';
import { addUser, login, PASSWORD } from './session.ts';

describe('authentication', () => {
  let app: AppContext;
  let server: FastifyInstance;
  let clock = new Date('2026-03-02T09:00:00+08:00');
  const advance = (ms: number) => { clock = new Date(clock.getTime() + ms); };

  beforeAll(async () => {
    app = await createTestApp('pglite');
    server = await buildServer(app, { today: () => '2026-03-02', now: () => clock, sessionPolicy: { idleMs: 30 * 60_000, absoluteMs: 4 * 3600_000 } });
  });
  afterAll(async () => { await server?.close(); await app?.close(); });

  const attempt = (username: string, password: string, remoteAddress = '10.0.0.1') =>
    server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

  it('stores an argon2id hash, never the password', async () => {
    const name = await addUser(app, 'admin');
    const u = await findUserByUsername(app.database.db, name);
    expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u!.passwordHash).not.toContain(PASSWORD);
  });

  it('logs in: 200 with the user, the CSRF token and an HttpOnly SameSite=Lax cookie; /me answers with the same token', async () => {
    const name = await addUser(app, 'admin');
    const r = await attempt(name, PASSWORD, '10.0.1.1');
    expect(r.statusCode).toBe(200);
    expect(r.json().user).toMatchObject({ username: name, role: 'admin', orgId: null });
    expect(r.json().user).not.toHaveProperty('passwordHash');
    const c = r.cookies.find((x) => x.name === 'zhibu_session')!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(c.secure).toBeFalsy();
    const me = await server.inject({ method: 'GET', url: '/api/auth/me', cookies: { zhibu_session: c.value } });
    expect(me.json().csrfToken).toBe(r.json().csrfToken);
  });

  it('marks the cookie Secure behind an HTTPS proxy on loopback (X-Forwarded-Proto)', async () => {
    const name = await addUser(app, 'admin');
    const r = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: name, password: PASSWORD }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.0.9.9' } });
    expect(r.cookies.find((x) => x.name === 'zhibu_session')!.secure).toBe(true);
  });

  it('answers 401 with one message for a wrong password and an unknown user', async () => {
    const name = await addUser(app, 'admin');
    const wrong = await attempt(name, 'wrong password!', '10.0.2.1');
    const unknown = await attempt('nobody-here', PASSWORD, '10.0.2.2');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toBe('用户名或密码错误');
    expect(unknown.json().message).toBe(wrong.json().message);
    expect(wrong.cookies).toHaveLength(0);
  });

  it('locks an account after 5 failures from different addresses: the 6th attempt is 429 even with the right password, for 15 minutes', async () => {
    const name = await addUser(app, 'admin');
    for (let i = 0; i < 5; i++) expect((await attempt(name, 'nope-nope-nope', `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await attempt(name, PASSWORD, '10.1.0.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toBe('登录失败次数过多，请 15 分钟后再试');
    advance(14 * 60_000);
    expect((await attempt(name, PASSWORD, '10.1.0.98')).statusCode).toBe(429);
    advance(61_000);
    expect((await attempt(name, PASSWORD, '10.1.0.97')).statusCode).toBe(200);
  });

  it('locks an address after 5 failures on different accounts', async () => {
    const other = await addUser(app, 'admin');
    for (let i = 0; i < 5; i++) expect((await attempt(`guess${i}`, 'nope-nope-nope', '10.2.0.1')).statusCode).toBe(401);
    expect((await attempt(other, PASSWORD, '10.2.0.1')).statusCode).toBe(429);
    expect((await attempt(other, PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('expires a session after the idle time and after the absolute lifetime', async () => {
    const name = await addUser(app, 'admin');
    const c = await login(server, name, PASSWORD, '10.3.0.1');
    const me = () => c.send({ method: 'GET', url: '/api/auth/me' });
    expect((await me()).statusCode).toBe(200);
    advance(29 * 60_000);
    expect((await me()).statusCode).toBe(200); // activity refreshes the idle clock
    advance(29 * 60_000);
    expect((await me()).statusCode).toBe(200);
    advance(31 * 60_000);
    const idle = await me();
    expect(idle.statusCode).toBe(401);
    expect(idle.json().message).toMatch(/请先登录/);

    const d = await login(server, name, PASSWORD, '10.3.0.2');
    for (let i = 0; i < 9; i++) { advance(25 * 60_000); expect((await d.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200); }
    advance(25 * 60_000); // 4 h 10 min after login, though never idle for 30 minutes
    expect((await d.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('requires the CSRF token on state-changing requests: missing or wrong → 403, right → passes', async () => {
    const name = await addUser(app, 'admin');
    const c = await login(server, name, PASSWORD, '10.4.0.1');
    const body = { orgId: '00000000-0000-4000-8000-fffffffffff1', year: 2025 };
    const missing = await c.send({ method: 'POST', url: '/api/summaries', payload: body, csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().message).toMatch(/CSRF/);
    expect((await c.send({ method: 'POST', url: '/api/summaries', payload: body, csrf: 'x'.repeat(43) })).statusCode).toBe(403);
    // Another session's token does not fit this one.
    const other = await login(server, name, PASSWORD, '10.4.0.2');
    expect((await c.send({ method: 'POST', url: '/api/summaries', payload: body, csrf: other.csrf })).statusCode).toBe(403);
    expect((await c.send({ method: 'POST', url: '/api/summaries', payload: body })).statusCode).toBe(404); // past CSRF: unknown org
  });

  it('answers 401 to anonymous requests before validating their input', async () => {
    const r = await server.inject({ method: 'GET', url: '/api/members?orgId=not-a-uuid' });
    expect(r.statusCode).toBe(401);
  });

  it('logs out: 204 (with CSRF), and the cookie no longer works', async () => {
    const name = await addUser(app, 'admin');
    const c = await login(server, name, PASSWORD, '10.5.0.1');
    expect((await c.send({ method: 'POST', url: '/api/auth/logout', csrf: false })).statusCode).toBe(403);
    expect((await c.send({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await c.send({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe.each(backends)('login throttling under concurrency (%s)', (backend) => {
  let app: AppContext;
  let server: FastifyInstance;
  const clock = new Date('2026-03-02T09:00:00+08:00');

  beforeAll(async () => {
    app = await createTestApp(backend);
    server = await buildServer(app, { today: () => '2026-03-02', now: () => clock });
  });
  afterAll(async () => { await server?.close(); await app?.close(); });

  const attempt = (username: string, password: string, remoteAddress: string) =>
    server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

  it('checks at most 5 passwords of 60 parallel attempts on one account, and refuses the right one among and after them', async () => {
    const name = await addUser(app, 'admin');
    const wrong = Array.from({ length: 60 }, (_, i) => attempt(name, `wrong-guess-${i}`, `10.9.${i}.1`));
    // The right password sent in the middle of the burst: it may use one of the 5 slots, no more.
    const right = attempt(name, PASSWORD, '10.9.200.1');
    const answers = await Promise.all([...wrong.slice(0, 30), right, ...wrong.slice(30)]);
    const checked = answers.filter((r) => r.statusCode === 401 || r.statusCode === 200).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(answers.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(56);
    expect(answers.every((r) => [200, 401, 429].includes(r.statusCode))).toBe(true);
    if ((await right).statusCode !== 200) {
      // Still locked after the burst: the right password is refused without being checked.
      const after = await attempt(name, PASSWORD, '10.9.201.1');
      expect(after.statusCode).toBe(429);
    }
  });

  it('locks the account for the right password sent after a burst of wrong ones', async () => {
    const name = await addUser(app, 'admin');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(name, `nope-${i}`, `10.8.${i}.1`)));
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(5);
    expect((await attempt(name, PASSWORD, '10.8.250.1')).statusCode).toBe(429);
  });

  it('locks one address guessing many accounts in parallel after 5 checks', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(`nobody${i}`, 'nope-nope-nope', '10.7.0.1')));
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(5);
    const other = await addUser(app, 'admin');
    expect((await attempt(other, PASSWORD, '10.7.0.1')).statusCode).toBe(429);
  });

  it('does not count successful logins from one shared address against it', async () => {
    const names = await Promise.all(Array.from({ length: 8 }, () => addUser(app, 'admin')));
    for (const n of names) expect((await attempt(n, PASSWORD, '10.6.0.1')).statusCode).toBe(200);
  });
});
