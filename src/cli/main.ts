/** The `zhibu` program: global options, then the commands of each feature. */
import { Command, CommanderError } from 'commander';
import { registerAnalyzeCommands } from './commands/analyze.ts';
import { registerCheckCommands } from './commands/check.ts';
import { registerCoreCommands } from './commands/core.ts';
import { registerDevelopmentCommands } from './commands/development.ts';
import { registerDuesCommands } from './commands/dues.ts';
import { registerSettingsCommands } from './commands/settings.ts';
import { registerUserCommands } from './commands/user.ts';
import { reportError } from './run.ts';

/** Builds the program; `out`/`err` receive its output (tests capture them). */
export function buildProgram(out: (s: string) => void = (s) => console.log(s), err: (s: string) => void = (s) => console.error(s)): Command {
  const program = new Command('zhibu')
    .description('支部 Zhibu — 基层党组织工作平台 / work platform for Party branches')
    .option('--data-dir <目录>', '内嵌数据库目录（默认 ./data 或 ZHIBU_DATA_DIR）')
    .option('--database-url <url>', 'PostgreSQL 连接串（或 DATABASE_URL）；给出时不用内嵌数据库')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) })
    .exitOverride();
  registerCoreCommands(program, out);
  registerCheckCommands(program, out);
  registerDuesCommands(program, out);
  registerDevelopmentCommands(program, out);
  registerUserCommands(program, out);
  registerAnalyzeCommands(program, out);
  registerSettingsCommands(program, out);
  return program;
}

/** Runs the program on `argv`; returns the exit code. */
export async function main(argv: string[], out?: (s: string) => void, err: (s: string) => void = (s) => console.error(s)): Promise<number> {
  const program = buildProgram(out, err);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    return reportError(e, err);
  }
}
