import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function zhibu(dataDir: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'zhibu', '--data-dir', dataDir, ...args], (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('zhibu user (password policy)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-user-'));
  const dataDir = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a weak password with the reason and exit code 2, and creates nothing', { timeout: 300_000 }, async () => {
    const spaces = await zhibu(dataDir, 'user', 'add', '--admin', '--username', 'admin', '--password', ' '.repeat(10));
    expect(spaces.code).toBe(2);
    expect(spaces.err).toMatch(/^错误：密码不符合要求：密码不能为空或只有空格\n {2}password：/);
    const same = await zhibu(dataDir, 'user', 'add', '--admin', '--username', 'admin12345', '--password', 'admin12345');
    expect(same.err).toMatch(/与用户名相同/);
    const common = await zhibu(dataDir, 'user', 'add', '--admin', '--username', 'admin', '--password', 'qwertyuiop123');
    expect(common.err).toMatch(/常见密码|容易被猜中/);
    // Nothing was created: the name is still free.
    const ok = await zhibu(dataDir, 'user', 'add', '--admin', '--username', 'admin12345', '--password', 'correct horse battery');
    expect(ok.code, ok.err).toBe(0);
  });

  it('sets a new password for an account under the same policy', { timeout: 300_000 }, async () => {
    const weak = await zhibu(dataDir, 'user', 'password', '--username', 'admin12345', '--password', '1234567890');
    expect(weak.code).toBe(2);
    const unknown = await zhibu(dataDir, 'user', 'password', '--username', 'nobody', '--password', 'another long passphrase');
    expect(unknown.code).toBe(3);
    const ok = await zhibu(dataDir, 'user', 'password', '--username', 'admin12345', '--password', 'another long passphrase');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/已为账号“admin12345”设置新密码/);
  });
});
