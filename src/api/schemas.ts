/** Request and response schemas shared by routes: the single source of the API's types. */
import { z } from 'zod';
import { ACTIVITY_KIND_LIST } from '../domain/activity/activity.ts';
import { ORG_TYPES, UNIT_KINDS } from '../domain/org/org.ts';
import { MEMBER_STATUSES, POSITIONS } from '../domain/member/member.ts';

import { uuid, isoDate, text, multilineText, periodQuery, errorBody, fieldIssue } from '../contract/common.ts';
export { uuid, isoDate, text, periodQuery, errorBody, fieldIssue };
export const activityKind = z.enum(ACTIVITY_KIND_LIST as [string, ...string[]]);

export const organization = z.object({
  id: uuid,
  parentId: uuid.nullable(),
  type: z.enum(Object.keys(ORG_TYPES) as [string, ...string[]]),
  typeLabel: z.string(),
  name: z.string(),
  unitKind: z.enum(Object.keys(UNIT_KINDS) as [string, ...string[]]),
  establishedOn: isoDate.nullable(),
  depth: z.number().int(),
});

/** A member as any client may see it: masked personal data only (no encrypted column exists here). */
export const memberListItem = z.object({
  id: uuid,
  orgId: uuid,
  subgroupId: uuid.nullable(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  ethnicity: z.string().nullable(),
  birthDate: isoDate.nullable(),
  education: z.string().nullable(),
  category: z.enum(['full', 'probationary']),
  appliedOn: isoDate.nullable(),
  admittedOn: isoDate.nullable(),
  fullOn: isoDate.nullable(),
  status: z.enum(Object.keys(MEMBER_STATUSES) as [string, ...string[]]),
  leftOn: isoDate.nullable(),
  positions: z.array(z.enum(Object.keys(POSITIONS) as [string, ...string[]])),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
});

export const attendanceInput = z.object({
  memberId: uuid,
  status: z.enum(['present', 'excused', 'absent']),
  reason: text(200).nullable().default(null),
});

export const activityInput = z.object({
  orgId: uuid,
  kind: activityKind,
  date: isoDate,
  title: text(200).min(1),
  location: text(200).nullable().default(null),
  chairMemberId: uuid.nullable().default(null),
  lecturerMemberId: uuid.nullable().default(null),
  lecturerName: text(50).nullable().default(null),
  agendaItems: z.array(z.object({ title: text(300).min(1), isFirstAgendaItem: z.boolean().default(false) })).max(50).default([]),
  minutes: multilineText(20000).nullable().default(null),
  attendance: z.array(attendanceInput).max(500).default([]),
  nonMemberParticipants: z.number().int().min(0).max(100000).default(0),
  studyHours: z.number().min(0).max(24).default(0),
});

export const activity = activityInput.extend({ id: uuid, orgId: uuid, kind: z.string() });

export const activityListItem = z.object({
  id: uuid, orgId: uuid, kind: z.string(), kindLabel: z.string(), date: isoDate, title: z.string(), location: z.string().nullable(),
  nonMemberParticipants: z.number().int(), studyHours: z.number(), present: z.number().int(), expected: z.number().int(),
});

export const sourceRef = z.object({ type: z.enum(['activity', 'member', 'developmentEvent', 'developmentCase', 'organization']), id: z.string() });
export const fact = z.object({ key: z.string(), label: z.string(), value: z.number(), unit: z.string(), sources: z.array(sourceRef) });


/** PUT /api/members/:id: every field optional; `null` clears a nullable one. 身份证号/phone in clear, stored encrypted. */
export const memberPatch = z.object({
  name: text(50).min(1).optional(),
  gender: z.enum(['male', 'female']).nullable().optional(),
  ethnicity: text(20).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  education: text(30).nullable().optional(),
  category: z.enum(['full', 'probationary']).optional(),
  admittedOn: isoDate.nullable().optional(),
  fullOn: isoDate.nullable().optional(),
  status: z.enum(Object.keys(MEMBER_STATUSES) as [string, ...string[]]).optional(),
  positions: z.array(z.enum(Object.keys(POSITIONS) as [string, ...string[]])).max(10).optional(),
  subgroupId: uuid.nullable().optional(),
  phone: text(20).nullable().optional(),
  idNumber: text(20).nullable().optional(),
}).strict();

export const rosterPreview = z.object({
  ok: z.boolean(),
  rows: z.array(z.object({
    rowNumber: z.number().int(), name: z.string(), gender: z.enum(['male', 'female']), category: z.enum(['full', 'probationary']),
    branchName: z.string().nullable(), idNumberMasked: z.string(), phoneMasked: z.string().nullable(),
    admittedOn: isoDate.nullable(), fullOn: isoDate.nullable(), positions: z.array(z.string()),
  })),
  issues: z.array(fieldIssue),
});

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
