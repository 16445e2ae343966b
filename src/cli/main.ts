/**
 * The `zhibu` program: global options, then the commands of each feature.
 *
 * Command modules are loaded on demand: `zhibu --help` loads none of them (it prints the names and
 * descriptions from COMMAND_MODULES), and `zhibu <command>` loads only the module that defines
 * `<command>`. Loading every module pulls in the whole application (database drivers, the .docx
 * and .xlsx libraries, the web framework) and costs seconds before the first line of help.
 */
import { Command, CommanderError } from 'commander';

type Register = (program: Command, out: (s: string) => void) => void;

interface CommandModule {
  /** Top-level command names the module registers, with their one-line descriptions (as in the module). */
  commands: Record<string, string>;
  load: () => Promise<Register>;
}

/**
 * Every command module, in the order `zhibu --help` lists them. A test checks that the names and
 * descriptions here match what each module registers; a command missing here still runs (all
 * modules are loaded for an unknown name), it is only missing from the short help.
 */
export const COMMAND_MODULES: CommandModule[] = [
  {
    commands: {
      demo: '载入演示数据（州直机关党委及其党支部） / load the demo organization',
      org: '党组织 / organizations',
      import: '导入 / import',
      report: '生成工作总结草稿 / draft the work summary',
      serve: '启动服务（API 与文档 /docs） / start the server',
    },
    load: async () => (await import('./commands/core.ts')).registerCoreCommands,
  },
  {
    commands: { check: '对照党内法规检查组织生活、学时、换届等 / check the records against the regulations' },
    load: async () => (await import('./commands/check.ts')).registerCheckCommands,
  },
  { commands: { dues: '党费 / party membership dues' }, load: async () => (await import('./commands/dues.ts')).registerDuesCommands },
  {
    commands: { member: '党员组织关系与党籍 / membership transfers and status' },
    load: async () => (await import('./commands/member.ts')).registerMemberCommands,
  },
  {
    commands: { development: '发展党员 / member development cases' },
    load: async () => (await import('./commands/development.ts')).registerDevelopmentCommands,
  },
  { commands: { user: '账号 / user accounts' }, load: async () => (await import('./commands/user.ts')).registerUserCommands },
  {
    commands: {
      analyze: '读取已有的工作总结：标题、时段、提纲、统计数字、占位符；多个文件汇总成表 / analyze existing summaries',
      'check-doc': '审校工作总结：占位符、时段、标题序号、引号括号、叠字、规范提法、标点、错别字、日期；给出 --org 时与记录核对 / proofread a summary',
    },
    load: async () => (await import('./commands/analyze.ts')).registerAnalyzeCommands,
  },
  {
    commands: { settings: '各组织的党内法规检查设置（党课频次、学时等） / per-unit regulation settings' },
    load: async () => (await import('./commands/settings.ts')).registerSettingsCommands,
  },
  {
    commands: { synth: '生成大规模合成数据（党委→党总支→支部→党小组，一年的记录） / generate synthetic data at scale' },
    load: async () => (await import('./commands/synth.ts')).registerSynthCommands,
  },
];

/** Global options that take a value (their value is not a command name). */
const VALUE_OPTIONS = new Set(['--data-dir', '--database-url']);

/** The command named on the command line (`zhibu [global options] <command> …`, or `zhibu help <command>`). */
export function commandNamed(args: string[]): string | undefined {
  const operands: string[] = [];
  for (let i = 0; i < args.length && operands.length < 2; i++) {
    const a = args[i]!;
    if (VALUE_OPTIONS.has(a)) { i++; continue; }
    if (a.startsWith('-')) continue;
    operands.push(a);
  }
  return operands[0] === 'help' ? operands[1] : operands[0];
}

/**
 * Builds the program for `argv` (node, script, args…): the module of the named command in full,
 * the others as one-line stubs for the help (or every module in full when `full`, or when the
 * name is not in COMMAND_MODULES). `out`/`err` receive its output (tests capture them).
 */
export async function buildProgram(argv: string[], out: (s: string) => void = (s) => console.log(s), err: (s: string) => void = (s) => console.error(s), full = false): Promise<Command> {
  const program = new Command('zhibu')
    .description('支部 Zhibu — 基层党组织工作平台 / work platform for Party branches')
    .option('--data-dir <目录>', '内嵌数据库目录（默认 ./data 或 ZHIBU_DATA_DIR）')
    .option('--database-url <url>', 'PostgreSQL 连接串（或 DATABASE_URL）；给出时不用内嵌数据库')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) })
    .exitOverride();
  const name = commandNamed(argv.slice(2));
  const known = name !== undefined && COMMAND_MODULES.some((m) => name in m.commands);
  const loadAll = full || (name !== undefined && !known);
  for (const m of COMMAND_MODULES) {
    if (loadAll || (name !== undefined && name in m.commands)) {
      (await m.load())(program, out);
    } else {
      for (const [cmd, description] of Object.entries(m.commands)) {
        program.command(cmd).description(description).helpOption(false).allowUnknownOption().allowExcessArguments();
      }
    }
  }
  return program;
}

/** Runs the program on `argv`; returns the exit code. */
export async function main(argv: string[], out?: (s: string) => void, err: (s: string) => void = (s) => console.error(s)): Promise<number> {
  try {
    const program = await buildProgram(argv, out, err);
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    // Loaded here, not at the top: run.ts opens the application and would load the database drivers for `--help`.
    const { reportError } = await import('./run.ts');
    return reportError(e, err);
  }
}
