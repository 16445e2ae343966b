/**
 * Membership over time against the demo 党委 on a real database: a roster imported today and a
 * member transferred out, dead or moved to another branch leave every statistic, check and draft
 * of every closed period exactly as it was, while the current period counts them by their dates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/access.ts';
import { checkCompliance } from '../../src/app/check-service.ts';
import type { AppContext } from '../../src/app/context.ts';
import { DEMO_ORG_NAMES } from '../../src/app/demo/demo-data.ts';
import { loadDemo } from '../../src/app/demo-service.ts';
import { importRosterInto, previewRosterImport } from '../../src/app/import-service.ts';
import { listMembersOf } from '../../src/app/member-service.ts';
import { endMembership, startMembership } from '../../src/app/membership-service.ts';
import { resolveOrg } from '../../src/app/org-service.ts';
import { draftSummary, factsFor } from '../../src/app/report-service.ts';
import { quarterPeriod, yearPeriod, type Period } from '../../src/domain/common/period.ts';
import { ValidationError } from '../../src/domain/errors.ts';
import type { Organization } from '../../src/domain/org/org.ts';
import { writeRosterXlsx } from '../../src/render/xlsx-roster.ts';
import { rosterRecord } from '../factories/roster.ts';
import { backends, createTestApp } from '../support/db.ts';

const TODAY = '2026-11-29';
const CLOSED: Period[] = [
  yearPeriod(2023), yearPeriod(2024), yearPeriod(2025),
  ...[1, 2, 3, 4].map((q) => quarterPeriod(2025, q)), quarterPeriod(2026, 1), quarterPeriod(2026, 2),
];

describe.each(backends)('membership over time on %s', (backend) => {
  let app: AppContext;
  let orgs: Organization[];

  /** Every statistic, finding and draft of the closed periods, for the 党委 and each branch. */
  async function closedPeriods(): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const org of orgs) {
      for (const period of CLOSED) {
        const facts = await factsFor(app, org, period);
        const check = await checkCompliance(app, org, period, TODAY);
        out.push({ org: org.name, period: period.from + period.to, facts, check });
      }
      for (const period of [yearPeriod(2024), yearPeriod(2025)]) {
        out.push({ org: org.name, draft: await draftSummary(app, { org, period, today: TODAY }) });
      }
    }
    return out;
  }

  beforeAll(async () => {
    app = await createTestApp(backend);
    await loadDemo(app, { force: false });
    orgs = await Promise.all([DEMO_ORG_NAMES.committee, DEMO_ORG_NAMES.finance, DEMO_ORG_NAMES.statistics].map((n) => resolveOrg(app, n)));
  }, 180_000);
  afterAll(async () => { await app?.close(); });

  it('a roster imported today leaves every statistic of every closed period unchanged', async () => {
    const finance = orgs[1]!;
    const before = await closedPeriods();
    const totalBefore = (await factsFor(app, finance, yearPeriod(2026), undefined, TODAY)).facts['members.total'].value;
    // Members who joined the Party long ago: the old import counted them in 2023 by their 入党时间.
    const bytes = await writeRosterXlsx([0, 1, 2].map((i) => rosterRecord(900 + i, { branchName: null, admittedOn: '2012-07-01', fullOn: '2013-07-01', category: 'full' })));
    const preview = await previewRosterImport(app, SYSTEM_ACTOR, finance, bytes, TODAY);
    expect(preview.ok).toBe(true);
    expect(preview.rows.map((r) => [r.joinedOn, r.joinedOnDefaulted])).toEqual([[TODAY, true], [TODAY, true], [TODAY, true]]);
    expect(preview.notes.join('')).toContain(`按导入日期 ${TODAY} 计入本支部`);
    expect((await importRosterInto(app, SYSTEM_ACTOR, finance, bytes, TODAY)).count).toBe(3);

    expect(await closedPeriods()).toEqual(before);
    // Today they are on the roll.
    expect((await factsFor(app, finance, yearPeriod(2026), undefined, TODAY)).facts['members.total'].value).toBe(totalBefore + 3);
  }, 300_000);

  it('a member transferred out is counted until the transfer date; the closed year is unchanged', async () => {
    const [committee, finance, statistics] = orgs as [Organization, Organization, Organization];
    const before = await closedPeriods();
    const list = await listMembersOf(app, SYSTEM_ACTOR, finance);
    const onRoll = list.filter((m) => m.status === 'normal' && m.positions.length === 0 && m.admittedOn !== null && m.admittedOn < '2020-01-01');
    const [moved, leaving, dead] = onRoll as [typeof list[number], typeof list[number], typeof list[number]];
    const ids = (f: Awaited<ReturnType<typeof factsFor>>) => f.facts['members.total'].sources.map((s) => s.id);

    const q2Before = ids(await factsFor(app, finance, quarterPeriod(2026, 2)));
    expect(q2Before).toContain(moved.id);

    await endMembership(app, SYSTEM_ACTOR, moved.id, { kind: 'transferOutWithin', date: '2026-09-01', toOrgId: statistics.id }, TODAY);
    await endMembership(app, SYSTEM_ACTOR, leaving.id, { kind: 'transferOutOutside', date: '2026-08-15', wentTo: '昆明市某单位党支部' }, TODAY);
    await endMembership(app, SYSTEM_ACTOR, dead.id, { kind: 'deceased', date: '2026-10-10' }, TODAY);

    expect(await closedPeriods()).toEqual(before);
    // Q3 2026 (as of 09-30): moved and leaving are gone from the finance roll, dead is still on it.
    const q3 = ids(await factsFor(app, finance, quarterPeriod(2026, 3)));
    expect(q3).not.toContain(moved.id);
    expect(q3).not.toContain(leaving.id);
    expect(q3).toContain(dead.id);
    // The next draft (2026, as of today) counts none of them for finance, and the moved member for statistics.
    const { facts } = await draftSummary(app, { org: finance, period: yearPeriod(2026), today: TODAY });
    expect(ids(facts)).not.toContain(dead.id);
    expect(ids(facts)).not.toContain(moved.id);
    expect(ids(await factsFor(app, statistics, yearPeriod(2026), undefined, TODAY))).toContain(moved.id);
    expect(ids(await factsFor(app, statistics, quarterPeriod(2026, 2)))).not.toContain(moved.id);
    // The 党委 sees the moved member throughout (both branches are in its subtree).
    expect(ids(await factsFor(app, committee, yearPeriod(2026), undefined, TODAY))).toContain(moved.id);
    expect((await listMembersOf(app, SYSTEM_ACTOR, statistics)).map((m) => m.id)).toContain(moved.id);
  }, 300_000);

  it('refuses impossible changes and lets a member who left come back', async () => {
    const finance = orgs[1]!;
    const m = (await listMembersOf(app, SYSTEM_ACTOR, finance)).find((x) => x.status === 'transferredOut' && x.memberships.at(-1)?.endKind === 'transferOutOutside')!;
    const twice = await endMembership(app, SYSTEM_ACTOR, m.id, { kind: 'deceased', date: '2026-11-01' }, TODAY).catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(ValidationError);
    const future = await startMembership(app, SYSTEM_ACTOR, m.id, { date: '2026-12-01', orgId: finance.id, cameFrom: null }, TODAY).catch((e: unknown) => e);
    expect((future as ValidationError).issues).toEqual([{ field: 'date', message: '日期不能晚于今天' }]);
    const back = await startMembership(app, SYSTEM_ACTOR, m.id, { date: '2026-11-20', orgId: finance.id, cameFrom: '昆明市某单位党支部' }, TODAY);
    expect(back.status).toBe('normal');
    expect(back.memberships.map((p) => [p.startKind, p.endKind])).toEqual([['initial', 'transferOutOutside'], ['transferInOutside', null]]);
    const early = await endMembership(app, SYSTEM_ACTOR, m.id, { kind: 'suspended', date: '2026-11-20' }, TODAY).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(ValidationError);
  }, 60_000);
});
