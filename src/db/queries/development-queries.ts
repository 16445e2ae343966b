/** Named queries for member development: dated events (records before cases existed) and cases. */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DevelopmentEvent, DevelopmentStep } from '../../domain/development/development.ts';
import { CASE_STEP_LIST, type CaseStep, type CaseStepKey, type DevelopmentCase } from '../../domain/regulations/development.ts';
import type { DbOrTx } from '../client.ts';
import { developmentCases, developmentEvents } from '../schema/index.ts';

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

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
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

function toCase(r: CaseRow): DevelopmentCase {
  const steps = stepsSchema.safeParse(r.steps);
  // Stored data that no longer fits the domain is a server fault, not the user's input.
  if (!steps.success) throw new Error(`development case ${r.id}: stored steps are malformed (${steps.error.issues[0]?.message ?? ''})`);
  if (r.ruleSet !== '2014' && r.ruleSet !== '2026.05') throw new Error(`development case ${r.id}: unknown rule set`);
  return {
    id: r.id, orgId: r.orgId, memberId: r.memberId, personName: r.personName, birthDate: r.birthDate,
    ruleSet: r.ruleSet, steps: steps.data.map(stripUndefined),
  };
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

/** Cases of these organizations, by person name (pinyin order is the caller's). */
export async function loadDevelopmentCases(db: DbOrTx, orgIds: readonly string[]): Promise<DevelopmentCase[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.select().from(developmentCases).where(inArray(developmentCases.orgId, [...orgIds])).orderBy(asc(developmentCases.createdAt), asc(developmentCases.id));
  return rows.map(toCase);
}

/** Replaces a case's steps and member link; `now` stamps updated_at. Returns false when the case is gone. */
export async function updateDevelopmentCase(db: DbOrTx, c: DevelopmentCase, now: Date): Promise<boolean> {
  const r = await db.update(developmentCases).set({ steps: c.steps, memberId: c.memberId, updatedAt: now })
    .where(eq(developmentCases.id, c.id)).returning({ id: developmentCases.id });
  return r.length > 0;
}
