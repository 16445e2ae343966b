/**
 * Issue 3's API benchmark: autocannon on loopback against the real server (`zhibu serve` in its
 * own process, embedded PGlite with the demo data), listing a branch's activities as a logged-in
 * organization administrator, 25 per page, for 10 seconds. Reports requests per second and the
 * p99 latency. The server runs in a child process so that the load generator does not share its
 * event loop (PGlite already does).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { BenchResult } from './types.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'zhibu.mjs');

/** A free loopback port. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a zhibu command to completion on `dataDir`; throws with its output when it fails. */
function zhibu(dataDir: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], { encoding: 'utf8', env: { ...process.env } });
  if (r.status !== 0) throw new Error(`zhibu ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-apibench-'));
  const dataDir = join(dir, 'data');
  const password = 'bench-password-123';
  zhibu(dataDir, 'demo');
  zhibu(dataDir, 'user', 'add', '--username', 'bench', '--role', 'orgAdmin', '--org', '州直机关党委', '--password', password);
  const tree = JSON.parse(zhibu(dataDir, 'org', 'list', '--json')) as Array<{ id: string; name: string }>;
  const branch = tree.find((o) => o.name === '州审计局党支部')!;
  const port = await freePort();
  const child = spawn(process.execPath, [bin, '--data-dir', dataDir, 'serve', '--port', String(port), '--no-demo'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => { if (b.toString().includes('已启动')) resolve(); });
      child.on('exit', (code) => reject(new Error(`zhibu serve exited with ${code}`)));
    });
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/activities?orgId=${branch.id}&limit=25&offset=0`,
      headers: { cookie, 'accept-encoding': 'gzip' },
      connections: 10,
      duration: 10,
    });
    if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
    return [
      { name: 'API: list a branch\'s activities (auth, 25/page, gzip)', value: result.requests.average, unit: 'req/s', higherIsBetter: true },
      { name: 'API: list a branch\'s activities, p99 latency', value: result.latency.p99, unit: 'ms' },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
