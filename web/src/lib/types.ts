/**
 * Shapes of the API's answers as the web UI reads them (docs: /tmp web contract, src/api/schemas.ts).
 * Domain types and labels come from src/domain, never copied here.
 */
import type { Member } from '../../../src/domain/member/member.ts';
import type { OrgType } from '../../../src/domain/org/org.ts';
import type { DraftDocument, SummaryKind } from '../../../src/domain/report/document.ts';
import type { RecordType } from '../../../src/domain/stats/facts.ts';

export type { Role } from '../../../src/contract/views.ts';
/** The logged-in user (GET /api/auth/me). */
export type { PublicUser as SessionUser } from '../../../src/contract/views.ts';


export interface Org {
  id: string;
  parentId: string | null;
  type: OrgType;
  typeLabel: string;
  name: string;
  unitKind: string;
  establishedOn: string | null;
  depth: number;
}

/** A member with masked personal data (idNumberMasked, phoneMasked). */
export type MemberItem = Member & { idNumberMasked: string | null; phoneMasked: string | null };

import type { ActivityKind, AttendanceStatus } from '../../../src/domain/activity/activity.ts';
// Activities: src/contract/activities.ts.
export type { ActivityAttendance, ActivityInput, ActivityListItem, ActivityView as Activity } from '../../../src/contract/activities.ts';

export interface ImportPreview {
  ok: boolean;
  rows: {
    rowNumber: number;
    name: string;
    gender: string | null;
    category: string | null;
    branchName: string | null;
    idNumberMasked: string | null;
    phoneMasked: string | null;
    admittedOn: string | null;
    fullOn: string | null;
    positions: string[] | string | null;
  }[];
  issues: { row: number; field: string; message: string }[];
}

export interface Dashboard {
  monthly: { month: number; kind: ActivityKind; count: number }[];
  /** Percent, 0–100 (or null when nothing was expected). */
  attendanceRate: number | null;
  studyHours: { buckets: { label: string; count: number }[]; average: number | null };
  development: { applied: number; activist: number; candidate: number; admittedProbationary: number; becameFull: number };
  members: { full: number; probationary: number };
  branches: { orgId: string; name: string; activities: number; attendanceRate: number | null; averageStudyHours: number | null; members: number }[];
}

export type DraftParagraphBlock = Extract<DraftDocument['blocks'][number], { type: 'paragraph' }> & { edited?: boolean };

/** A saved summary: the draft with the user's edits applied (GET /api/summaries/:id). */
export type { SummaryView as Summary } from '../../../src/contract/views.ts';

export interface SummaryListItem {
  id: string;
  title: string;
  periodLabel: string;
  kind: SummaryKind;
  updatedAt: string;
}

export interface RecordRef {
  type: RecordType;
  id: string;
  label: string;
  date?: string | null;
  /** The web page of the record, when it has one. */
  url: string | null;
}

export type { SignInList, SignInResult, SignInScan, SignInTicket } from '../../../src/contract/sign-in.ts';

export interface MyAttendanceRow {
  activityId: string;
  date: string;
  kind: ActivityKind;
  kindLabel: string;
  title: string;
  status: AttendanceStatus;
  reason: string | null;
}

export interface MyStudyHours {
  total: number;
  /** 32 for members, 56 for branch committee members (EDU-07). */
  required: number;
  byMonth: { month: number; hours: number }[];
}
