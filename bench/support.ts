/**
 * Shared plumbing of the scale benchmarks: PostgreSQL 15 started and prepared by the bench itself,
 * synthetic data loaded once per size and kept between runs (in databases `zhibu_bench_b<N>` and
 * `.zhibu-bench/`), child processes with time-outs so that a slow implementation never hangs the
 * bench, and the sizes chosen by ZHIBU_BENCH_SIZES.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bin = join(repo, 'bin', 'zhibu.mjs');
/** Cached bench data (ignored by git through `.zhibu-*`). */
export const benchDir = join(repo, '.zhibu-bench');
/** The synthetic data's parameters (the sizes vary). */
export const SYNTH = { year: 2026, seed: 'bench', membersPerBranch: 25 } as const;
/** "Today" for the checks: after the synthetic year. */
export const TODAY = `${SYNTH.year + 1}-01-10`;
/** A fixed key for the bench data (synthetic members carry no personal data). */
export const BENCH_KEY = '0303030303030303030303030303030303030303030303030303030303030303';

/** Sizes from ZHIBU_BENCH_SIZES (e.g. "200,1000,5000,20000"); default the quick one. */
export function benchSizes(): number[] {
  const raw = process.env.ZHIBU_BENCH_SIZES ?? '200';
  return raw.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
}

/** Per-figure time-out in seconds (ZHIBU_BENCH_TIMEOUT, default 120). */
export function figureTimeoutS(): number {
  return Number(process.env.ZHIBU_BENCH_TIMEOUT ?? 120);
}

/** Load time-out in seconds (ZHIBU_BENCH_LOAD_TIMEOUT, default 1200: the 20 minutes). */
export function loadTimeoutS(): number {
  return Number(process.env.ZHIBU_BENCH_LOAD_TIMEOUT ?? 1200);
}

export function log(s: string): void {
  process.stderr.write(`[bench] ${s}\n`);
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ChildResult { code: number | null; stdout: string; stderr: string; timedOut: boolean; ms: number }

/** Runs a process to completion, killing it (and its children) after `timeoutS`. */
export function runChild(cmd: string, args: string[], opts: { timeoutS: number; env?: NodeJS.ProcessEnv }): Promise<ChildResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: repo, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }, opts.timeoutS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, ms: performance.now() - t0 });
    });
  });
}

/** The result of one figure measured in bench/scale-worker.ts. */
export interface FigureResult { ms: number; maxRssMb: number; detail?: string }

/** Measures one figure in its own Node process (bench/scale-worker.ts); null on time-out. */
export async function figure(name: string, target: { databaseUrl?: string; dataDir?: string }, rootId: string, runs: number): Promise<FigureResult | null> {
  const args = ['--import', 'tsx', join(repo, 'bench', 'scale-worker.ts'), name, target.databaseUrl ?? `dir:${target.dataDir}`, rootId, String(runs)];
  const r = await runChild(process.execPath, args, { timeoutS: figureTimeoutS() });
  if (r.timedOut) return null;
  if (r.code !== 0) throw new Error(`figure ${name} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as FigureResult;
}

/** Runs SQL as the postgres superuser (the bench prepares its own role and databases). */
function psqlAsPostgres(sqlText: string): string {
  return execFileSync('su', ['postgres', '-c', `psql -v ON_ERROR_STOP=1 -qtA -c "${sqlText.replace(/"/g, '\\"')}"`], { encoding: 'utf8' });
}

const ROLE = 'zhibu_bench';
const PASSWORD = 'zhibu_bench';

/**
 * Makes sure PostgreSQL 15 runs on 127.0.0.1:5432 and the bench role exists; returns the URL of
 * database `name` (created when missing), or throws with the reason (not root, no PostgreSQL 15).
 */
export async function benchDatabase(name: string): Promise<string> {
  if (process.env.ZHIBU_BENCH_PG_ADMIN_URL) {
    const admin = process.env.ZHIBU_BENCH_PG_ADMIN_URL;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    return u.toString();
  }
  if (process.getuid?.() !== 0) throw new Error('needs root to start PostgreSQL 15 (or set ZHIBU_BENCH_PG_ADMIN_URL to a role with CREATEDB)');
  if (!existsSync('/usr/lib/postgresql/15/bin/postgres')) throw new Error('PostgreSQL 15 is not installed (apt-get install postgresql-15)');
  if (spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']).status !== 0) {
    log('starting PostgreSQL 15 (pg_ctlcluster 15 main start)');
    spawnSync('pg_ctlcluster', ['15', 'main', 'start'], { stdio: 'inherit' });
    for (let i = 0; i < 30 && spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']).status !== 0; i++) await new Promise((r) => setTimeout(r, 1000));
  }
  if (psqlAsPostgres(`SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'`).trim() !== '1') psqlAsPostgres(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}' CREATEDB`);
  if (psqlAsPostgres(`SELECT 1 FROM pg_database WHERE datname = '${name}'`).trim() !== '1') psqlAsPostgres(`CREATE DATABASE ${name} OWNER ${ROLE}`);
  return `postgres://${ROLE}:${PASSWORD}@127.0.0.1:5432/${name}`;
}

/** Empties a bench database or data directory (an interrupted load). */
async function resetTarget(target: { databaseUrl?: string; dataDir?: string }): Promise<void> {
  if (target.dataDir) { rmSync(target.dataDir, { recursive: true, force: true }); return; }
  const c = new pg.Client({ connectionString: target.databaseUrl });
  await c.connect();
  await c.query('DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await c.end();
}

/** Organizations in a synthetic tree of `branches` branches: root, 党总支, branches, two 党小组 each. */
function expectedOrgs(branches: number): number {
  return 1 + Math.ceil(branches / 10) + branches * 3;
}

export interface Loaded { rootId: string; loadMs: number | null; cached: boolean; timedOut: boolean }

/**
 * Loads the synthetic tree of `branches` branches with `zhibu synth` (COPY) unless it is already
 * there from an earlier run. On PostgreSQL give `databaseUrl`; on PGlite `dataDir`.
 */
export async function ensureSynth(target: { databaseUrl?: string; dataDir?: string }, branches: number): Promise<Loaded> {
  const global = target.databaseUrl ? ['--database-url', target.databaseUrl] : ['--data-dir', target.dataDir!];
  const env = { ZHIBU_SECRET_KEY: BENCH_KEY, ZHIBU_QUIET_DEV: '1' };
  const list = await runChild(process.execPath, [bin, ...global, 'org', 'list', '--json'], { timeoutS: 600, env });
  if (list.code === 0) {
    const orgs = JSON.parse(list.stdout) as Array<{ id: string; parentId: string | null; name: string }>;
    const root = orgs.find((o) => o.parentId === null && o.name.includes(`（${branches}个支部，种子${SYNTH.seed}）`));
    if (root && orgs.length === expectedOrgs(branches)) return { rootId: root.id, loadMs: null, cached: true, timedOut: false };
    if (orgs.length > 0) {
      log(`the bench data for ${branches} branches is incomplete (${orgs.length} organizations, an interrupted load): starting again`);
      await resetTarget(target);
    }
  }
  if (target.dataDir) mkdirSync(dirname(target.dataDir), { recursive: true });
  log(`loading ${branches} branches × ${SYNTH.membersPerBranch} members with zhibu synth (${target.databaseUrl ? 'PostgreSQL' : 'PGlite'})…`);
  const r = await runChild(process.execPath, [bin, ...global, 'synth', '--branches', String(branches), '--members-per-branch', String(SYNTH.membersPerBranch), '--year', String(SYNTH.year), '--seed', SYNTH.seed, '--json'], { timeoutS: loadTimeoutS(), env });
  if (r.timedOut) return { rootId: '', loadMs: null, cached: false, timedOut: true };
  if (r.code !== 0) throw new Error(`zhibu synth failed: ${r.stderr.slice(-2000)}`);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { rootId: string; ms: number };
  return { rootId: out.rootId, loadMs: out.ms, cached: false, timedOut: false };
}
