/**
 * Issue 4's end-to-end benchmark: `zhibu check` on a 党委 of 200 branches and 5,000 members
 * with a year of records stored in PGlite — loading the subtree and its records included.
 * Target < 2 s. The synthetic data is regulations.bench.ts's (development cases and a year of
 * dues rates and payments included), with uuid ids for the database.
 */
import { createHash } from 'node:crypto';
import { yearPeriod } from '../src/domain/common/period.ts';
import { pathLabel, type Organization } from '../src/domain/org/org.ts';
import { appOver } from '../src/app/context.ts';
import { checkCompliance } from '../src/app/check-service.ts';
import { toMemberRecord } from '../src/app/member-service.ts';
import { openDatabase } from '../src/db/client.ts';
import { createFieldCrypto } from '../src/db/field-crypto.ts';
import { insertActivities } from '../src/db/queries/activity-queries.ts';
import { insertDevelopmentCases } from '../src/db/queries/development-queries.ts';
import { insertDuesPayments, upsertDuesRates } from '../src/db/queries/dues-queries.ts';
import { insertMembers } from '../src/db/queries/member-queries.ts';
import { insertCommitteeTerms, insertOrganizations } from '../src/db/queries/org-queries.ts';
import { syntheticCommittee } from './regulations.bench.ts';
import type { BenchResult } from './types.ts';
import { median } from './util.ts';

/** A deterministic uuid for a synthetic id. */
function uuidOf(s: string): string {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function run(): Promise<BenchResult[]> {
  const records = syntheticCommittee(200, 25);
  const id = (s: string | null) => (s === null ? null : uuidOf(s));
  const byId = new Map(records.organizations.map((o) => [o.id, o]));
  const pathOf = (o: Organization): string => (o.parentId ? `${pathOf(byId.get(o.parentId)!)}.` : '') + pathLabel(uuidOf(o.id));
  const organizations = records.organizations.map((o) => ({ ...o, id: uuidOf(o.id), parentId: id(o.parentId), path: pathOf(o) }));
  organizations.sort((a, b) => a.path.split('.').length - b.path.split('.').length);
  const app = appOver(await openDatabase({ dataDir: 'memory://' }), createFieldCrypto(Buffer.alloc(32, 3)));
  const db = app.database.db;
  const t0 = performance.now();
  await insertOrganizations(db, organizations);
  await insertCommitteeTerms(db, records.terms.map((t) => ({ ...t, id: uuidOf(t.id), orgId: uuidOf(t.orgId) })));
  await insertMembers(db, records.members.map((m) => toMemberRecord(app.crypto, { ...m, id: uuidOf(m.id), orgId: uuidOf(m.orgId), subgroupId: id(m.subgroupId), idNumber: null, phone: null })));
  await insertActivities(db, records.activities.map((a) => ({
    ...a, id: uuidOf(a.id), orgId: uuidOf(a.orgId), chairMemberId: id(a.chairMemberId), lecturerMemberId: id(a.lecturerMemberId),
    attendance: a.attendance.map((x) => ({ ...x, memberId: uuidOf(x.memberId) })),
  })));
  await insertDevelopmentCases(db, records.developmentCases.map((c) => ({
    ...c, id: uuidOf(c.id), orgId: uuidOf(c.orgId), memberId: id(c.memberId),
    steps: c.steps.map((st) => (st.sponsors ? { ...st, sponsors: st.sponsors.map((x) => ({ ...x, memberId: uuidOf(x.memberId) })) } : st)),
  })));
  const dues = records.dues ?? { rates: [], payments: [] };
  await upsertDuesRates(db, dues.rates.map((r) => ({ ...r, memberId: uuidOf(r.memberId), category: 'employed' as const, baseFen: null })));
  await insertDuesPayments(db, dues.payments.map((p) => ({ ...p, id: uuidOf(p.id), memberId: uuidOf(p.memberId) })));
  const loadMs = performance.now() - t0;
  const root = organizations[0]!;
  const period = yearPeriod(2026);
  const checkMs = await median(() => checkCompliance(app, root, period, '2027-01-10'), 5, 1);
  const r = await checkCompliance(app, root, period, '2027-01-10');
  await app.close();
  const attendance = records.activities.reduce((s, a) => s + a.attendance.length, 0);
  return [
    { name: `setup: insert ${records.activities.length} activities, ${attendance} attendance rows, ${records.developmentCases.length} cases, ${dues.payments.length} dues payments`, value: loadMs },
    { name: `check 党委 of 200 branches / 5,000 members (DB load + rules; ${r.findings.length} findings)`, value: checkMs, target: 2000 },
  ];
}
