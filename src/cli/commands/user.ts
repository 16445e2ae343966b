/**
 * `zhibu user add`: create accounts (the first administrator, organization admins, members);
 * `zhibu user password`: set a new password for an account (a forgotten one). Both apply the
 * password policy (src/app/password-policy.ts).
 */
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { SYSTEM_ACTOR, type Role } from '../../app/access.ts';
import { createUser, resetPassword } from '../../app/auth-service.ts';
import { ValidationError } from '../../domain/errors.ts';
import { withApp } from '../run.ts';

/** Reads one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const muted = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    muted._writeToOutput = (s: string) => {
      // Print the question once, then nothing of what is typed.
      if (!asked) { process.stdout.write(s); asked = true; }
    };
    rl.question(question, (answer) => { rl.close(); process.stdout.write('\n'); resolve(answer); });
  });
}

/**
 * The password: `--password`, else ZHIBU_PASSWORD, else asked twice on a terminal (hidden).
 * Throws ValidationError when none is given and there is no terminal, or the two differ.
 */
async function passwordFrom(opt: string | undefined): Promise<string> {
  if (opt) return opt;
  if (process.env.ZHIBU_PASSWORD) return process.env.ZHIBU_PASSWORD;
  if (!process.stdin.isTTY) throw new ValidationError('请用 --password 或环境变量 ZHIBU_PASSWORD 提供密码（当前不是终端，无法输入）', [{ field: 'password', message: '未提供' }]);
  const first = await promptHidden('密码（至少 10 个字符，不能是常见密码或用户名）：');
  const second = await promptHidden('再次输入密码：');
  if (first !== second) throw new ValidationError('两次输入的密码不一致', [{ field: 'password', message: '不一致' }]);
  return first;
}

/** Adds `user add` and `user password`. `out` receives normal output; the password is never printed. */
export function registerUserCommands(program: Command, out: (s: string) => void): void {
  const user = program.command('user').description('账号 / user accounts');
  user.command('add')
    .description('创建账号（第一个管理员：zhibu user add --admin --username 名称） / create an account')
    .requiredOption('--username <用户名>', '登录用户名')
    .option('--admin', '系统管理员（可管理全部组织）')
    .addOption(new Option('--role <角色>', 'orgAdmin 组织管理员（书记、党务干部）或 member 党员').choices(['orgAdmin', 'member']))
    .option('--org <id或名称>', '账号所属组织（组织管理员管理该组织及其下级）')
    .option('--member <党员id>', '关联的党员记录（党员账号必填）')
    .option('--display-name <姓名>', '显示名称（默认同用户名）')
    .option('--password <密码>', '密码（也可用 ZHIBU_PASSWORD；都没有时在终端输入两次）')
    .action(async (opts: { username: string; admin?: boolean; role?: 'orgAdmin' | 'member'; org?: string; member?: string; displayName?: string; password?: string }, cmd: Command) => {
      if (opts.admin && opts.role) throw new ValidationError('--admin 与 --role 只能选一个', [{ field: 'role', message: '与 --admin 冲突' }]);
      const role: Role | undefined = opts.admin ? 'admin' : opts.role;
      if (!role) throw new ValidationError('请指定 --admin 或 --role orgAdmin|member', [{ field: 'role', message: '必填' }]);
      const password = await passwordFrom(opts.password);
      await withApp(cmd, async (app) => {
        const u = await createUser(app, SYSTEM_ACTOR, { username: opts.username, displayName: opts.displayName, password, role, orgRef: opts.org, memberId: opts.member });
        const roleLabel = { admin: '系统管理员', orgAdmin: '组织管理员', member: '党员' }[u.role];
        out(`已创建${roleLabel}账号“${u.username}”${u.orgName ? `（${u.orgName}）` : ''}。`);
      });
    });
  user.command('password')
    .description('为已有账号设置新密码（忘记密码时；该账号的登录会话全部失效） / set a new password')
    .requiredOption('--username <用户名>', '登录用户名')
    .option('--password <密码>', '新密码（也可用 ZHIBU_PASSWORD；都没有时在终端输入两次）')
    .action(async (opts: { username: string; password?: string }, cmd: Command) => {
      const password = await passwordFrom(opts.password);
      await withApp(cmd, async (app) => {
        const u = await resetPassword(app, SYSTEM_ACTOR, { username: opts.username, password });
        out(`已为账号“${u.username}”设置新密码，原有登录会话已失效。`);
      });
    });
}
