/**
 * Opens the database: embedded PGlite persisted in a data directory (default), or a PostgreSQL
 * server when a `postgres://` URL is given. Applies the committed migrations on open.
 *
 * PGlite is single-process: two processes on one directory silently lose rows (stack-notes.md).
 * So whoever opens a PGlite directory holds an exclusive lock on it for as long as it is open,
 * and a second opener is refused with a clear message instead of risking the data.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { ConflictError } from '../domain/errors.ts';
import * as schema from './schema/index.ts';

/** The Drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: every query function accepts either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Where the data lives, for messages (a directory, or the URL without its password). */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…`: use a PostgreSQL server instead of PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory (created if missing). `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * Opens and migrates the database. Throws ConflictError when the PGlite directory is locked by
 * another running Zhibu process (the server, or another command).
 */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.migrate ?? true);
  return openPglite(opts.dataDir ?? './data', opts.migrate ?? true);
}

async function openPostgres(url: string, runMigrations: boolean): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  try {
    if (runMigrations) await migratePg(db as never, { migrationsFolder });
  } catch (e) {
    await pool.end();
    throw e;
  }
  return { db, driver: 'postgres', location: url.replace(/:[^:@/]*@/, ':***@'), close: () => pool.end() };
}

async function openPglite(dataDir: string, runMigrations: boolean): Promise<Database> {
  if (dataDir.startsWith('memory://')) {
    const client = await PGlite.create();
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    if (runMigrations) await migratePglite(db as never, { migrationsFolder });
    return { db, driver: 'pglite', location: 'memory://', close: () => client.close() };
  }
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const release = await lockDataDir(dir);
  try {
    const client = await PGlite.create(join(dir, 'pg'));
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    if (runMigrations) await migratePglite(db as never, { migrationsFolder });
    return {
      db,
      driver: 'pglite',
      location: dir,
      close: async () => {
        try { await client.close(); } finally { await release(); }
      },
    };
  } catch (e) {
    await release();
    throw e;
  }
}

/**
 * Takes the exclusive lock on a PGlite data directory (`<dir>.lock`, refreshed while held, stale
 * after 20 s so a crashed process does not lock the data forever).
 */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dir, {
      stale: 20_000,
      update: 5_000,
      lockfilePath: join(dir, 'zhibu.lock'),
      onCompromised: (err) => {
        // Another process took the directory over: stop rather than write to shared data.
        console.error(`数据目录锁已失效，为保护数据立即退出：${err.message}`);
        process.exit(70);
      },
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'ELOCKED') {
      throw new ConflictError(
        `数据目录 ${dir} 正被另一个 Zhibu 进程（通常是正在运行的服务 zhibu serve）使用。` +
        '内嵌数据库只允许一个进程打开，否则可能丢失数据。请先停止该进程，或通过其 API 操作。' +
        `(The data directory ${dir} is locked by another Zhibu process; stop it first.)`,
      );
    }
    throw e;
  }
}
