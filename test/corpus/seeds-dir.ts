/**
 * The corpus tier: tests on the real summaries in `../shared/seeds` (beside the checkout, as on CI
 * and in development). A user's clone has no such folder; then these tests are skipped, and say
 * so: the reason is in the suite's name and printed once per file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the seed documents live: `../shared/seeds` relative to the repository, or `ZHIBU_SEEDS_DIR` (a git worktree elsewhere). */
export const SEEDS_DIR = process.env.ZHIBU_SEEDS_DIR ? resolve(process.env.ZHIBU_SEEDS_DIR) : resolve(import.meta.dirname, '../../../shared/seeds');
/** True when the seed documents are present. */
export const SEEDS_PRESENT = existsSync(resolve(SEEDS_DIR, '000_0369b655c02adc51.txt'));
/** Shown in the suite name when skipped. */
export const SKIP_REASON = `skipped: no seed documents at ${SEEDS_DIR} (the corpus tier runs where ../shared/seeds exists, as on CI, or set ZHIBU_SEEDS_DIR)`;

if (!SEEDS_PRESENT) console.warn(`[corpus] ${SKIP_REASON}`);

/** The suite title, with the skip reason when the seeds are absent. */
export function corpusTitle(title: string): string {
  return SEEDS_PRESENT ? `corpus: ${title}` : `corpus: ${title} — ${SKIP_REASON}`;
}

/** Path of a seed file. */
export const seedPath = (name: string): string => resolve(SEEDS_DIR, name);
/** Text of a seed file (only call inside a suite that is skipped when the seeds are absent). */
export const readSeed = (name: string): string => readFileSync(seedPath(name), 'utf8');
