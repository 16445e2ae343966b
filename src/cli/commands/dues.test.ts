import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { registerDuesCommands } from './dues.ts';
import { ValidationError } from '../../domain/errors.ts';

async function run(...args: string[]): Promise<{ lines: string[]; err: string }> {
  const lines: string[] = [];
  let err = '';
  const program = new Command('zhibu').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: (s) => { err += s; } });
  registerDuesCommands(program, (s) => lines.push(s));
  await program.parseAsync(['dues', 'calc', ...args], { from: 'user' });
  return { lines, err };
}

describe('zhibu dues calc', () => {
  it('prints the amount and the bracket applied for an employed member', async () => {
    const { lines } = await run('--category', 'employed', '--base', '3000.01');
    expect(lines).toEqual([
      '党员类别：在职党员',
      '计算基数：3000.01 元',
      '交纳比例：1%',
      '每月应交党费：30.00 元',
      expect.stringMatching(/^依据：在职党员按月工资收入（税后），3000元以上至5000元（含5000元）的，交纳1%.*第二条）$/),
    ]);
  });
  it('retirees use their own brackets', async () => {
    const { lines } = await run('--category', 'retired', '--base', '6200');
    expect(lines).toContain('每月应交党费：62.00 元');
  });
  it('students need no base', async () => {
    const { lines } = await run('--category', 'student');
    expect(lines.slice(0, 2)).toEqual(['党员类别：学生党员', '每月应交党费：0.20 元']);
  });
  it('rejects an unknown category with commander\'s message', async () => {
    await expect(run('--category', 'soldier', '--base', '1')).rejects.toThrow(/soldier/);
  });
  it('a missing base for an employed member is a ValidationError', async () => {
    await expect(run('--category', 'employed')).rejects.toBeInstanceOf(ValidationError);
  });
});
