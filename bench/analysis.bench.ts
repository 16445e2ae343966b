/** Issue 5: analyse and proofread a 10,000-character summary (target < 50 ms). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSummary } from '../src/domain/analysis/analyze.ts';
import { proofreadSummary } from '../src/domain/analysis/proofread.ts';
import { median, type BenchResult } from './util.ts';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A 10,000-character summary: the seeds (../shared/seeds, where present) or else the summaries
 * written for the tests, repeated with their headings, cut at a line end.
 */
function summaryOf10k(): string {
  const seedsDir = resolve(here, '../../shared/seeds');
  const dir = existsSync(seedsDir) ? seedsDir : resolve(here, '../test/fixtures/summaries');
  const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  let text = '';
  for (let i = 0; text.length < 10_000; i++) text += seeds[i % seeds.length]!;
  return text.slice(0, text.lastIndexOf('\n', 10_000) + 1);
}

export async function run(): Promise<BenchResult[]> {
  const text = summaryOf10k();
  return [
    { name: `analyse a ${text.length}-character summary`, value: await median(() => analyzeSummary(text), 21), target: 50 },
    { name: `analyse + proofread a ${text.length}-character summary`, value: await median(() => proofreadSummary(text), 21), target: 50 },
  ];
}
