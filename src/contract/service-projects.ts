/**
 * The 我为群众办实事 feature's contract: projects (list, record, edit, delete) and the public
 * 群众评议 page (read the project, answer 满意 / 基本满意 / 不满意 with a comment, no login).
 */
import { z } from 'zod';
import {
  NEED_SOURCE_LIST, NEED_SOURCES, RATING_LIST, RATINGS, SERVICE_STATUS_LIST, SERVICE_STATUSES,
  type NeedSource, type Rating, type ServiceStatus,
} from '../domain/service-project/service-project.ts';
import { isoDate, multilineText, text, uuid } from './common.ts';

export { NEED_SOURCES, RATINGS, SERVICE_STATUSES };
export type { NeedSource, Rating, ServiceStatus };

export const needSource = z.enum(NEED_SOURCE_LIST as [NeedSource, ...NeedSource[]]);
export const serviceStatus = z.enum(SERVICE_STATUS_LIST as [ServiceStatus, ...ServiceStatus[]]);
export const rating = z.enum(RATING_LIST as [Rating, ...Rating[]]);

/** The fields a form sends (recording and editing alike). */
export const serviceProjectFields = z.object({
  campaignId: uuid.nullable().default(null),
  title: text(200).min(1, '请填写事项'),
  needSource: needSource,
  responsible: text(50).min(1, '请填写责任人'),
  startedOn: isoDate,
  deadline: isoDate,
  status: serviceStatus.default('planned'),
  doneOn: isoDate.nullable().default(null),
  peopleServed: z.number().int().min(0).max(10_000_000).nullable().default(null),
  result: text(200).nullable().default(null),
}).strict();
export type ServiceProjectFields = z.infer<typeof serviceProjectFields>;

export const serviceProjectInput = serviceProjectFields.extend({ orgId: uuid }).strict();

/** Counts of the project's 群众评议 answers, and the share of 满意 + 基本满意 (%, one decimal; null without answers). */
export const evaluationSummary = z.object({
  total: z.number().int(), satisfied: z.number().int(), basicallySatisfied: z.number().int(), dissatisfied: z.number().int(),
  satisfactionRate: z.number().nullable(),
});

export const serviceProjectView = serviceProjectFields.extend({
  id: uuid, orgId: uuid,
  /** The public evaluation page (relative), for the link and the QR code. */
  evaluationPath: z.string(),
  evaluations: evaluationSummary,
});
export type ServiceProjectView = z.infer<typeof serviceProjectView>;

/** What the public evaluation page shows of a project: nothing about people. */
export const publicProject = z.object({ title: z.string(), orgName: z.string(), status: serviceStatus, statusLabel: z.string() });

export const evaluationInput = z.object({ rating, comment: multilineText(500).nullable().default(null) }).strict();

export const evaluationLink = z.object({ url: z.string(), qrSvg: z.string() });
