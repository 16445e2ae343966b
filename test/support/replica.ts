/**
 * A real PostgreSQL 15 streaming replica for the read-replica tests: a second cluster
 * (`pg_createcluster 15 replica -p 5433`) cloned from the primary with `pg_basebackup -R` by a
 * replication role, then started. Needs root and PostgreSQL 15 with the primary at
 * TEST_DATABASE_URL on 127.0.0.1:5432; otherwise `replicaUnavailable()` says why the test skips.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const REPLICA_PORT = 5433;
const BIN = '/usr/lib/postgresql/15/bin';
const DATA = '/var/lib/postgresql/15/replica';
const ROLE = 'zhibu_repl';
const PASSWORD = 'zhibu_repl';

/** Why a replica cannot be made here, or null when it can. */
export function replicaUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'not root (creating a PostgreSQL cluster needs root)';
  if (!existsSync(`${BIN}/pg_basebackup`) || spawnSync('which', ['pg_createcluster']).status !== 0) return 'PostgreSQL 15 is not installed';
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return 'TEST_DATABASE_URL is not set (the primary)';
  const u = new URL(url);
  if (!['127.0.0.1', 'localhost'].includes(u.hostname) || (u.port || '5432') !== '5432') return 'the primary is not the local cluster on 127.0.0.1:5432';
  return null;
}

function asPostgres(cmd: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('su', ['postgres', '-c', cmd], { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Creates and starts the replica (replacing one left by an earlier run); resolves when it accepts connections. */
export async function startReplica(): Promise<void> {
  asPostgres(`psql -qtA -c "DO \\$\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN CREATE ROLE ${ROLE} REPLICATION LOGIN PASSWORD '${PASSWORD}'; END IF; END \\$\\$"`);
  spawnSync('pg_dropcluster', ['15', 'replica', '--stop'], { stdio: 'ignore' });
  execFileSync('pg_createcluster', ['15', 'replica', '-p', String(REPLICA_PORT)], { stdio: 'ignore' });
  asPostgres(`rm -rf ${DATA} && ${BIN}/pg_basebackup -h 127.0.0.1 -p 5432 -U ${ROLE} -D ${DATA} -R -X stream`, { PGPASSWORD: PASSWORD });
  execFileSync('pg_ctlcluster', ['15', 'replica', 'start'], { stdio: 'ignore' });
  for (let i = 0; i < 60; i++) {
    if (spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(REPLICA_PORT)]).status === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the replica did not start');
}

/** Stops and removes the replica cluster. */
export function dropReplica(): void {
  spawnSync('pg_dropcluster', ['15', 'replica', '--stop'], { stdio: 'ignore' });
}

/** The URL of `primaryUrl`'s database on the replica (same role and database: they replicate). */
export function replicaUrl(primaryUrl: string): string {
  const u = new URL(primaryUrl);
  u.port = String(REPLICA_PORT);
  return u.toString();
}
