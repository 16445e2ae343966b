/**
 * Issue 3's size budget: the gzip-compressed JavaScript the first screen (login) loads, from the
 * production build in web/dist (built by `npm install` / `npm run build:web`). Target < 300 KB.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIRST_SCREEN_BUDGET_BYTES, firstScreenSize } from '../scripts/web-size.ts';
import type { BenchResult } from './types.ts';

export async function run(): Promise<BenchResult[]> {
  const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.log('web/dist is missing: run npm run build:web first');
    return [];
  }
  const size = firstScreenSize(dist);
  return [{ name: 'web: first screen JavaScript, gzip', value: size.jsGzipBytes / 1024, unit: 'KB', target: FIRST_SCREEN_BUDGET_BYTES / 1024 }];
}
