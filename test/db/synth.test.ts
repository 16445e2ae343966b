import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { synthGeneralBranch, synthRoot } from '../../src/app/demo/synth-data.ts';
import { loadSynthetic } from '../../src/app/synth-service.ts';
import { copyActivities, inBulkTransaction } from '../../src/db/bulk.ts';
import { listOrganizations } from '../../src/db/queries/org-queries.ts';
import { makeActivity } from '../factories/records.ts';
import { backends, createTestApp } from '../support/db.ts';

const opts = { branches: 12, membersPerBranch: 6, year: 2026, seed: 'synth-test' };

describe('synthetic data generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(synthGeneralBranch(opts, 1)).toEqual(synthGeneralBranch(opts, 1));
    expect(synthRoot(opts)).toEqual(synthRoot(opts));
    expect(synthGeneralBranch({ ...opts, seed: 'other' }, 1).members[0]!.id).not.toBe(synthGeneralBranch(opts, 1).members[0]!.id);
  });

  it('builds 党委 → 党总支 → 党支部 → 党小组 with a year of records per branch', () => {
    const g = synthGeneralBranch(opts, 1);
    expect(g.organizations.filter((o) => o.type === 'generalPartyBranch')).toHaveLength(1);
    expect(g.organizations.filter((o) => o.type === 'partyBranch')).toHaveLength(2); // branches 10 and 11 of 12
    expect(g.organizations.filter((o) => o.type === 'partySubgroup')).toHaveLength(4);
    expect(g.members).toHaveLength(12);
    for (const a of g.activities) expect(a.date.startsWith('2026-')).toBe(true);
    const kinds = new Set(g.activities.map((a) => a.kind));
    for (const k of ['branchCommitteeMeeting', 'generalMembershipMeeting', 'partySubgroupMeeting', 'partyLecture', 'themedPartyDay', 'organizationalLifeMeeting']) expect(kinds).toContain(k);
    expect(g.duesPayments.length).toBeGreaterThan(12 * 6);
  });
});

/** The rows of a raw query, whichever driver answered. */
async function rows(app: AppContext, q: ReturnType<typeof sql>): Promise<Array<Record<string, unknown>>> {
  return ((await app.database.db.execute(q)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
}

describe.each(backends)('zhibu synth loads by COPY (%s)', (backend) => {
  let app: AppContext;
  beforeAll(async () => { app = await createTestApp(backend); }, 120_000);
  afterAll(async () => { await app.close(); });

  it('stores exactly what it generated, and the tree is whole', async () => {
    const progress: number[] = [];
    const r = await loadSynthetic(app, opts, (done) => progress.push(done));
    expect(progress.at(-1)).toBe(12);
    const count = async (table: string) => Number((await rows(app, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n);
    expect(await count('organizations')).toBe(r.organizations);
    expect(r.organizations).toBe(1 + 2 + 12 + 24);
    expect(await count('members')).toBe(12 * 6);
    expect(await count('activities')).toBe(r.activities);
    expect(await count('attendance')).toBe(r.attendance);
    expect(await count('dues_payments')).toBe(r.duesPayments);
    expect(await count('development_cases')).toBe(r.developmentCases);
    const orgs = await listOrganizations(app.database.db);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    for (const o of orgs) if (o.parentId) expect(o.path.startsWith(`${byId.get(o.parentId)!.path}.`)).toBe(true);
    await expect(loadSynthetic(app, opts)).rejects.toThrow(); // same seed, same ids: refused, not doubled
    expect(await count('members')).toBe(12 * 6);
  }, 300_000);

  it('copies text with tabs, line breaks and backslashes intact, and rolls a failed session back', async () => {
    const orgs = await listOrganizations(app.database.db);
    const branch = orgs.find((o) => o.type === 'partyBranch')!;
    const a = makeActivity({ orgId: branch.id, title: 'a\tb\nc\\d 党课', minutes: 'line1\r\nline2' });
    await inBulkTransaction(app.database, (s) => copyActivities(s, [a]));
    const [row] = await rows(app, sql`SELECT title, minutes FROM activities WHERE id = ${a.id}`);
    expect(row).toEqual({ title: 'a\tb\nc\\d 党课', minutes: 'line1\r\nline2' });
    const b = makeActivity({ orgId: branch.id });
    await expect(inBulkTransaction(app.database, async (s) => { await copyActivities(s, [b]); throw new Error('stop'); })).rejects.toThrow('stop');
    expect(await rows(app, sql`SELECT count(*)::int AS n FROM activities WHERE id = ${b.id}`)).toEqual([{ n: 0 }]);
  }, 120_000);
});
