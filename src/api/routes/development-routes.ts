/**
 * /api/development/cases: member development cases (发展党员) — list a subtree's cases, open a
 * case, read one with its next steps and due dates, record a step. An impossible step is the
 * engine's ValidationError (HTTP 400) with the rule cited in its message.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopedOrg } from '../../app/access.ts';
import type { AppContext } from '../../app/context.ts';
import { addCaseStep, correctCase, deleteCase, listCases, openCase, readCase, type UnreadableCase } from '../../app/development-service.ts';
import { caseCorrectionBody, caseDeletionQuery, unreadableRecord } from '../../contract/development.ts';
import { CASE_STEP_LIST, type CaseStepKey } from '../../domain/regulations/development.ts';
import { actorOf } from '../auth.ts';
import { isoDate, uuid } from '../schemas.ts';

const stepKey = z.enum(CASE_STEP_LIST as [CaseStepKey, ...CaseStepKey[]]);
const ruleId = z.string();

const caseStep = z.object({
  id: z.string(), step: stepKey, date: isoDate,
  sponsors: z.array(z.object({ memberId: z.string(), name: z.string(), isFullMember: z.boolean(), underInternalProbation: z.boolean() })).optional(),
  training: z.object({ days: z.number(), hours: z.number() }).optional(),
  passed: z.boolean().optional(),
  leavingUnitOn: isoDate.nullable().optional(),
  publicityStart: isoDate.nullable().optional(),
  outcome: z.enum(['full', 'extended', 'cancelled']).optional(),
  extensionMonths: z.number().int().optional(),
  vote: z.object({ due: z.number().int(), present: z.number().int(), yes: z.number().int(), writtenYes: z.number().int().optional() }).optional(),
});

const finding = z.object({ ruleId, severity: z.enum(['error', 'warning']), orgId: z.string(), period: z.string(), message: z.string(), recordIds: z.array(z.string()), citation: z.string() });
const due = z.object({ ruleId, orgId: z.string(), subject: z.string(), earliest: isoDate.nullable(), latest: isoDate, message: z.string(), recordIds: z.array(z.string()) });

/** A case with what comes next (each step with its earliest and latest legal dates). */
export const caseViewSchema = z.object({
  case: z.object({
    id: uuid, orgId: uuid, personName: z.string(), birthDate: isoDate.nullable(), memberId: uuid.nullable(),
    ruleSet: z.enum(['2014', '2026.05']), steps: z.array(caseStep),
  }),
  currentStep: z.string().nullable(),
  stage: z.number().int(),
  nextSteps: z.array(z.object({
    step: stepKey, name: z.string(), earliest: isoDate.nullable(), latest: isoDate.nullable(), hardLatest: isoDate.optional(), ruleId, message: z.string(),
  })),
  dues: z.array(due),
  findings: z.array(finding),
});

const text = (max: number) => z.string().trim().max(max);

const stepInput = z.object({
  step: stepKey,
  date: isoDate,
  sponsorMemberIds: z.array(uuid).max(2).optional(),
  training: z.object({ days: z.number().min(0).max(60), hours: z.number().min(0).max(500) }).optional(),
  passed: z.boolean().optional(),
  leavingUnitOn: isoDate.nullable().optional(),
  publicityStart: isoDate.nullable().optional(),
  outcome: z.enum(['full', 'extended', 'cancelled']).optional(),
  extensionMonths: z.number().int().min(1).max(24).optional(),
  /** admissionMeeting / fullMembershipMeeting: the vote; `due` defaults to the branch's voting members on the date. */
  vote: z.object({
    due: z.number().int().min(0).max(100000).optional(), present: z.number().int().min(0).max(100000),
    yes: z.number().int().min(0).max(100000), writtenYes: z.number().int().min(0).max(100000).optional(),
  }).strict().optional(),
  memberId: uuid.optional(),
}).strict();

/** `now` stamps the case's updated_at (the server's clock). */
export function developmentRoutes(app: AppContext, today: () => string, now: () => Date = () => new Date()): FastifyPluginAsyncZod {
  return async (f) => {
    f.get('/api/development/cases', {
      schema: { tags: ['development'], summary: '发展党员档案列表（含下级组织）', querystring: z.object({ orgId: uuid }), response: { 200: z.object({ items: z.array(caseViewSchema), unreadable: z.array(unreadableRecord) }) } },
    }, async (req) => {
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, req.query.orgId);
      const unreadable: UnreadableCase[] = [];
      const items = await listCases(app, actor, org, today(), undefined, unreadable);
      return { items, unreadable: unreadable.map((u) => ({ kind: 'developmentCase' as const, id: u.id, orgId: u.orgId, label: u.personName, reason: u.reason })) };
    });

    f.post('/api/development/cases', {
      schema: {
        tags: ['development'], summary: '建立发展党员档案（从递交入党申请书开始）',
        body: z.object({
          orgId: uuid, personName: text(50).min(1), birthDate: isoDate.nullable().default(null), appliedOn: isoDate,
          ruleSet: z.enum(['2014', '2026.05']).optional(), memberId: uuid.nullable().optional(),
        }).strict(),
        response: { 201: caseViewSchema },
      },
    }, async (req, reply) => {
      const { orgId, ...input } = req.body;
      const actor = actorOf(req);
      const org = await scopedOrg(app, actor, orgId);
      return reply.status(201).send(await openCase(app, actor, org, input, today()));
    });

    f.get('/api/development/cases/:id', {
      schema: { tags: ['development'], summary: '一份发展党员档案（下一步骤及其法定时限）', params: z.object({ id: uuid }), response: { 200: caseViewSchema } },
    }, async (req) => readCase(app, actorOf(req), req.params.id, today()));

    f.post('/api/development/cases/:id/steps', {
      schema: {
        tags: ['development'], summary: '记录发展步骤（不符合规定的步骤被拒绝，并说明依据）',
        params: z.object({ id: uuid }), body: stepInput, response: { 200: caseViewSchema },
      },
    }, async (req) => addCaseStep(app, actorOf(req), req.params.id, req.body, today(), now()));

    f.patch('/api/development/cases/:id', {
      schema: {
        tags: ['development'], summary: '更正发展党员档案（姓名、出生日期、细则版本或全部步骤；留存更正记录）',
        params: z.object({ id: uuid }), body: caseCorrectionBody, response: { 200: caseViewSchema },
      },
    }, async (req) => correctCase(app, actorOf(req), req.params.id, req.body, today(), now()));

    f.delete('/api/development/cases/:id', {
      schema: {
        tags: ['development'], summary: '删除发展党员档案（留存删除记录）',
        params: z.object({ id: uuid }), querystring: caseDeletionQuery, response: { 204: z.null() },
      },
    }, async (req, reply) => {
      await deleteCase(app, actorOf(req), req.params.id, req.query.reason, now());
      return reply.status(204).send(null);
    });

  };
}
