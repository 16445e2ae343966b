/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `run(): Promise<BenchResult[]>`)
 * and prints one line per measurement with its target. A benchmark, not a test: it never fails
 * the build, it reports.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { BenchResult } from './types.ts';


const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: () => Promise<BenchResult[]> };
  console.log(`\n# ${f}`);
  for (const r of await mod.run()) {
    const unit = r.unit ?? 'ms';
    if (r.timeoutS !== undefined || r.note !== undefined) {
      const target = r.target === undefined ? '' : `  (target ${r.higherIsBetter ? '≥' : '<'} ${r.target} ${unit})`;
      console.log(`${r.name.padEnd(58)} ${(r.timeoutS !== undefined ? `timeout > ${r.timeoutS}s` : r.note!).padStart(14)}${target}${r.timeoutS !== undefined ? '  ✗' : ''}`);
      continue;
    }
    const ok = r.target === undefined ? '' : (r.higherIsBetter ? r.value >= r.target : r.value <= r.target) ? '  ✓' : '  ✗ (target missed)';
    const target = r.target === undefined ? '' : `  (target ${r.higherIsBetter ? '≥' : '<'} ${r.target} ${unit})`;
    console.log(`${r.name.padEnd(58)} ${r.value.toFixed(r.value < 10 ? 2 : 1).padStart(10)} ${unit}${target}${ok}`);
  }
}

