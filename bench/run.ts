/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `run(): Promise<BenchResult[]>`)
 * and prints one line per measurement with its target. A benchmark, not a test: it never fails
 * the build, it reports.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  /** Median milliseconds, or another unit when `unit` says so. */
  value: number;
  unit?: string;
  /** Target the issue sets (same unit); lower is better unless `higherIsBetter`. */
  target?: number;
  higherIsBetter?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: () => Promise<BenchResult[]> };
  console.log(`\n# ${f}`);
  for (const r of await mod.run()) {
    const unit = r.unit ?? 'ms';
    const ok = r.target === undefined ? '' : (r.higherIsBetter ? r.value >= r.target : r.value <= r.target) ? '  ✓' : '  ✗ (target missed)';
    const target = r.target === undefined ? '' : `  (target ${r.higherIsBetter ? '≥' : '<'} ${r.target} ${unit})`;
    console.log(`${r.name.padEnd(58)} ${r.value.toFixed(r.value < 10 ? 2 : 1).padStart(10)} ${unit}${target}${ok}`);
  }
}

/** Median of `n` timed runs of `fn` (after `warmup` untimed runs), in ms. */
export async function median(fn: () => unknown, n = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
