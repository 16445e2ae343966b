/**
 * The JavaScript the first screen (the login page) loads, compressed: the entry chunk of
 * web/dist/index.html and every chunk it imports statically (lazy routes excluded), gzip -9 as
 * a server would send it. Reads Vite's manifest; run `npm run build:web` first.
 *
 * Usage: node --import tsx scripts/web-size.ts [--json]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The gzip budget of the first screen (issue 3): 300 KB. */
export const FIRST_SCREEN_BUDGET_BYTES = 300 * 1024;

export interface FirstScreenSize {
  files: { file: string; bytes: number; gzipBytes: number }[];
  /** Total compressed JavaScript, bytes. */
  jsGzipBytes: number;
  /** Total compressed CSS, bytes (antd injects its styles from JS, so this is usually 0). */
  cssGzipBytes: number;
}

/** Sizes of the first screen's files from a built web/dist. Throws when the build is missing. */
export function firstScreenSize(dist: string): FirstScreenSize {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  if (!entry) throw new Error('web/dist/.vite/manifest.json has no entry chunk');
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) walk(i);
  };
  walk(entry[0]);
  const files: FirstScreenSize['files'] = [];
  const add = (file: string) => {
    if (files.some((f) => f.file === file)) return;
    const bytes = readFileSync(join(dist, file));
    files.push({ file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length });
  };
  for (const key of seen) {
    const c = manifest[key]!;
    add(c.file);
    for (const css of c.css ?? []) add(css);
  }
  const sum = (ext: string) => files.filter((f) => f.file.endsWith(ext)).reduce((n, f) => n + f.gzipBytes, 0);
  return { files, jsGzipBytes: sum('.js'), cssGzipBytes: sum('.css') };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../web/dist');
  const size = firstScreenSize(dist);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ ...size, budgetBytes: FIRST_SCREEN_BUDGET_BYTES }));
  } else {
    for (const f of size.files.sort((a, b) => b.gzipBytes - a.gzipBytes)) {
      console.log(`${(f.gzipBytes / 1024).toFixed(1).padStart(7)} KB gz  ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${f.file}`);
    }
    const kb = (n: number) => (n / 1024).toFixed(1);
    console.log(`First screen (login): ${kb(size.jsGzipBytes)} KB of gzip-compressed JavaScript (+ ${kb(size.cssGzipBytes)} KB CSS), budget ${kb(FIRST_SCREEN_BUDGET_BYTES)} KB`);
  }
  if (size.jsGzipBytes > FIRST_SCREEN_BUDGET_BYTES) process.exitCode = 1;
}
