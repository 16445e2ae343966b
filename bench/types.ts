/** One measurement printed by `npm run bench`. */
export interface BenchResult {
  name: string;
  /** Median milliseconds, or another unit when `unit` says so. NaN when the figure could not be taken. */
  value: number;
  unit?: string;
  /** Target the issue sets (same unit); lower is better unless `higherIsBetter`. */
  target?: number;
  higherIsBetter?: boolean;
  /** The figure did not finish within this many seconds (printed as "timeout > Ns"). */
  timeoutS?: number;
  /** Why there is no value (printed instead of it). */
  note?: string;
}
