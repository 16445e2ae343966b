/**
 * QR sign-in (扫码签到), pure: who a meeting expects, what a scan may change, and the window in
 * which a code is valid. A scan can only turn an expected attendee with nothing recorded into 出席:
 * it never overrides the secretary's 请假 or 缺席, and anyone else waits in a 待确认/列席 list.
 */
import { addHours, addMinutes, max, min, parseISO, subMinutes } from 'date-fns';
import { isCommitteeMember, type Member } from '../member/member.ts';
import { belongsOn } from '../member/membership.ts';
import type { Activity, AttendanceStatus } from './activity.ts';

/** What came of a scan. */
export const SIGN_IN_OUTCOMES = {
  present: '已签到出席',
  alreadyPresent: '已登记出席',
  pending: '待确认',
  confirmed: '已确认',
  rejected: '未确认',
} as const;
export type SignInOutcome = keyof typeof SIGN_IN_OUTCOMES;

/** Why a scan waits for the secretary. */
export const SIGN_IN_PENDING_REASONS = {
  notExpected: '非应到人员（列席）',
  recordedExcused: '已登记请假',
  recordedAbsent: '已登记缺席',
} as const;
export type SignInPendingReason = keyof typeof SIGN_IN_PENDING_REASONS;

/**
 * The members a meeting expects, by id: for a 支委会 the committee (书记, 副书记, 委员); for a
 * 党小组会 the subgroup's members; otherwise everyone on the branch's roll that day (membership
 * periods). `branchId` is the branch the activity belongs to (its own id, or a subgroup's parent).
 */
export function expectedAttendees(activity: Pick<Activity, 'orgId' | 'kind' | 'date'>, branchId: string, members: readonly Member[]): Set<string> {
  const onRoll = members.filter((m) => belongsOn(m, activity.date, branchId));
  const bySubgroup = activity.orgId !== branchId ? onRoll.filter((m) => m.subgroupId === activity.orgId) : onRoll;
  const expected = activity.kind === 'branchCommitteeMeeting' ? bySubgroup.filter(isCommitteeMember) : bySubgroup;
  return new Set(expected.map((m) => m.id));
}

/** The decision for one scan. */
export type ScanDecision =
  | { outcome: 'present' | 'alreadyPresent'; reason: null }
  | { outcome: 'pending'; reason: SignInPendingReason };

/** Decides a scan from what the secretary recorded for the member (undefined: nothing) and whether the meeting expects them. */
export function decideScan(recorded: AttendanceStatus | undefined, expected: boolean): ScanDecision {
  if (recorded === 'present') return { outcome: 'alreadyPresent', reason: null };
  if (recorded === 'excused') return { outcome: 'pending', reason: 'recordedExcused' };
  if (recorded === 'absent') return { outcome: 'pending', reason: 'recordedAbsent' };
  return expected ? { outcome: 'present', reason: null } : { outcome: 'pending', reason: 'notExpected' };
}

/** How long before and after the meeting's start a code signs in, in minutes. */
export interface SignInWindowOptions {
  beforeMinutes: number;
  afterMinutes: number;
}
export const DEFAULT_SIGN_IN_WINDOW: SignInWindowOptions = { beforeMinutes: 60, afterMinutes: 180 };

/**
 * The instants a code is valid, `[from, until)`: from `beforeMinutes` before the start to
 * `afterMinutes` after it, never outside the meeting's date (China time, UTC+8 all year: no DST).
 * `startTime` is `HH:MM`.
 */
export function signInWindow(date: string, startTime: string, opts: SignInWindowOptions = DEFAULT_SIGN_IN_WINDOW): { from: Date; until: Date } {
  const start = parseISO(`${date}T${startTime}:00+08:00`);
  const dayStart = parseISO(`${date}T00:00:00+08:00`);
  const dayEnd = addHours(dayStart, 24);
  return { from: max([dayStart, subMinutes(start, opts.beforeMinutes)]), until: min([dayEnd, addMinutes(start, opts.afterMinutes)]) };
}
