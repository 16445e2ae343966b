/**
 * `zhibu synth`: loads a synthetic 党委 (src/app/demo/synth-data.ts) of any size for benchmarks
 * and capacity tests. Generated one batch of 党总支 at a time (bounded memory) and loaded by COPY,
 * one transaction per batch: organizations, terms, members, cases and dues rates through the
 * ordinary insert queries, the bulk tables (activities, agenda, attendance, dues payments) by COPY.
 */
import { copyActivities, copyDuesPayments, inBulkTransaction } from '../db/bulk.ts';
import { insertDevelopmentCases } from '../db/queries/development-queries.ts';
import { upsertDuesRates } from '../db/queries/dues-queries.ts';
import { insertMembers } from '../db/queries/member-queries.ts';
import { insertCommitteeTerms, insertOrganizations } from '../db/queries/org-queries.ts';
import { ValidationError } from '../domain/errors.ts';
import type { AppContext } from './context.ts';
import { BRANCHES_PER_GENERAL_BRANCH, generalBranchCount, synthGeneralBranch, synthRoot, type SynthOptions, type SynthRecords } from './demo/synth-data.ts';
import { toMemberRecord } from './member-service.ts';

export interface SynthResult {
  rootId: string;
  rootName: string;
  organizations: number;
  members: number;
  activities: number;
  attendance: number;
  duesPayments: number;
  developmentCases: number;
  /** Wall-clock milliseconds of the load. */
  ms: number;
}

/** Progress: `done` of `total` branches loaded. */
export type SynthProgress = (done: number, total: number) => void;

/** Limits of the options (a 党委 of 100,000 branches is about a third of the largest province). */
export const SYNTH_LIMITS = { branches: [1, 1_000_000], membersPerBranch: [3, 200], year: [2020, 2100] } as const;

/** Throws ValidationError naming every option out of range. */
export function validateSynthOptions(o: SynthOptions): void {
  const issues: Array<{ field: string; message: string }> = (Object.keys(SYNTH_LIMITS) as Array<keyof typeof SYNTH_LIMITS>)
    .filter((k) => !Number.isInteger(o[k]) || o[k] < SYNTH_LIMITS[k][0] || o[k] > SYNTH_LIMITS[k][1])
    .map((k) => ({ field: k, message: `应为 ${SYNTH_LIMITS[k][0]}–${SYNTH_LIMITS[k][1]} 的整数` }));
  if (o.seed.trim() === '') issues.push({ field: 'seed', message: '不能为空' });
  if (issues.length > 0) throw new ValidationError('合成数据参数无效', issues);
}

/**
 * Generates and loads the tree. The same options always give the same ids and records, so loading
 * the same seed twice is refused by the database (duplicate keys); use another seed for a second tree.
 * Throws ValidationError for bad options. A failure keeps the batches already committed.
 */
export async function loadSynthetic(app: AppContext, o: SynthOptions, onProgress?: SynthProgress): Promise<SynthResult> {
  validateSynthOptions(o);
  const t0 = performance.now();
  const totals = { organizations: 0, members: 0, activities: 0, attendance: 0, duesPayments: 0, developmentCases: 0 };
  const save = (r: SynthRecords) => inBulkTransaction(app.database, async (s) => {
    await insertOrganizations(s.db, r.organizations);
    await insertCommitteeTerms(s.db, r.committeeTerms);
    await insertMembers(s.db, r.members.map((m) => toMemberRecord(app.crypto, { ...m, idNumber: null, phone: null })));
    await insertDevelopmentCases(s.db, r.developmentCases);
    await upsertDuesRates(s.db, r.duesRates);
    await copyActivities(s, r.activities);
    await copyDuesPayments(s, r.duesPayments);
    totals.organizations += r.organizations.length;
    totals.members += r.members.length;
    totals.activities += r.activities.length;
    totals.attendance += r.activities.reduce((n, a) => n + a.attendance.length, 0);
    totals.duesPayments += r.duesPayments.length;
    totals.developmentCases += r.developmentCases.length;
  });
  const root = synthRoot(o);
  await save(root);
  const generals = generalBranchCount(o.branches);
  // About 50 branches per transaction: large enough for COPY to pay, small enough for memory.
  const perBatch = 5;
  onProgress?.(0, o.branches);
  for (let g = 0; g < generals; g += perBatch) {
    const batch: SynthRecords = { organizations: [], committeeTerms: [], members: [], activities: [], developmentCases: [], duesRates: [], duesPayments: [] };
    for (let k = g; k < Math.min(generals, g + perBatch); k++) {
      const r = synthGeneralBranch(o, k);
      for (const key of Object.keys(batch) as Array<keyof SynthRecords>) (batch[key] as unknown[]).push(...r[key]);
    }
    await save(batch);
    onProgress?.(Math.min(o.branches, (g + perBatch) * BRANCHES_PER_GENERAL_BRANCH), o.branches);
  }
  const r0 = root.organizations[0]!;
  return { rootId: r0.id, rootName: r0.name, ...totals, ms: performance.now() - t0 };
}
