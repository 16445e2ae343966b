/** Pure helpers of the activity form: attendance taken from the branch's member list, and the request body. */
import { endOfMonth, format, startOfMonth } from 'date-fns';
import type { ActivityKind, ActivityStatus, AttendanceStatus } from '../../../../src/domain/activity/activity.ts';
import { isCommitteeMember } from '../../../../src/domain/member/member.ts';
import type { Activity, ActivityAttendance, ActivityInput, ActivityListItem, MemberItem } from '../../lib/types.ts';

/** Members expected at a branch meeting: those still in the branch (not transferred out, removed or deceased). */
export function expectedMembers(members: readonly MemberItem[]): MemberItem[] {
  return members.filter((m) => m.status === 'normal' || m.status === 'mobile' || m.status === 'suspended');
}

/**
 * Everyone expected is present until marked otherwise (the usual case, one click for the rest).
 * A 支委会 expects the committee members only (书记、副书记、委员).
 */
export function defaultAttendance(members: readonly MemberItem[], kind?: ActivityKind): ActivityAttendance[] {
  const expected = expectedMembers(members).filter((m) => kind !== 'branchCommitteeMeeting' || isCommitteeMember(m));
  return expected.map((m) => ({ memberId: m.id, status: 'present', reason: null }));
}

/** Sets one member's status; going back to present clears the reason. */
export function markAttendance(rows: readonly ActivityAttendance[], memberId: string, status: AttendanceStatus, reason?: string): ActivityAttendance[] {
  return rows.map((r) => (r.memberId !== memberId ? r : {
    memberId, status, reason: status === 'present' ? null : (reason ?? r.reason),
  }));
}

/** Counts by status, for the line above the attendance list. */
export function attendanceCounts(rows: readonly ActivityAttendance[]): Record<AttendanceStatus, number> {
  const out = { present: 0, excused: 0, absent: 0 };
  for (const r of rows) out[r.status] += 1;
  return out;
}

/** Members marked 请假 or 缺席 without a reason (a reason is required for both). */
export function missingReasons(rows: readonly ActivityAttendance[]): string[] {
  return rows.filter((r) => r.status !== 'present' && !r.reason?.trim()).map((r) => r.memberId);
}

/** What the form holds besides attendance (dates as YYYY-MM-DD strings). */
export interface ActivityFormValues {
  kind: ActivityKind;
  status?: ActivityStatus;
  date: string;
  title: string;
  location?: string;
  chairMemberId?: string;
  lecturerMemberId?: string;
  lecturerName?: string;
  agendaItems?: { title?: string; isFirstAgendaItem?: boolean }[];
  minutes?: string;
  nonMemberParticipants?: number;
  studyHours?: number;
}

const blank = (s: string | undefined): string | null => (s?.trim() ? s.trim() : null);

/**
 * The body of POST /api/activities. Empty agenda rows are dropped; a lecturer chosen from the
 * members wins over a typed name; reasons are trimmed.
 */
export function toActivityInput(orgId: string, v: ActivityFormValues, attendance: readonly ActivityAttendance[]): ActivityInput {
  return {
    orgId,
    kind: v.kind,
    status: v.status ?? 'held',
    date: v.date,
    title: v.title.trim(),
    location: blank(v.location),
    chairMemberId: v.chairMemberId ?? null,
    lecturerMemberId: v.lecturerMemberId ?? null,
    lecturerName: v.lecturerMemberId ? null : blank(v.lecturerName),
    agendaItems: (v.agendaItems ?? [])
      .filter((a) => a.title?.trim())
      .map((a) => ({ title: a.title!.trim(), isFirstAgendaItem: !!a.isFirstAgendaItem })),
    minutes: blank(v.minutes),
    attendance: attendance.map((a) => ({ ...a, reason: a.status === 'present' ? null : blank(a.reason ?? undefined) })),
    nonMemberParticipants: v.nonMemberParticipants ?? 0,
    studyHours: v.studyHours ?? 0,
  };
}

/** The first and last day of the month containing `day` (YYYY-MM-DD), for the calendar's query. */
export function monthRange(day: Date): { from: string; to: string } {
  return { from: format(startOfMonth(day), 'yyyy-MM-dd'), to: format(endOfMonth(day), 'yyyy-MM-dd') };
}

/** Activities grouped by date, for the calendar cells. */
export function byDate(items: readonly ActivityListItem[]): Map<string, ActivityListItem[]> {
  const out = new Map<string, ActivityListItem[]>();
  for (const a of items) out.set(a.date, [...(out.get(a.date) ?? []), a]);
  return out;
}

/** `9/10 出席` — members present over members expected. */
export function presenceText(a: Pick<ActivityListItem, 'present' | 'expected'>): string {
  return a.expected > 0 ? `${a.present}/${a.expected}` : '—';
}

/** The form's values for editing a saved activity (dates stay strings; the page turns them into pickers). */
export function formValuesOf(a: Activity): ActivityFormValues {
  const opt = (x: string | null) => x ?? undefined;
  return {
    kind: a.kind, status: a.status, date: a.date, title: a.title, location: opt(a.location), chairMemberId: opt(a.chairMemberId),
    lecturerMemberId: opt(a.lecturerMemberId), lecturerName: opt(a.lecturerName), agendaItems: a.agendaItems.map((x) => ({ ...x })),
    minutes: opt(a.minutes), nonMemberParticipants: a.nonMemberParticipants, studyHours: a.studyHours,
  };
}
