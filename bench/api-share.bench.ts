/**
 * Issue 9's API figure on PostgreSQL: the authenticated activity list's requests per second as a
 * share of a bare Fastify route's, in the same run (target ≥ 25%). The Zhibu server
 * (`zhibu serve` on the 200-branch synthetic database), the bare server (bench/bare-server.ts) and
 * the load generator (the autocannon CLI, 10 connections, 10 s) each run in their own process.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_KEY, benchDatabase, bin, ensureSynth, freePort, repo, runChild } from './support.ts';
import type { BenchResult } from './types.ts';

const autocannonBin = join(repo, 'node_modules', 'autocannon', 'autocannon.js');

/** Starts a server process and resolves once it printed `ready`; returns a stop function. */
async function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, args, { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => { if (b.toString().includes(ready)) resolve(); });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
  return async () => {
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone */ }
    await new Promise((r) => { if (child.exitCode !== null) r(null); else child.once('exit', r); });
  };
}

/** Requests per second (average) of autocannon against `url`. */
async function requestsPerSecond(url: string, headers: string[] = []): Promise<number> {
  const r = await runChild(process.execPath, [autocannonBin, '-c', '10', '-d', '10', '-j', ...headers.flatMap((h) => ['-H', h]), url], { timeoutS: 60 });
  const result = JSON.parse(r.stdout) as { requests: { average: number }; non2xx: number };
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers from ${url} were not 2xx`);
  return result.requests.average;
}

export async function run(): Promise<BenchResult[]> {
  let url: string;
  try {
    url = await benchDatabase('zhibu_bench_b200');
  } catch (e) {
    return [{ name: 'API share on PostgreSQL', value: Number.NaN, note: `skipped: ${(e as Error).message}` }];
  }
  const { rootId } = await ensureSynth({ databaseUrl: url }, 200);
  const env = { ZHIBU_SECRET_KEY: BENCH_KEY, ZHIBU_QUIET_DEV: '1', DATABASE_URL: url };
  const tree = JSON.parse((await runChild(process.execPath, [bin, 'org', 'list', '--json'], { timeoutS: 300, env })).stdout) as Array<{ id: string; parentId: string | null; type: string }>;
  const branch = tree.find((o) => o.type === 'partyBranch')!;
  const password = 'bench-password-123';
  // Created once per database; "already exists" (exit 4) on later runs is fine.
  const add = await runChild(process.execPath, [bin, 'user', 'add', '--username', 'bench-admin', '--role', 'orgAdmin', '--org', rootId, '--password', password], { timeoutS: 300, env });
  if (add.code !== 0 && add.code !== 4) throw new Error(`zhibu user add failed: ${add.stderr}`);
  const port = await freePort();
  const stopZhibu = await startProcess([bin, 'serve', '--port', String(port), '--no-demo'], env, '已启动');
  let listRps: number;
  try {
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-admin', password }) });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    listRps = await requestsPerSecond(`http://127.0.0.1:${port}/api/activities?orgId=${branch.id}&limit=25&offset=0`, [`cookie: ${cookie}`, 'accept-encoding: gzip']);
  } finally {
    await stopZhibu();
  }
  const barePort = await freePort();
  const stopBare = await startProcess(['--import', 'tsx', join(repo, 'bench', 'bare-server.ts'), String(barePort)], {}, 'listening');
  let bareRps: number;
  try {
    bareRps = await requestsPerSecond(`http://127.0.0.1:${barePort}/bare`);
  } finally {
    await stopBare();
  }
  return [
    { name: 'PG: authenticated activity list (25/page, gzip)', value: listRps, unit: 'req/s', higherIsBetter: true },
    { name: 'PG: bare Fastify route', value: bareRps, unit: 'req/s', higherIsBetter: true },
    { name: 'PG: activity list as a share of the bare route', value: (100 * listRps) / bareRps, unit: '%', target: 25, higherIsBetter: true },
  ];
}
