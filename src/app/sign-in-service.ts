/**
 * Meeting sign-in by QR code (扫码签到): an organization administrator opens a code valid during
 * the meeting's window; a member scans it. A scan only turns an expected attendee with nothing
 * recorded into 出席; a recorded 请假/缺席 is never overwritten, and anyone not expected waits in
 * the 待确认/列席 list for the secretary (src/domain/activity/sign-in.ts). Only the token's SHA-256 is stored.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  decideScan, expectedAttendees, signInWindow, SIGN_IN_PENDING_REASONS,
  type SignInOutcome, type SignInPendingReason,
} from '../domain/activity/sign-in.ts';
import type { AttendanceStatus } from '../domain/activity/activity.ts';
import { belongsOn } from '../domain/member/membership.ts';
import type { SignInList, SignInOpenRequest, SignInResult, SignInTicket } from '../contract/sign-in.ts';
import { getActivity } from '../db/queries/activity-queries.ts';
import { getSignInToken, insertSignInToken } from '../db/queries/account-queries.ts';
import { getMember, membersForOrgs } from '../db/queries/member-queries.ts';
import { getOrganization } from '../db/queries/org-queries.ts';
import {
  getScan, insertScan, markPresentIfUnrecorded, recordedAttendance, scansOf, setPresent, setScanOutcome,
} from '../db/queries/sign-in-queries.ts';
import { ForbiddenError, type Actor } from './access.ts';
import { readActivity } from './activity-service.ts';
import { timeInChina, todayInChina } from './clock.ts';
import type { AppContext } from './context.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Opens a sign-in code for an activity in the actor's scope, valid from `beforeMinutes` before the
 * meeting's start to `afterMinutes` after it, on the meeting's date (signInWindow). The start
 * defaults to now when the meeting is today. ValidationError when no start is given for another
 * day, or the window is already over. `urlFor` builds the page the QR code points to.
 */
export async function openSignIn(app: AppContext, actor: Actor, activityId: string, now: Date, urlFor: (token: string) => string, req: SignInOpenRequest = {}): Promise<SignInTicket> {
  const activity = await readActivity(app, actor, activityId);
  const startTime = req.startTime ?? (activity.date === todayInChina(now) ? timeInChina(now) : null);
  if (!startTime) throw new ValidationError('该会议不在今天，请填写会议开始时间', [{ field: 'startTime', message: '请填写开始时间' }]);
  const window = signInWindow(activity.date, startTime, { beforeMinutes: req.beforeMinutes ?? 60, afterMinutes: req.afterMinutes ?? 180 });
  if (window.until.getTime() <= now.getTime()) throw new ValidationError('会议签到时段已结束，无法生成签到码', [{ field: 'startTime', message: '签到时段已结束' }]);
  const token = randomBytes(24).toString('base64url');
  await insertSignInToken(app.database.db, { tokenHash: sha256(token), activityId, validFrom: window.from, expiresAt: window.until });
  const url = urlFor(token);
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { token, url, validFrom: window.from.toISOString(), expiresAt: window.until.toISOString(), qrSvg };
}

const MESSAGES: Record<'present' | 'alreadyPresent', string> = {
  present: '签到成功，已登记为出席',
  alreadyPresent: '已登记为出席，无需重复签到',
};

function pendingMessage(reason: SignInPendingReason): string {
  return reason === 'notExpected'
    ? '您不在本次会议的应到人员中，签到已提交，待书记确认（列席）'
    : `您${SIGN_IN_PENDING_REASONS[reason]}，签到未改变该记录，已提交书记确认`;
}

/**
 * A member's scan. ForbiddenError when the account is not linked to a member; ValidationError
 * for an unknown code or one outside its window; NotFoundError for a member of another branch. Marks 出席 only an expected attendee with
 * nothing recorded; otherwise the scan waits for the secretary (never changing 请假/缺席).
 */
export async function signIn(app: AppContext, actor: Actor, token: string, now: Date): Promise<SignInResult> {
  if (!actor.memberId) throw new ForbiddenError('该账号未关联党员，无法签到');
  const db = app.database.db;
  const row = await getSignInToken(db, sha256(token));
  if (!row || row.expiresAt.getTime() <= now.getTime()) throw new ValidationError('签到码无效或已过期，请向会议组织者索取新的签到码', [{ field: 'token', message: '无效或已过期' }]);
  if (row.validFrom.getTime() > now.getTime()) throw new ValidationError('会议签到尚未开始，请在会议开始前一小时内扫码', [{ field: 'token', message: '尚未开始' }]);
  const [activity, member] = await Promise.all([getActivity(db, row.activityId), getMember(db, actor.memberId)]);
  if (!activity || !member) throw new NotFoundError('找不到该活动记录');
  const org = await getOrganization(db, activity.orgId);
  const branchId = org && org.type === 'partySubgroup' && org.parentId ? org.parentId : activity.orgId;
  // A forwarded link shows nothing to members of other branches.
  if (member.orgId !== branchId && !belongsOn(member, activity.date, branchId)) throw new NotFoundError('找不到该活动记录');
  const expected = expectedAttendees(activity, branchId, await membersForOrgs(db, [branchId]));
  const recorded = (await recordedAttendance(db, activity.id, member.id)) as AttendanceStatus | undefined;
  const decision = decideScan(recorded, expected.has(member.id));
  const result = await db.transaction(async (tx) => {
    if (decision.outcome === 'present' && !(await markPresentIfUnrecorded(tx, activity.id, member.id))) {
      // Recorded between the read and the write: decide again on what is there now.
      return decideScan((await recordedAttendance(tx, activity.id, member.id)) as AttendanceStatus | undefined, expected.has(member.id));
    }
    return decision;
  });
  const scan = await insertScan(db, { id: randomUUID(), activityId: activity.id, memberId: member.id, at: now, outcome: result.outcome, reason: result.reason });
  const outcome = scan.outcome as SignInOutcome;
  const reason = scan.reason as SignInPendingReason | null;
  const message = outcome === 'pending' && reason ? pendingMessage(reason) : outcome === 'present' || outcome === 'alreadyPresent' ? MESSAGES[outcome] : '签到已提交';
  return { activityId: activity.id, title: activity.title, outcome, reason, message };
}

/** Who scanned the meeting's codes, in order (for the live list on the meeting page). Scope as readActivity. */
export async function listSignIns(app: AppContext, actor: Actor, activityId: string): Promise<SignInList> {
  await readActivity(app, actor, activityId);
  const rows = await scansOf(app.database.db, activityId);
  return {
    activityId,
    scans: rows.map((r) => ({ id: r.id, memberId: r.memberId, name: r.name, at: r.at.toISOString(), outcome: r.outcome as SignInOutcome, reason: r.reason as SignInPendingReason | null })),
  };
}

/**
 * The secretary decides a pending scan. Confirming someone recorded 请假/缺席 records them 出席;
 * confirming someone not expected lists them as 列席 without adding them to the attendance
 * (列席 are not due to attend, so the attendance rate is unchanged). ConflictError when the scan
 * is not pending; NotFoundError outside the actor's scope.
 */
export async function decideSignIn(app: AppContext, actor: Actor, activityId: string, scanId: string, confirm: boolean): Promise<SignInList> {
  await readActivity(app, actor, activityId);
  const db = app.database.db;
  const scan = await getScan(db, scanId);
  if (!scan || scan.activityId !== activityId) throw new NotFoundError('找不到该签到记录');
  if (scan.outcome !== 'pending') throw new ConflictError('该签到已处理');
  await db.transaction(async (tx) => {
    if (confirm && scan.reason !== 'notExpected') await setPresent(tx, activityId, scan.memberId);
    await setScanOutcome(tx, scanId, confirm ? 'confirmed' : 'rejected');
  });
  return listSignIns(app, actor, activityId);
}
