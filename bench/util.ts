/** Shared helpers for bench/*.bench.ts. */
export type { BenchResult } from './types.ts';

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
