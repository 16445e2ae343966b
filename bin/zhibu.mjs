#!/usr/bin/env node
// The `zhibu` command. Runs the compiled JavaScript in dist/ (`npm run build`, which `npm install`
// runs through `prepare`), so no TypeScript loader runs at start-up. In a development checkout whose
// dist/ is missing or older than src/, it runs the sources through tsx (a development dependency)
// and says so, rather than running stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.built');

/** True when some non-test source file changed after the last build. */
function stale() {
  const built = statSync(stamp).mtimeMs;
  const src = join(root, 'src');
  for (const f of readdirSync(src, { recursive: true })) {
    if (typeof f === 'string' && f.endsWith('.ts') && !f.endsWith('.test.ts') && statSync(join(src, f)).mtimeMs > built) return true;
  }
  return false;
}

let entry = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(stamp) || (existsSync(join(root, 'src')) && stale())) {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    register = undefined;
  }
  if (register) {
    if (process.env.ZHIBU_QUIET_DEV !== '1') console.error('（dist/ 缺失或早于源码，改为直接运行 TypeScript 源码；npm run build 可重新编译）');
    register();
    entry = join(root, 'src', 'cli', 'main.ts');
  } else if (!existsSync(stamp)) {
    console.error('错误：缺少编译结果 dist/，请先运行 npm run build。');
    process.exit(1);
  }
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv);
