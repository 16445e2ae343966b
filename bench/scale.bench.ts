/**
 * Issue 9's scale benchmark. On PostgreSQL 15 (started by the bench if needed), for each size in
 * ZHIBU_BENCH_SIZES (default 200; the sizes are 200,1000,5000,20000) branches of 25
 * members with a year of records loaded by `zhibu synth`: the 党委's summary, the whole-tree check,
 * the dashboard, the peak RSS of the process computing them, and the summary's time as a multiple
 * of a plain SQL aggregate of the same facts in the same run. On PGlite: a 200-branch check and a
 * branch-year's facts. Each figure runs in its own process with a time-out (ZHIBU_BENCH_TIMEOUT,
 * seconds), printed as "timeout > Ns" rather than hanging the bench.
 */
import { join } from 'node:path';
import { benchDatabase, benchDir, benchSizes, ensureSynth, figure, figureTimeoutS, log, type FigureResult } from './support.ts';
import type { BenchResult } from './types.ts';

/** Targets from the "Done when", by size (ms); undefined where the issue sets none. */
function targets(n: number): { summary?: number; check?: number; dashboard?: number } {
  if (n <= 1000) return { summary: 1000, check: 2000, dashboard: 500 };
  if (n >= 20000) return { summary: 3000, check: 10000 };
  return {};
}

function timed(name: string, r: FigureResult | null, target?: number): BenchResult {
  if (r === null) return { name, value: Number.NaN, timeoutS: figureTimeoutS(), ...(target !== undefined ? { target } : {}) };
  return { name: `${name} (${r.detail ?? ''})`, value: r.ms, ...(target !== undefined ? { target } : {}) };
}

async function postgresSize(n: number): Promise<BenchResult[]> {
  const label = `PG ${n.toLocaleString('en')} branches`;
  let url: string;
  try {
    url = await benchDatabase(`zhibu_bench_b${n}`);
  } catch (e) {
    return [{ name: `${label}: PostgreSQL`, value: Number.NaN, note: `skipped: ${(e as Error).message}` }];
  }
  const loaded = await ensureSynth({ databaseUrl: url }, n);
  const out: BenchResult[] = [];
  if (loaded.timedOut) return [{ name: `${label}: load (zhibu synth, COPY)`, value: Number.NaN, timeoutS: Number(process.env.ZHIBU_BENCH_LOAD_TIMEOUT ?? 1200) }];
  out.push(loaded.cached ? { name: `${label}: load (zhibu synth, COPY)`, value: Number.NaN, note: 'loaded earlier' } : { name: `${label}: load (zhibu synth, COPY)`, value: loaded.loadMs! / 1000, unit: 's' });
  const runs = n <= 1000 ? 3 : 1;
  const t = targets(n);
  log(`${label}: plain SQL aggregate…`);
  const sqlR = await figure('sql', { databaseUrl: url }, loaded.rootId, runs);
  log(`${label}: summary…`);
  const summary = await figure('summary', { databaseUrl: url }, loaded.rootId, runs);
  log(`${label}: check…`);
  const check = await figure('check', { databaseUrl: url }, loaded.rootId, runs);
  log(`${label}: dashboard…`);
  const dashboard = await figure('dashboard', { databaseUrl: url }, loaded.rootId, runs);
  out.push(timed(`${label}: plain SQL aggregate of the same facts`, sqlR));
  out.push(timed(`${label}: 党委 summary`, summary, t.summary));
  out.push(timed(`${label}: whole-tree check`, check, t.check));
  out.push(timed(`${label}: dashboard`, dashboard, t.dashboard));
  const measured = [summary, check, dashboard].filter((r): r is FigureResult => r !== null);
  if (measured.length > 0) out.push({ name: `${label}: peak RSS (max of summary, check, dashboard)${measured.length < 3 ? ' of those that finished' : ''}`, value: Math.max(...measured.map((r) => r.maxRssMb)), unit: 'MB', target: 500 });
  if (summary && sqlR) out.push({ name: `${label}: summary time ÷ plain SQL aggregate`, value: summary.ms / sqlR.ms, unit: '×', target: 3 });
  else out.push({ name: `${label}: summary time ÷ plain SQL aggregate`, value: Number.NaN, note: 'n/a (timeout)', unit: '×', target: 3 });
  return out;
}

async function pglite200(): Promise<BenchResult[]> {
  const dataDir = join(benchDir, 'pglite-b200');
  const loaded = await ensureSynth({ dataDir }, 200);
  if (loaded.timedOut) return [{ name: 'PGlite 200 branches: load', value: Number.NaN, timeoutS: Number(process.env.ZHIBU_BENCH_LOAD_TIMEOUT ?? 1200) }];
  const out: BenchResult[] = [];
  out.push(loaded.cached ? { name: 'PGlite 200 branches: load (zhibu synth, COPY from blob)', value: Number.NaN, note: 'loaded earlier' } : { name: 'PGlite 200 branches: load (zhibu synth, COPY from blob)', value: loaded.loadMs! / 1000, unit: 's' });
  log('PGlite 200 branches: check…');
  out.push(timed('PGlite 200 branches: whole-tree check', await figure('check', { dataDir }, loaded.rootId, 3), 2000));
  log('PGlite: a branch-year\'s facts…');
  out.push(timed('PGlite: a branch-year\'s facts (25 members)', await figure('branch-facts', { dataDir }, loaded.rootId, 5), 100));
  return out;
}

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const n of benchSizes()) out.push(...await postgresSize(n));
  out.push(...await pglite200());
  return out;
}
