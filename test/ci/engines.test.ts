/**
 * `npm install` on the Node version the README promises (package.json engines, ≥ 20.19) prints no
 * EBADENGINE warning: every package in the lock file accepts that version. cookie 2,
 * content-disposition 3 and nanoid 6 demand Node 22; package.json `overrides` pins versions that
 * accept Node 20 and offer the same functions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('Node engines', () => {
  it('every locked package accepts the lowest Node version the README promises', () => {
    const lowest = semver.minVersion(pkg.engines.node)!.version;
    expect(lowest).toBe('20.19.0');
    const refused = Object.entries(lock.packages)
      .filter(([, v]) => v.engines && !Array.isArray(v.engines) && v.engines.node && !semver.satisfies(lowest, v.engines.node))
      .map(([path, v]) => `${path}@${v.version} (node ${(v.engines as { node: string }).node})`);
    expect(refused).toEqual([]);
  });
});
