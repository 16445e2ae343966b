import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { ConflictError } from '../../src/domain/errors.ts';

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
});
