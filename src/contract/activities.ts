/**
 * The activities feature's contract: requests and answers of /api/activities (record, edit, list,
 * read), its enums with their Chinese labels. Used by the API routes, the CLI and the web.
 */
import { z } from 'zod';
import { ACTIVITY_KIND_LIST, ACTIVITY_KINDS, ACTIVITY_STATUSES, ATTENDANCE_LABELS, type ActivityKind, type ActivityStatus, type AttendanceStatus } from '../domain/activity/activity.ts';
import { isoDate, multilineText, page, text, uuid } from './common.ts';

export { ACTIVITY_KINDS, ACTIVITY_STATUSES, ATTENDANCE_LABELS };
export type { ActivityKind, ActivityStatus, AttendanceStatus };

export const activityKind = z.enum(ACTIVITY_KIND_LIST as [ActivityKind, ...ActivityKind[]]);
export const activityStatus = z.enum(Object.keys(ACTIVITY_STATUSES) as [ActivityStatus, ...ActivityStatus[]]);
export const attendanceStatus = z.enum(Object.keys(ATTENDANCE_LABELS) as [AttendanceStatus, ...AttendanceStatus[]]);

export const attendanceInput = z.object({
  memberId: uuid,
  status: attendanceStatus,
  reason: text(200).nullable().default(null),
});

/** The fields of an activity a form sends (recording and editing alike). */
export const activityFields = z.object({
  kind: activityKind,
  /** 已召开 (default) or 计划召开. */
  status: activityStatus.default('held'),
  date: isoDate,
  title: text(200).min(1, '主题不能为空'),
  location: text(200).nullable().default(null),
  chairMemberId: uuid.nullable().default(null),
  lecturerMemberId: uuid.nullable().default(null),
  lecturerName: text(50).nullable().default(null),
  agendaItems: z.array(z.object({ title: text(300).min(1, '议题不能为空'), isFirstAgendaItem: z.boolean().default(false) })).max(50).default([]),
  minutes: multilineText(20000).nullable().default(null),
  attendance: z.array(attendanceInput).max(500).default([]),
  nonMemberParticipants: z.number().int().min(0).max(100000).default(0),
  studyHours: z.number().min(0).max(24).default(0),
  /**
   * Save even though an activity of the same kind, date and title exists. Without it such a
   * request is refused (409, `possibleDuplicate`) so the form can ask first.
   */
  allowDuplicate: z.boolean().default(false),
});

/** POST /api/activities. */
export const activityInput = activityFields.extend({ orgId: uuid });
/** PUT /api/activities/:id: the whole record as it should be (the organization does not change). */
export const activityUpdate = activityFields;

/** An activity as read back: agenda and attendance included. */
export const activity = activityFields.omit({ allowDuplicate: true }).extend({ id: uuid, orgId: uuid });

export const activityListItem = z.object({
  id: uuid, orgId: uuid, kind: activityKind, kindLabel: z.string(), status: activityStatus, statusLabel: z.string(),
  date: isoDate, title: z.string(), location: z.string().nullable(),
  nonMemberParticipants: z.number().int(), studyHours: z.number(), present: z.number().int(), expected: z.number().int(),
});

/** GET /api/activities: filters, order and page. */
export const activityListQuery = z.object({
  orgId: uuid, from: isoDate.optional(), to: isoDate.optional(), kind: activityKind.optional(), status: activityStatus.optional(),
  title: text(100).optional(),
  sort: z.enum(['date', 'title', 'studyHours']).default('date'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(25), offset: z.coerce.number().int().min(0).default(0),
});

export const activityPage = page(activityListItem);

export type ActivityInput = z.input<typeof activityInput>;
export type ActivityUpdate = z.input<typeof activityUpdate>;
export type ActivityView = z.infer<typeof activity>;
export type ActivityListItem = z.infer<typeof activityListItem>;
export type ActivityAttendance = z.infer<typeof attendanceInput>;

/** The message of the 409 answer to a possible duplicate (the web asks "仍然保存？" on it). */
export const POSSIBLE_DUPLICATE = '可能重复：已有同类型、同日期、同主题的活动记录';
