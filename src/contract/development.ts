/**
 * Contract of the development-case corrections (issue 13): what a correction sends and what a
 * list reports about a stored case it cannot read. The history is GET /api/history?type=developmentCase.
 */
import { z } from 'zod';
import { CASE_STEP_LIST, type CaseStepKey } from '../domain/regulations/development.ts';
import { isoDate, multilineText, text, uuid } from './common.ts';

const stepKey = z.enum(CASE_STEP_LIST as [CaseStepKey, ...CaseStepKey[]]);
const count = z.number().int().min(0).max(100000);

/** One step as it should stand after a correction (`id` kept for a step that stays). */
export const correctedStep = z.object({
  id: z.string().max(64).optional(),
  step: stepKey,
  date: isoDate,
  sponsors: z.array(z.object({ memberId: z.string().max(64), name: text(50), isFullMember: z.boolean(), underInternalProbation: z.boolean() })).max(2).optional(),
  training: z.object({ days: z.number().min(0).max(60), hours: z.number().min(0).max(500) }).optional(),
  passed: z.boolean().optional(),
  leavingUnitOn: isoDate.nullable().optional(),
  publicityStart: isoDate.nullable().optional(),
  outcome: z.enum(['full', 'extended', 'cancelled']).optional(),
  extensionMonths: z.number().int().min(1).max(24).optional(),
  vote: z.object({ due: count, present: count, yes: count, writtenYes: count.optional() }).strict().optional(),
}).strict();

/** PATCH /api/development/cases/:id — fields given replace the stored ones; `steps` replaces all steps. */
export const caseCorrectionBody = z.object({
  personName: text(50).min(1).optional(),
  birthDate: isoDate.nullable().optional(),
  ruleSet: z.enum(['2014', '2026.05']).optional(),
  steps: z.array(correctedStep).min(1).max(100).optional(),
  reason: multilineText(500).optional(),
}).strict();
export type CaseCorrectionBody = z.infer<typeof caseCorrectionBody>;

/** DELETE /api/development/cases/:id — an optional reason kept in the history. */
export const caseDeletionQuery = z.object({ reason: text(500).optional() });

/** A stored record left out because it cannot be read: its id and why (the rest of the page still works). */
export const unreadableRecord = z.object({
  kind: z.enum(['developmentCase']),
  id: uuid,
  orgId: uuid,
  /** The person's name, for finding it. */
  label: z.string(),
  reason: z.string(),
});
export type UnreadableRecordView = z.infer<typeof unreadableRecord>;
