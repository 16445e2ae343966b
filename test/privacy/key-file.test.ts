/**
 * Issue 13: the key can live outside the data directory (ZHIBU_SECRET_KEY_FILE), so a copy of the
 * directory is not a copy of the plaintext. The key file is created there (mode 0600), nothing
 * named like a key is left in the data directory, and the same key opens the data again.
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.ts';
import { openApp } from '../../src/app/context.ts';

describe('ZHIBU_SECRET_KEY_FILE', () => {
  it('keeps the key outside the data directory', async () => {
    const root = mkdtempSync(join(tmpdir(), 'zhibu-keyfile-'));
    const dataDir = join(root, 'data');
    const keyFile = join(root, 'etc', 'secret.key');
    const config = loadConfig({ ZHIBU_SECRET_KEY_FILE: keyFile }, { dataDir });
    expect(config.keyFile).toBe(keyFile);
    const app = await openApp(config);
    const stored = app.crypto.encrypt('532801198001020013');
    await app.close();
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir).filter((f) => /key/i.test(f))).toEqual([]);
    const again = await openApp(loadConfig({ ZHIBU_SECRET_KEY_FILE: keyFile }, { dataDir }));
    expect(again.crypto.decrypt(stored)).toBe('532801198001020013');
    await again.close();
  });

  it('defaults to <data dir>/secret.key', () => {
    expect(loadConfig({}, { dataDir: '/srv/zhibu' }).keyFile).toBe('/srv/zhibu/secret.key');
  });
});
