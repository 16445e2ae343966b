import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.ts';
import { openApp, readingFromPrimary } from '../../src/app/context.ts';
import { SESSION_COOKIE } from '../../src/api/auth.ts';
import { installReadYourWrites, READ_YOUR_WRITES_MS } from '../../src/api/read-routing.ts';

describe('read-your-own-writes with a read replica', () => {
  it('pins a session\'s reads to the primary for a while after it wrote, and no one else\'s', async () => {
    let clock = 1_000_000;
    const f = Fastify();
    await f.register(cookie);
    installReadYourWrites(f, () => clock);
    f.get('/where', async () => ({ primary: readingFromPrimary() }));
    f.post('/write', async () => ({ ok: true }));
    f.post('/refused', async (_req, reply) => reply.code(400).send({ ok: false }));
    const where = async (session: string) => (await f.inject({ method: 'GET', url: '/where', cookies: { [SESSION_COOKIE]: session } })).json<{ primary: boolean }>().primary;
    expect(await where('a')).toBe(false);
    await f.inject({ method: 'POST', url: '/refused', cookies: { [SESSION_COOKIE]: 'a' } });
    expect(await where('a')).toBe(false); // a refused write changed nothing
    await f.inject({ method: 'POST', url: '/write', cookies: { [SESSION_COOKIE]: 'a' } });
    expect(await where('a')).toBe(true);
    expect(await where('b')).toBe(false);
    clock += READ_YOUR_WRITES_MS;
    expect(await where('a')).toBe(false);
    await f.close();
  });

  it('refuses DATABASE_READ_URL without DATABASE_URL (a replica of the embedded database cannot exist)', async () => {
    const config = loadConfig({ DATABASE_READ_URL: 'postgres://u:p@127.0.0.1:5433/x', ZHIBU_SECRET_KEY: '07'.repeat(32) }, { dataDir: 'memory://' });
    expect(config.databaseReadUrl).toBe('postgres://u:p@127.0.0.1:5433/x');
    await expect(openApp(config)).rejects.toThrow(/DATABASE_URL/);
  });
});
