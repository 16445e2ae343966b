/** Request and response schemas shared by routes: the single source of the API's types. */
import { z } from 'zod';
import { RECORD_TYPES } from '../domain/stats/facts.ts';
import { ORG_TYPES, UNIT_KINDS } from '../domain/org/org.ts';
import { MEMBER_STATUSES, POSITIONS } from '../domain/member/member.ts';
import {
  MEMBERSHIP_END_KIND_LIST, MEMBERSHIP_START_KIND_LIST, type MembershipEndKind, type MembershipStartKind,
} from '../domain/member/membership.ts';

import { uuid, isoDate, text, periodQuery, errorBody, fieldIssue } from '../contract/common.ts';
export { uuid, isoDate, text, periodQuery, errorBody, fieldIssue };
export { activityKind } from '../contract/activities.ts';

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

/** One period on an organization's roll, `[startedOn, endedOn)` (src/domain/member/membership.ts). */
export const membership = z.object({
  id: uuid, memberId: uuid, orgId: uuid,
  startedOn: isoDate.nullable(), startKind: z.enum(MEMBERSHIP_START_KIND_LIST as [MembershipStartKind, ...MembershipStartKind[]]),
  endedOn: isoDate.nullable(), endKind: z.enum(MEMBERSHIP_END_KIND_LIST as [MembershipEndKind, ...MembershipEndKind[]]).nullable(),
  cameFrom: z.string().nullable(), wentTo: z.string().nullable(),
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
  memberships: z.array(membership).readonly(),
});

// Activities: src/contract/activities.ts.
export { activity, activityInput, activityListItem, attendanceInput } from '../contract/activities.ts';

export const sourceRef = z.object({ type: z.enum(RECORD_TYPES), id: z.string() });
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
    joinedOn: isoDate, joinedOnDefaulted: z.boolean(),
  })),
  issues: z.array(fieldIssue),
  /** What the preview wants the user to know before saving (e.g. join dates defaulted to today). */
  notes: z.array(z.string()),
});

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
