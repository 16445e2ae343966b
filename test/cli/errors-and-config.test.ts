import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.ts';
import { reportError } from '../../src/cli/run.ts';
import { DISK_FULL_MESSAGE, ERROR_KINDS, EXIT_UNEXPECTED } from '../../src/domain/errors.ts';

function report(e: unknown) {
  const lines: string[] = [];
  const code = reportError(e, (s) => lines.push(s));
  return { code, text: lines.join('\n') };
}

describe('CLI error reports', () => {
  it.each([
    ['PGlite\'s file system (a plain object)', { name: 'ErrnoError', errno: 51 }],
    ['Node', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })],
    ['PostgreSQL', Object.assign(new Error('could not extend file'), { code: '53100' })],
    ['a wrapped cause', new Error('保存失败', { cause: { name: 'ErrnoError', errno: 51 } })],
  ])('says a full disk plainly, with the unavailable exit code, when %s reports it', (_who, e) => {
    expect(report(e)).toEqual({ code: ERROR_KINDS.unavailable.exit, text: `错误：${DISK_FULL_MESSAGE}` });
  });

  it('never prints [object Object] for a thrown non-Error, nor its fields', () => {
    const r = report({ name: 'ErrnoError', errno: 44, path: '/home/张三/110105199001011234.xlsx' });
    expect(r.code).toBe(EXIT_UNEXPECTED);
    expect(r.text).toBe('错误：意外的内部错误（ErrnoError errno 44）');
    expect(report({}).text).toBe('错误：意外的内部错误（未知错误）');
    expect(report('text').text).toBe('错误：意外的内部错误（text）');
    expect(report(undefined).text).toBe('错误：意外的内部错误（未知错误）');
  });
});

describe('configuration: public URL and log level', () => {
  it('takes the public URL from ZHIBU_PUBLIC_URL or --public-url as an origin', () => {
    expect(loadConfig({ ZHIBU_PUBLIC_URL: 'https://zhibu.example.org/' }).publicUrl).toBe('https://zhibu.example.org');
    expect(loadConfig({ ZHIBU_PUBLIC_URL: 'https://a.example' }, { publicUrl: 'http://10.0.0.2:3000' }).publicUrl).toBe('http://10.0.0.2:3000');
    expect(loadConfig({}).publicUrl).toBeUndefined();
  });

  it.each(['zhibu.example.org', 'ftp://zhibu.example.org', 'https://zhibu.example.org/app', 'https://u:p@zhibu.example.org', 'https://x.example/?a=1'])('refuses %j with a Chinese message', (url) => {
    expect(() => loadConfig({ ZHIBU_PUBLIC_URL: url })).toThrow(/ZHIBU_PUBLIC_URL 无效/);
  });

  it('reads ZHIBU_LOG_LEVEL (default info) and refuses an unknown level', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ ZHIBU_LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
    expect(() => loadConfig({ ZHIBU_LOG_LEVEL: 'loud' })).toThrow(/ZHIBU_LOG_LEVEL 无效/);
  });
});
