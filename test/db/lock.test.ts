import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { ConflictError, ERROR_KINDS } from '../../src/domain/errors.ts';
import { main } from '../../src/cli/main.ts';

describe('PGlite data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second opener with a clear message, and frees the directory on close', async () => {
    const first = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(ConflictError);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/正被另一个 Zhibu 进程/);
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('cannot be taken while the holder main loop is blocked for 60 s: a CLI command is refused (exit code 4)', async () => {
    const held = mkdtempSync(join(tmpdir(), 'zhibu-lock-blocked-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../support/hold-data-dir.ts'), held, '60000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((ready, fail) => {
        child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('ready')) ready(); });
        child.once('exit', (code) => fail(new Error(`holder exited early (${code})`)));
      });
      // Past the 20 s after which a lock refreshed from the blocked main thread went stale.
      await new Promise((r) => setTimeout(r, 25_000));
      expect(child.exitCode).toBeNull();
      const err: string[] = [];
      const code = await main(['node', 'zhibu', '--data-dir', held, 'org', 'list'], () => {}, (s) => err.push(s));
      expect(code).toBe(ERROR_KINDS.conflict.exit);
      expect(code).toBe(4);
      expect(err.join('\n')).toMatch(/正被另一个 Zhibu 进程/);
    } finally {
      child.kill('SIGKILL');
      rmSync(held, { recursive: true, force: true });
    }
  }, 240_000);
});
