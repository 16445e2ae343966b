import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('migrations', () => {
  it('agree with the schema: drizzle-kit generates nothing new from the committed migrations', () => {
    // drizzle-kit takes --out relative to the project (it prefixes './'): a git-ignored folder here.
    const dir = mkdtempSync('.zhibu-drift-');
    try {
      cpSync('drizzle', dir, { recursive: true });
      const before = readdirSync(dir).filter((f) => f.endsWith('.sql'));
      execFileSync('npx', ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', 'src/db/schema/index.ts', '--out', dir], { stdio: 'pipe' });
      expect(readdirSync(join(dir, 'meta')).length, 'drizzle-kit did not run').toBeGreaterThan(0);
      const after = readdirSync(dir).filter((f) => f.endsWith('.sql'));
      expect(after, 'the schema changed without a migration: run npm run db:generate and commit it').toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
