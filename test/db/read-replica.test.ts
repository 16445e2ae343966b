import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/access.ts';
import { checkCompliance } from '../../src/app/check-service.ts';
import { appOver, readFromPrimary, readsOf, withReadReplica, type AppContext } from '../../src/app/context.ts';
import { dashboardFor } from '../../src/app/dashboard-service.ts';
import { draftSummary } from '../../src/app/report-service.ts';
import { loadSynthetic } from '../../src/app/synth-service.ts';
import { yearPeriod } from '../../src/domain/common/period.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createFieldCrypto } from '../../src/db/field-crypto.ts';
import { insertActivities } from '../../src/db/queries/activity-queries.ts';
import { getOrganization } from '../../src/db/queries/org-queries.ts';
import { makeActivity } from '../factories/records.ts';
import { testKey } from '../support/db.ts';
import { dropReplica, REPLICA_PORT, replicaUnavailable, replicaUrl, startReplica } from '../support/replica.ts';

const unavailable = replicaUnavailable();
if (unavailable) console.info(`read-replica tests skipped: ${unavailable}`);

async function rows(app: AppContext, q: ReturnType<typeof sql>): Promise<Array<Record<string, unknown>>> {
  return ((await app.database.db.execute(q)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
}

/** Runs SQL as the superuser on the replica (pausing and resuming WAL replay). */
function onReplicaAsSuperuser(statement: string): void {
  execFileSync('su', ['postgres', '-c', `psql -qtA -p ${REPLICA_PORT} -c "${statement}"`], { stdio: 'ignore' });
}

describe.skipIf(unavailable !== null)('DATABASE_READ_URL: reports, dashboards and checks through a real streaming replica', () => {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `zhibu_t_${randomBytes(6).toString('hex')}`;
  let app: AppContext;
  let rootId: string;
  const period = yearPeriod(2026);
  const today = '2027-01-10';

  beforeAll(async () => {
    await startReplica();
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const primary = appOver(await openDatabase({ databaseUrl: url.toString() }), createFieldCrypto(testKey));
    rootId = (await loadSynthetic(primary, { branches: 3, membersPerBranch: 5, year: 2026, seed: 'replica' })).rootId;
    app = withReadReplica(primary, await openDatabase({ databaseUrl: replicaUrl(url.toString()), migrate: false }));
    // Wait until the replica has replayed the load.
    const want = (await rows(app, sql`SELECT count(*)::int AS n FROM attendance`))[0]!.n;
    for (let i = 0; i < 120; i++) {
      const got = await rows(readsOf(app), sql`SELECT count(*)::int AS n FROM attendance`).catch(() => [{ n: -1 }]);
      if (got[0]!.n === want) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the replica did not catch up within 30 s');
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    dropReplica();
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.end();
  }, 120_000);

  it('reads reports, dashboards and checks from the replica, with the primary\'s answers', async () => {
    const reads = readsOf(app);
    expect(reads).not.toBe(app);
    expect(await rows(reads, sql`SELECT pg_is_in_recovery() AS standby`)).toEqual([{ standby: true }]);
    expect(await rows(app, sql`SELECT pg_is_in_recovery() AS standby`)).toEqual([{ standby: false }]);
    const root = (await getOrganization(reads.database.db, rootId))!;
    const [fromReplica, fromPrimary] = [await draftSummary(reads, { org: root, period, today }), await draftSummary(app, { org: root, period, today })];
    expect(fromReplica.draft).toEqual(fromPrimary.draft);
    expect(fromReplica.facts.facts['activities.branchCommitteeMeeting']?.value).toBeGreaterThan(0);
    expect(await checkCompliance(reads, root, period, today)).toEqual(await checkCompliance(app, root, period, today));
    expect(await dashboardFor(reads, SYSTEM_ACTOR, root, 2026, today)).toEqual(await dashboardFor(app, SYSTEM_ACTOR, root, 2026, today));
    const refused = await reads.database.db.execute(sql`CREATE TABLE never_here (x int)`).then(() => null, (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(refused).toMatch(/read-only transaction/);
  }, 120_000);

  it('sends a caller\'s reads right after its own write to the primary, even while the replica lags', async () => {
    const reads = readsOf(app);
    const root = (await getOrganization(app.database.db, rootId))!;
    const branch = (await rows(app, sql`SELECT id FROM organizations WHERE type = 'partyBranch' AND path LIKE ${`${root.path}.%`} LIMIT 1`))[0]!.id as string;
    const before = (await draftSummary(reads, { org: root, period, today })).facts.facts['activities.partyLecture']?.value ?? 0;
    onReplicaAsSuperuser('SELECT pg_wal_replay_pause()');
    try {
      await insertActivities(app.database.db, [makeActivity({ orgId: branch, kind: 'partyLecture', date: '2026-11-30', title: '新录入的党课' })]);
      const own = await readFromPrimary(() => draftSummary(reads, { org: root, period, today }));
      expect(own.facts.facts['activities.partyLecture']?.value).toBe(before + 1);
      const others = await draftSummary(reads, { org: root, period, today });
      expect(others.facts.facts['activities.partyLecture']?.value ?? 0).toBe(before); // the paused replica has not seen it
    } finally {
      onReplicaAsSuperuser('SELECT pg_wal_replay_resume()');
    }
  }, 120_000);
});
