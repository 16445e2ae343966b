/**
 * Meeting sign-in by QR code (扫码签到): an organization administrator opens a time-limited
 * token for an activity; a member scans it on the phone and is marked present. Only the token's
 * SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { getActivity } from '../db/queries/activity-queries.ts';
import { getSignInToken, insertSignInToken } from '../db/queries/account-queries.ts';
import { getMember } from '../db/queries/member-queries.ts';
import { markPresent } from '../db/queries/record-lookup-queries.ts';
import { ForbiddenError, type Actor } from './access.ts';
import { readActivity } from './activity-service.ts';
import type { AppContext } from './context.ts';

/** How long a sign-in code stays valid, in milliseconds (2 hours: a meeting's length). */
export const SIGN_IN_TTL_MS = 2 * 3600_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Opens a sign-in code for an activity in the actor's scope. `urlFor` builds the page the QR
 * code points to from the token. Returns the token, its URL, expiry and the QR code as SVG.
 */
export async function openSignIn(app: AppContext, actor: Actor, activityId: string, now: Date, urlFor: (token: string) => string): Promise<{ token: string; url: string; expiresAt: string; qrSvg: string }> {
  await readActivity(app, actor, activityId);
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SIGN_IN_TTL_MS);
  await insertSignInToken(app.database.db, { tokenHash: sha256(token), activityId, expiresAt });
  const url = urlFor(token);
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { token, url, expiresAt: expiresAt.toISOString(), qrSvg };
}

/**
 * Marks the actor's member record present at the token's activity. ForbiddenError when the
 * account is not linked to a member; ValidationError for an unknown or expired code;
 * NotFoundError when the member does not belong to the activity's branch.
 */
export async function signIn(app: AppContext, actor: Actor, token: string, now: Date): Promise<{ activityId: string; title: string; status: 'present' }> {
  if (!actor.memberId) throw new ForbiddenError('该账号未关联党员，无法签到');
  const db = app.database.db;
  const row = await getSignInToken(db, sha256(token));
  if (!row || row.expiresAt.getTime() <= now.getTime()) throw new ValidationError('签到码无效或已过期，请向会议组织者索取新的签到码', [{ field: 'token', message: '无效或已过期' }]);
  const [activity, member] = await Promise.all([getActivity(db, row.activityId), getMember(db, actor.memberId)]);
  if (!activity || !member) throw new NotFoundError('找不到该活动记录');
  if (member.orgId !== activity.orgId && member.subgroupId !== activity.orgId) throw new NotFoundError('找不到该活动记录');
  await markPresent(db, activity.id, member.id);
  return { activityId: activity.id, title: activity.title, status: 'present' };
}
