/**
 * Shared plumbing of CLI commands: open the application from the global options, report errors
 * in Chinese with an exit code per kind, always close the database (and its lock).
 */
import type { Command } from 'commander';
import { loadConfig, type Config } from '../app/config.ts';
import { openApp, type AppContext } from '../app/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';

/** Exit codes: 0 ok, 1 unexpected, 2 bad input, 3 not found, 4 conflict (e.g. locked data directory). */
export const EXIT = { ok: 0, error: 1, invalid: 2, notFound: 3, conflict: 4 } as const;

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
export function reportError(e: unknown, err: (s: string) => void): number {
  if (e instanceof ValidationError) {
    err(`错误：${e.message}`);
    for (const i of e.issues) err(`  ${i.row !== undefined ? `第 ${i.row} 行 ` : ''}${i.field}：${i.message}`);
    return EXIT.invalid;
  }
  if (e instanceof NotFoundError) { err(`错误：${e.message}`); return EXIT.notFound; }
  if (e instanceof ConflictError) { err(`错误：${e.message}`); return EXIT.conflict; }
  err(`错误：${e instanceof Error ? e.message : String(e)}`);
  return EXIT.error;
}

export { todayInChina } from '../app/clock.ts';
