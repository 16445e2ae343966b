/**
 * Test databases: an in-memory PGlite per test file, and — when TEST_DATABASE_URL is set — a
 * fresh PostgreSQL database per test file on that server (created and dropped here), so that
 * database code is tested on both, never against a mock.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { appOver, type AppContext } from '../../src/app/context.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createFieldCrypto } from '../../src/db/field-crypto.ts';

export type Backend = 'pglite' | 'postgres';

/** The backends this run tests: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fixed key for tests (never used outside them). */
export const testKey = Buffer.alloc(32, 7);

/** Opens a migrated, empty application on the backend. `close()` drops a PostgreSQL test database. */
export async function createTestApp(backend: Backend): Promise<AppContext> {
  const crypto = createFieldCrypto(testKey);
  if (backend === 'pglite') return appOver(await openDatabase({ dataDir: 'memory://' }), crypto);
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `zhibu_t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  const app = appOver(database, crypto);
  return {
    ...app,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}
