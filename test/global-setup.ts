/**
 * Runs once before all test files: builds the web UI into web/dist, so the browser specs test
 * the current sources. Once, in the main process: test files run in parallel workers, and a build
 * per file would empty web/dist while another file's browser is loading from it.
 * Without vitest's NODE_ENV=test, which would make Vite emit React's development build.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

export default async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  // `vitest run some/file.test.ts …` with no browser spec among the filters needs no web build
  // (it costs a minute of CPU); the whole suite, or any filter naming e2e, builds.
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-') && a !== 'run' && a !== 'watch');
  if (filters.length > 0 && !filters.some((f) => f.includes('e2e')) && existsSync(resolve(root, 'web/dist/index.html'))) return;
  const env = { ...process.env };
  delete env.NODE_ENV;
  await promisify(execFile)(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, env });
}
