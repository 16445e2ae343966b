/**
 * The composition root's product: one object holding the database, the field encryption and the
 * themes table, passed to every use case. Tests build the same thing over a test database.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../db/client.ts';
import { createFieldCrypto, loadOrCreateKey, type FieldCrypto } from '../db/field-crypto.ts';
import { validateThemesTable, type ThemesTable } from '../domain/report/themes.ts';
import type { Config } from './config.ts';

export interface AppContext {
  database: Database;
  crypto: FieldCrypto;
  themes: ThemesTable;
  /**
   * The application for reports, dashboards and checks: over a PostgreSQL streaming replica when
   * DATABASE_READ_URL is set (see readsOf), absent otherwise.
   */
  reads?: AppContext;
  close(): Promise<void>;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Reads the themes table (config/themes.json, or a file given by the caller). */
export function loadThemes(file = resolve(root, 'config/themes.json')): ThemesTable {
  return validateThemesTable(JSON.parse(readFileSync(file, 'utf8')));
}

/** Opens the database (migrating it) and the key; throws ConflictError when the data directory is locked. */
export async function openApp(config: Config): Promise<AppContext> {
  const key = loadOrCreateKey(config.secretKey, config.keyFile);
  if (config.databaseReadUrl && !config.databaseUrl) throw new Error('DATABASE_READ_URL 需要同时设置 DATABASE_URL（只读副本是 PostgreSQL 主库的流复制备库）');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const app: AppContext = { database, crypto: createFieldCrypto(key), themes: loadThemes(), close: () => database.close() };
  if (!config.databaseReadUrl) return app;
  try {
    return withReadReplica(app, await openDatabase({ databaseUrl: config.databaseReadUrl, migrate: false }));
  } catch (e) {
    await database.close();
    throw e;
  }
}

// ---- Read replica: reports, dashboards and checks read from a streaming replica ----

const primaryReads = new AsyncLocalStorage<true>();

/**
 * Runs `fn` (and everything it awaits) with the replica-routed reads sent to the primary instead:
 * read-your-own-writes for a caller who has just written (the replica may lag by a moment).
 */
export function readFromPrimary<T>(fn: () => T): T {
  return primaryReads.run(true, fn);
}

/** Whether reads are currently pinned to the primary (inside readFromPrimary). */
export function readingFromPrimary(): boolean {
  return primaryReads.getStore() === true;
}

/** The application reports, dashboards and checks should use: the replica-routed one if any, else `app`. */
export function readsOf(app: AppContext): AppContext {
  return app.reads ?? app;
}

/**
 * `app` with `reads` over `replica` (opened without migrations: a hot standby is read-only and
 * receives the primary's schema by replication). Reads go to the replica except inside
 * readFromPrimary; `close()` closes both.
 */
export function withReadReplica(app: AppContext, replica: Database): AppContext {
  const primary = app.database;
  const db = new Proxy(replica.db, {
    get(_target, key) {
      const target = readingFromPrimary() ? primary.db : replica.db;
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  const routed: Database = { db, driver: replica.driver, location: `${replica.location}（只读副本）`, close: () => replica.close() };
  const reads: AppContext = { database: routed, crypto: app.crypto, themes: app.themes, close: () => replica.close() };
  return {
    ...app,
    reads,
    close: async () => {
      try { await replica.close(); } finally { await app.close(); }
    },
  };
}

/** An application over an already-open database (tests, benchmarks). */
export function appOver(database: Database, crypto: FieldCrypto): AppContext {
  return { database, crypto, themes: loadThemes(), close: () => database.close() };
}
