/** One measurement printed by `npm run bench`. */
export interface BenchResult {
  name: string;
  /** Median milliseconds, or another unit when `unit` says so. */
  value: number;
  unit?: string;
  /** Target the issue sets (same unit); lower is better unless `higherIsBetter`. */
  target?: number;
  higherIsBetter?: boolean;
}
