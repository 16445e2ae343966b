import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_MODULES, commandNamed, main } from '../../src/cli/main.ts';

describe('zhibu loads command modules on demand', () => {
  it('finds the command after global options, and the topic of `help`', () => {
    expect(commandNamed(['--data-dir', 'x', 'report', '--org', 'y'])).toBe('report');
    expect(commandNamed(['--database-url', 'postgres://a@b/c', '--data-dir', 'd', 'org', 'list'])).toBe('org');
    expect(commandNamed(['--help'])).toBeUndefined();
    expect(commandNamed([])).toBeUndefined();
    expect(commandNamed(['help', 'check'])).toBe('check');
    expect(commandNamed(['-h', 'dues', 'calc'])).toBe('dues');
  });

  it('lists in its short help exactly the commands, and descriptions, that the modules register', async () => {
    const full = await buildProgram(['node', 'zhibu'], () => {}, () => {}, true);
    const registered = full.commands.map((c) => [c.name(), c.description()]);
    const listed = COMMAND_MODULES.flatMap((m) => Object.entries(m.commands));
    expect(listed).toEqual(registered);
  });

  it('prints the help listing every command, and runs a command from its module', async () => {
    const out: string[] = [];
    expect(await main(['node', 'zhibu', '--help'], (s) => out.push(s), (s) => out.push(s))).toBe(0);
    const help = out.join('\n');
    for (const name of COMMAND_MODULES.flatMap((m) => Object.keys(m.commands))) expect(help).toMatch(new RegExp(`^  ${name} `, 'm'));
    const calc: string[] = [];
    expect(await main(['node', 'zhibu', 'dues', 'calc', '--category', 'retired', '--base', '4000'], (s) => calc.push(s), (s) => calc.push(s))).toBe(0);
    expect(calc.join('\n')).toMatch(/元/);
    const sub: string[] = [];
    expect(await main(['node', 'zhibu', 'help', 'dues'], (s) => sub.push(s), (s) => sub.push(s))).toBe(0);
    expect(sub.join('\n')).toMatch(/calc/);
    const bad: string[] = [];
    expect(await main(['node', 'zhibu', 'no-such-command'], (s) => bad.push(s), (s) => bad.push(s))).not.toBe(0);
    expect(bad.join('\n')).toMatch(/unknown command/);
  });
});
