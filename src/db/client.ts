/**
 * Opens the database: embedded PGlite persisted in a data directory (default), or a PostgreSQL
 * server when a `postgres://` URL is given. Applies the committed migrations on open.
 *
 * PGlite is single-process: two processes on one directory silently lose rows (stack-notes.md).
 * So whoever opens a PGlite directory holds an exclusive lock on it for as long as it is open,
 * and a second opener is refused with a clear message instead of risking the data.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
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

/** The lock goes stale this long after its last refresh (a crashed holder frees the data in time). */
const LOCK_STALE_MS = 20_000;
/** How often the holder refreshes the lock. */
const LOCK_UPDATE_MS = 5_000;

/*
 * The lock lives in its own worker thread (issue 13, item 4): proper-lockfile refreshes it with
 * timers, and timers on the main thread do not run while the main loop is blocked (a long
 * request), so after 20 s the lock looked stale and a CLI command opened the same directory
 * and wrote to it. A worker's timers run whatever the main thread does, and the worker dies with
 * the process, after which the lock goes stale as before. The worker is evaluated from this
 * string so that it needs no loader and no separate file, from sources and from dist/ alike.
 */
const LOCK_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const lockfile = require(workerData.lockfileModule);
let release = null;
lockfile.lock(workerData.dir, {
  stale: workerData.stale,
  update: workerData.update,
  lockfilePath: workerData.lockfilePath,
  onCompromised: (err) => {
    // Another process took the directory over: stop the whole process rather than write to shared data.
    writeSync(2, '数据目录锁已失效，为保护数据立即退出：' + err.message + '\\n');
    process.kill(process.pid, 'SIGKILL');
  },
}).then(
  (r) => { release = r; parentPort.postMessage({ ok: true }); },
  (e) => { parentPort.postMessage({ ok: false, code: e.code, message: e.message }); },
);
parentPort.on('message', (m) => {
  if (m !== 'release') return;
  Promise.resolve(release ? release() : undefined).catch(() => {}).finally(() => {
    parentPort.postMessage({ released: true });
    parentPort.close();
  });
});
`;

/**
 * Takes the exclusive lock on a PGlite data directory (`<dir>/zhibu.lock`), held and refreshed
 * by a worker thread (see LOCK_WORKER_SOURCE), stale after 20 s without a refresh. Throws
 * ConflictError when another process holds it. Returns the release function.
 */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const lockfilePath = join(dir, 'zhibu.lock');
  const worker = new Worker(LOCK_WORKER_SOURCE, {
    eval: true,
    workerData: { dir, lockfilePath, stale: LOCK_STALE_MS, update: LOCK_UPDATE_MS, lockfileModule: createRequire(import.meta.url).resolve('proper-lockfile') },
  });
  const first = await new Promise<{ ok: boolean; code?: string; message?: string }>((resolveAnswer, reject) => {
    worker.once('message', resolveAnswer);
    worker.once('error', reject);
  });
  if (!first.ok) {
    await worker.terminate();
    if (first.code === 'ELOCKED') {
      throw new ConflictError(
        `数据目录 ${dir} 正被另一个 Zhibu 进程（通常是正在运行的服务 zhibu serve）使用。` +
        '内嵌数据库只允许一个进程打开，否则可能丢失数据。请先停止该进程，或通过其 API 操作。' +
        `(The data directory ${dir} is locked by another Zhibu process; stop it first.)`,
      );
    }
    throw new Error(first.message ?? '无法锁定数据目录');
  }
  // The lock must not keep a finished command alive; if the process exits without closing the
  // database, the lock is removed on the way out (as proper-lockfile itself does on the main thread).
  worker.unref();
  let held = true;
  const onExit = () => { if (held) rmSync(lockfilePath, { recursive: true, force: true }); };
  process.once('exit', onExit);
  return async () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', onExit);
    await new Promise<void>((done) => {
      worker.once('message', () => done());
      worker.once('exit', () => done());
      worker.postMessage('release');
    });
    await worker.terminate();
  };
}
