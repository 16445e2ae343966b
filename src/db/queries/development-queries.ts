/** Named queries for member development: dated events (records before cases existed) and cases. */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DevelopmentEvent, DevelopmentStep } from '../../domain/development/development.ts';
import { CASE_STEP_LIST, type CaseStep, type CaseStepKey, type DevelopmentCase } from '../../domain/regulations/development.ts';
import type { DbOrTx } from '../client.ts';
import { developmentCases, developmentEvents } from '../schema/index.ts';
import { isLocalDate } from '../../domain/common/dates.ts';

/** Inserts development events. */
export async function insertDevelopmentEvents(db: DbOrTx, rows: readonly DevelopmentEvent[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(developmentEvents).values(rows.map((e) => ({ ...e })));
}

/** Events of these organizations dated within [from, to] (inclusive). */
export async function loadDevelopmentEvents(db: DbOrTx, orgIds: readonly string[], from: string, to: string): Promise<DevelopmentEvent[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.select().from(developmentEvents)
    .where(and(inArray(developmentEvents.orgId, [...orgIds]), gte(developmentEvents.date, from), lte(developmentEvents.date, to)))
    .orderBy(asc(developmentEvents.date));
  return rows.map((r) => ({ ...r, step: r.step as DevelopmentStep }));
}

// ─── Development cases ─────────────────────────────────────────────────────────────────────

/** A real calendar date: `2025-02-30` fits the pattern but is not a date the engine can judge. */
const localDate = z.string().refine(isLocalDate, { error: '不是有效日期' });
const sponsorRef = z.object({ memberId: z.string(), name: z.string(), isFullMember: z.boolean(), underInternalProbation: z.boolean() });
/** The stored steps, checked on every read: a row edited by hand cannot reach the engine malformed. */
const caseStepSchema = z.object({
  id: z.string(),
  step: z.enum(CASE_STEP_LIST as [CaseStepKey, ...CaseStepKey[]]),
  date: localDate,
  sponsors: z.array(sponsorRef).optional(),
  training: z.object({ days: z.number(), hours: z.number() }).optional(),
  passed: z.boolean().optional(),
  leavingUnitOn: localDate.nullable().optional(),
  publicityStart: localDate.nullable().optional(),
  outcome: z.enum(['full', 'extended', 'cancelled']).optional(),
  extensionMonths: z.number().int().optional(),
  vote: z.object({ due: z.number().int(), present: z.number().int(), yes: z.number().int(), writtenYes: z.number().int().optional() }).optional(),
});
const stepsSchema = z.array(caseStepSchema);

type CaseRow = typeof developmentCases.$inferSelect;

/**
 * A stored case the engine cannot read (e.g. an impossible date saved before dates were
 * validated): reported with its id so the rest of a page still works and an administrator can
 * correct or delete it.
 */
export interface UnreadableCase {
  id: string;
  orgId: string;
  personName: string;
  /** Why it cannot be read, in Chinese, naming the field. */
  reason: string;
  /** The stored steps as they are, for the correction form. */
  storedSteps: unknown;
}

function parseCase(r: CaseRow): { case: DevelopmentCase } | { unreadable: UnreadableCase } {
  const bad = (reason: string) => ({ unreadable: { id: r.id, orgId: r.orgId, personName: r.personName, reason, storedSteps: r.steps } });
  const steps = stepsSchema.safeParse(r.steps);
  if (!steps.success) {
    const issue = steps.error.issues[0];
    return bad(`存储的发展步骤无法读取（${issue ? `${issue.path.join('.')}：${issue.message}` : '格式错误'}）`);
  }
  if (r.ruleSet !== '2014' && r.ruleSet !== '2026.05') return bad(`未知的细则版本：${r.ruleSet}`);
  if (r.birthDate !== null && !isLocalDate(r.birthDate)) return bad(`出生日期无效：${r.birthDate}`);
  return {
    case: {
      id: r.id, orgId: r.orgId, memberId: r.memberId, personName: r.personName, birthDate: r.birthDate,
      ruleSet: r.ruleSet, steps: steps.data.map(stripUndefined),
    },
  };
}

function toCase(r: CaseRow): DevelopmentCase {
  const p = parseCase(r);
  // Stored data that no longer fits the domain is a server fault, not the user's input.
  if ('unreadable' in p) throw new Error(`development case ${r.id}: stored steps are malformed (${p.unreadable.reason})`);
  return p.case;
}

function stripUndefined(s: z.infer<typeof caseStepSchema>): CaseStep {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (v !== undefined) out[k] = v;
  return out as unknown as CaseStep;
}

/** Inserts development cases (steps included). */
export async function insertDevelopmentCases(db: DbOrTx, rows: readonly DevelopmentCase[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(developmentCases).values(rows.slice(i, i + 500).map((c) => ({
      id: c.id, orgId: c.orgId, memberId: c.memberId, personName: c.personName, birthDate: c.birthDate, ruleSet: c.ruleSet, steps: c.steps,
    })));
  }
}

/** One case, or null. Throws Error when the stored steps are malformed. */
export async function getDevelopmentCase(db: DbOrTx, id: string): Promise<DevelopmentCase | null> {
  const rows = await db.select().from(developmentCases).where(eq(developmentCases.id, id));
  return rows[0] ? toCase(rows[0]) : null;
}

/**
 * Cases of these organizations, oldest first. A stored case the engine cannot read is left out
 * and, when `unreadable` is given, reported there (with its id) instead of failing the whole load.
 */
export async function loadDevelopmentCases(db: DbOrTx, orgIds: readonly string[], unreadable?: UnreadableCase[]): Promise<DevelopmentCase[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.select().from(developmentCases).where(inArray(developmentCases.orgId, [...orgIds])).orderBy(asc(developmentCases.createdAt), asc(developmentCases.id));
  const out: DevelopmentCase[] = [];
  for (const r of rows) {
    const p = parseCase(r);
    if ('case' in p) out.push(p.case);
    else unreadable?.push(p.unreadable);
  }
  return out;
}

/** One case as stored: readable (`case`) or not (`unreadable`); null when there is none. */
export async function getDevelopmentCaseRecord(db: DbOrTx, id: string): Promise<{ case: DevelopmentCase } | { unreadable: UnreadableCase } | null> {
  const rows = await db.select().from(developmentCases).where(eq(developmentCases.id, id));
  return rows[0] ? parseCase(rows[0]) : null;
}

/** Replaces a case's name, birth date, rule set, steps and member link (a correction); false when the case is gone. */
export async function replaceDevelopmentCase(db: DbOrTx, c: DevelopmentCase, now: Date): Promise<boolean> {
  const r = await db.update(developmentCases).set({ personName: c.personName, birthDate: c.birthDate, ruleSet: c.ruleSet, steps: c.steps, memberId: c.memberId, updatedAt: now })
    .where(eq(developmentCases.id, c.id)).returning({ id: developmentCases.id });
  return r.length > 0;
}

/** Deletes a case; false when it is gone. */
export async function deleteDevelopmentCase(db: DbOrTx, id: string): Promise<boolean> {
  const r = await db.delete(developmentCases).where(eq(developmentCases.id, id)).returning({ id: developmentCases.id });
  return r.length > 0;
}

/** The raw stored row of a case (for its history entry), or null. */
export async function storedDevelopmentCaseRow(db: DbOrTx, id: string): Promise<Record<string, unknown> | null> {
  const rows = await db.select({
    id: developmentCases.id, orgId: developmentCases.orgId, memberId: developmentCases.memberId, personName: developmentCases.personName,
    birthDate: developmentCases.birthDate, ruleSet: developmentCases.ruleSet, steps: developmentCases.steps,
  }).from(developmentCases).where(eq(developmentCases.id, id));
  return rows[0] ?? null;
}

/** Replaces a case's steps and member link; `now` stamps updated_at. Returns false when the case is gone. */
export async function updateDevelopmentCase(db: DbOrTx, c: DevelopmentCase, now: Date): Promise<boolean> {
  const r = await db.update(developmentCases).set({ steps: c.steps, memberId: c.memberId, updatedAt: now })
    .where(eq(developmentCases.id, c.id)).returning({ id: developmentCases.id });
  return r.length > 0;
}
