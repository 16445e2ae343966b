import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/app/password-policy.ts';

describe('password policy', () => {
  const ctx = { username: 'secretary1', displayName: '张三' };

  it.each([
    ['short', /至少 10 个字符/],
    [' '.repeat(10), /只有空格/],
    ['\t \t \t \t \t ', /只有空格/],
    ['Secretary1', /与用户名相同/],
    ['secretary1!!', /用户名/],
    ['password123', /常见密码/],
    ['1qaz2wsx3edc', /常见密码|容易被猜中/],
    ['woaini5201314', /常见密码|容易被猜中/],
    ['zhibu12345678', /常见密码|容易被猜中/],
    ['aaaaaaaaaaaa', /容易被猜中/],
    ['x'.repeat(201), /最多 200 个字符/],
  ])('refuses %j with a Chinese reason', (password, reason) => {
    expect(passwordProblem(password, ctx)).toMatch(reason);
  });

  it.each(['correct horse battery', '月亮湾边的老槐树下有风', 'Tq7-vn2!pLx9'])('accepts %j', (password) => {
    expect(passwordProblem(password, ctx)).toBeNull();
  });
});
