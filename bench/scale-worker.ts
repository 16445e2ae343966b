/**
 * One figure of the scale benchmark, in its own Node process so that its peak RSS is its own and
 * the parent can stop it at the time-out. Usage (from bench/support.ts):
 *   node --import tsx bench/scale-worker.ts <figure> <postgres://… | dir:PATH> <rootId> <runs>
 * Prints one JSON line: { ms (median of the runs), maxRssMb, detail }.
 */
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../src/app/access.ts';
import { checkCompliance } from '../src/app/check-service.ts';
import { appOver } from '../src/app/context.ts';
import { dashboardFor } from '../src/app/dashboard-service.ts';
import { draftSummary, factsFor } from '../src/app/report-service.ts';
import { yearPeriod } from '../src/domain/common/period.ts';
import { openDatabase } from '../src/db/client.ts';
import { createFieldCrypto } from '../src/db/field-crypto.ts';
import { getOrganization } from '../src/db/queries/org-queries.ts';
import { BENCH_KEY, SYNTH, TODAY } from './support.ts';

const [name, where, rootId, runsText] = process.argv.slice(2) as [string, string, string, string];
const database = await openDatabase(where.startsWith('dir:') ? { dataDir: where.slice(4) } : { databaseUrl: where });
const app = appOver(database, createFieldCrypto(Buffer.from(BENCH_KEY, 'hex')));
const root = await getOrganization(app.database.db, rootId);
if (!root) throw new Error(`no organization ${rootId}`);
const period = yearPeriod(SYNTH.year);

/** The plain SQL aggregate of the summary's core facts: meetings by kind and month, expected and present attendance, study hours. */
async function plainAggregate(): Promise<number> {
  const r = await app.database.db.execute(sql`
    SELECT a.kind, date_trunc('month', a.date) AS month, count(DISTINCT a.id) AS meetings,
           count(t.member_id) AS expected, count(t.member_id) FILTER (WHERE t.status = 'present') AS present,
           sum(a.study_hours) FILTER (WHERE t.status = 'present') AS study_hours
    FROM activities a
    JOIN organizations o ON o.id = a.org_id
    LEFT JOIN attendance t ON t.activity_id = a.id
    WHERE (o.path = ${root!.path} OR o.path LIKE ${`${root!.path}.%`}) AND a.status = 'held' AND a.date BETWEEN ${period.from} AND ${period.to}
    GROUP BY a.kind, month`);
  return ((r as unknown as { rows: unknown[] }).rows ?? r).length;
}

const figures: Record<string, () => Promise<string>> = {
  summary: async () => {
    const { draft } = await draftSummary(app, { org: root, period, today: TODAY });
    return `${JSON.stringify(draft).length} bytes of draft JSON`;
  },
  check: async () => `${(await checkCompliance(app, root, period, TODAY)).findings.length} findings`,
  dashboard: async () => `${JSON.stringify(await dashboardFor(app, SYSTEM_ACTOR, root, SYNTH.year, TODAY)).length} bytes`,
  sql: async () => `${await plainAggregate()} groups`,
  'branch-facts': async () => {
    // A branch-year's facts: the first branch under the root's first 党总支.
    const branch = (await app.database.db.execute(sql`SELECT id FROM organizations WHERE type = 'partyBranch' AND path LIKE ${`${root!.path}.%`} ORDER BY name LIMIT 1`)) as unknown as { rows: Array<{ id: string }> };
    const org = (await getOrganization(app.database.db, branch.rows[0]!.id))!;
    const facts = await factsFor(app, org, period);
    return `${Object.keys(facts).length} keys`;
  },
};

const fn = figures[name];
if (!fn) throw new Error(`unknown figure ${name}`);
const runs = Number(runsText);
const times: number[] = [];
let detail = '';
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  detail = await fn();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
await app.close();
console.log(JSON.stringify({ ms: times[Math.floor(times.length / 2)], maxRssMb: process.resourceUsage().maxRSS / 1024, detail }));
