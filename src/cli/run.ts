/**
 * Shared plumbing of CLI commands: open the application from the global options, report errors
 * in Chinese with an exit code per kind, always close the database (and its lock).
 */
import type { Command } from 'commander';
import { loadConfig, type Config } from '../app/config.ts';
import { openApp, type AppContext } from '../app/context.ts';
import { describeThrown, ERROR_KINDS, EXIT_OK, EXIT_UNEXPECTED, isAppError, unavailableFrom, ValidationError } from '../domain/errors.ts';

/** Exit codes: 0 ok, 1 unexpected, and one per error kind from ERROR_KINDS (2 bad input, 3 not found, 4 conflict …). */
export const EXIT = { ok: EXIT_OK, error: EXIT_UNEXPECTED, invalid: ERROR_KINDS.validation.exit, notFound: ERROR_KINDS.notFound.exit, conflict: ERROR_KINDS.conflict.exit } as const;

/** The configuration from the program's global options and the environment. */
export function configFrom(cmd: Command): Config {
  const o = cmd.optsWithGlobals<{ dataDir?: string; databaseUrl?: string }>();
  return loadConfig(process.env, { dataDir: o.dataDir, databaseUrl: o.databaseUrl });
}

/** Runs `fn` with an open application and closes it afterwards, whatever happens. */
export async function withApp<T>(cmd: Command, fn: (app: AppContext, config: Config) => Promise<T>): Promise<T> {
  const config = configFrom(cmd);
  const app = await openApp(config);
  try {
    return await fn(app, config);
  } finally {
    await app.close();
  }
}

/** Prints an error for the user and returns the exit code. Personal data never appears in messages. */
export function reportError(thrown: unknown, err: (s: string) => void): number {
  // A full disk (from Node, PostgreSQL or PGlite's file system, Error or not) is said plainly.
  const e = unavailableFrom(thrown) ?? thrown;
  if (isAppError(e)) {
    err(`错误：${e.message}`);
    if (e instanceof ValidationError) for (const i of e.issues) err(`  ${i.row !== undefined ? `第 ${i.row} 行 ` : ''}${i.field}：${i.message}`);
    return ERROR_KINDS[e.kind].exit;
  }
  err(`错误：${e instanceof Error ? e.message : `意外的内部错误（${describeThrown(e)}）`}`);
  return EXIT.error;
}

export { todayInChina } from '../app/clock.ts';
