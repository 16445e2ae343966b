/**
 * Issue 9's start-up figures: `zhibu --help` (target < 0.5 s) and `npm start` to its first
 * HTTP 200 on an existing data directory (target < 3 s), each the median of 3 runs, with a bare
 * `node -e 0` beside them for the machine's own start-up cost. Uses what `bin/zhibu.mjs` runs:
 * the compiled dist/ when it is current (npm run build), otherwise the sources through tsx.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_KEY, bin, benchDir, freePort, log, repo, runChild } from './support.ts';
import type { BenchResult } from './types.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds from spawning `npm start` until GET /healthz answers 200. */
async function npmStartTo200(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--', '--port', String(port), '--no-demo'], {
    cwd: repo, env: { ...process.env, ZHIBU_DATA_DIR: dataDir, ZHIBU_SECRET_KEY: BENCH_KEY }, stdio: 'ignore', detached: true,
  });
  try {
    for (;;) {
      if (performance.now() - t0 > 120_000) throw new Error('npm start did not answer within 120 s');
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (r.status === 200) return performance.now() - t0;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone */ }
    await new Promise((r) => { if (child.exitCode !== null) r(null); else child.once('exit', r); });
  }
}

export async function run(): Promise<BenchResult[]> {
  const mode = existsSync(join(repo, 'dist', '.built')) ? 'dist/' : 'sources via tsx (run npm run build)';
  const bare: number[] = [];
  const help: number[] = [];
  for (let i = 0; i < 5; i++) {
    bare.push((await runChild(process.execPath, ['-e', '0'], { timeoutS: 60 })).ms);
    const h = await runChild(process.execPath, [bin, '--help'], { timeoutS: 60 });
    if (h.code !== 0) throw new Error(`zhibu --help failed: ${h.stderr}`);
    help.push(h.ms);
  }
  const dataDir = join(benchDir, 'demo');
  if (!existsSync(join(dataDir, 'pg'))) {
    log('preparing a data directory with the demo data…');
    const r = await runChild(process.execPath, [bin, '--data-dir', dataDir, 'demo'], { timeoutS: 600, env: { ZHIBU_SECRET_KEY: BENCH_KEY } });
    if (r.code !== 0) throw new Error(`zhibu demo failed: ${r.stderr}`);
  }
  const start: number[] = [];
  for (let i = 0; i < 3; i++) start.push(await npmStartTo200(dataDir));
  return [
    { name: 'bare `node -e 0` (this machine\'s floor)', value: median(bare) },
    { name: `zhibu --help (${mode})`, value: median(help), target: 500 },
    { name: 'npm start → first HTTP 200 (existing data dir, demo)', value: median(start), target: 3000 },
  ];
}
