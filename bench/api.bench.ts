/**
 * Issue 3's API benchmark: autocannon on loopback against the real server (demo data in an
 * in-memory PGlite), listing a branch's activities as a logged-in organization administrator,
 * 25 per page, for about 10 seconds. Reports requests per second and the p99 latency.
 */
import autocannon from 'autocannon';
import { buildServer } from '../src/api/server.ts';
import { SYSTEM_ACTOR } from '../src/app/access.ts';
import { createUser } from '../src/app/auth-service.ts';
import { appOver } from '../src/app/context.ts';
import { loadDemo } from '../src/app/demo-service.ts';
import { listOrgTree } from '../src/app/org-service.ts';
import { openDatabase } from '../src/db/client.ts';
import { createFieldCrypto } from '../src/db/field-crypto.ts';
import { isBranchLike } from '../src/domain/org/org.ts';
import type { BenchResult } from './types.ts';

export async function run(): Promise<BenchResult[]> {
  const app = appOver(await openDatabase({ dataDir: 'memory://' }), createFieldCrypto(Buffer.alloc(32, 3)));
  await loadDemo(app, { force: false });
  const orgs = await listOrgTree(app);
  const root = orgs.find((o) => o.depth === 0)!;
  const branch = orgs.find((o) => isBranchLike(o.type))!;
  const password = 'bench-password-123';
  await createUser(app, SYSTEM_ACTOR, { username: 'bench', password, role: 'orgAdmin', orgRef: root.id });
  const server = await buildServer(app, { today: () => '2026-06-30' });
  try {
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/activities?orgId=${branch.id}&limit=25&offset=0`,
      headers: { cookie },
      connections: 10,
      duration: 10,
    });
    if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
    return [
      { name: 'API: list a branch\'s activities (auth, 25/page)', value: result.requests.average, unit: 'req/s', higherIsBetter: true },
      { name: 'API: list a branch\'s activities, p99 latency', value: result.latency.p99, unit: 'ms' },
    ];
  } finally {
    await server.close();
    await app.close();
  }
}
