/**
 * Use cases for activities: record (with agenda and attendance), edit, list, read, delete to the
 * recycle bin and restore. Each takes the acting user and checks the activity's organization
 * against the actor's scope (access.ts): outside it, the activity "does not exist"
 * (NotFoundError). Every write is one transaction that also appends the record's history.
 */
import { randomUUID } from 'node:crypto';
import { ACTIVITY_KINDS, type Activity } from '../domain/activity/activity.ts';
import { validateActivity } from '../domain/activity/validate.ts';
import type { LocalDate } from '../domain/common/dates.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { Organization } from '../domain/org/org.ts';
import { POSSIBLE_DUPLICATE } from '../contract/activities.ts';
import type { DbOrTx } from '../db/client.ts';
import {
  deleteActivity as deleteActivityRow, findSimilarActivities, getActivity, insertActivities, listActivityPageInSubtree,
  replaceActivity, type ActivityListQuery,
} from '../db/queries/activity-queries.ts';
import { existingMemberIds } from '../db/queries/history-queries.ts';
import { membersForOrgs } from '../db/queries/member-queries.ts';
import { assertOrgInScope, assertRecordOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { logChange, moveToRecycleBin } from './history-service.ts';
import { orgSubtree } from './org-service.ts';

export type NewActivity = Omit<Activity, 'id' | 'orgId'>;

/** Options of a write: save despite a possible duplicate, and the clock of the history entry. */
export interface WriteOptions {
  allowDuplicate?: boolean | undefined;
  now?: Date | undefined;
}

const NOT_FOUND = '找不到该活动记录';

async function memberIdsOf(app: AppContext, org: Organization): Promise<Set<string>> {
  const members = await membersForOrgs(app.database.db, (await orgSubtree(app, org)).map((o) => o.id));
  return new Set(members.map((m) => m.id));
}

/** ConflictError (POSSIBLE_DUPLICATE) when another activity has the same kind, date and title. */
async function refuseDuplicate(db: DbOrTx, a: Activity, opts: WriteOptions): Promise<void> {
  if (opts.allowDuplicate) return;
  const same = await findSimilarActivities(db, { orgId: a.orgId, kind: a.kind, date: a.date, title: a.title, exceptId: a.id });
  if (same.length > 0) throw new ConflictError(`${POSSIBLE_DUPLICATE}（${a.date} ${ACTIVITY_KINDS[a.kind]}“${same[0]!.title}”）。确认不是重复登记后可仍然保存。`);
}

/** The activity without the volatile bits, as history keeps it. */
const snapshot = (a: Activity): Activity => ({ ...a, status: a.status ?? 'held' });

/**
 * Records an activity of `org` in one transaction, with its history entry. Throws
 * ValidationError (nothing saved) when a field is bad, an attendee is not a member of the
 * branch or a held meeting is dated after `today`; ConflictError for a possible duplicate
 * unless `allowDuplicate`; NotFoundError when `org` is outside the actor's scope;
 * ForbiddenError for a member account.
 */
export async function recordActivity(app: AppContext, actor: Actor, org: Organization, input: NewActivity, today: LocalDate, opts: WriteOptions = {}): Promise<Activity> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const activity: Activity = { ...input, status: input.status ?? 'held', id: randomUUID(), orgId: org.id };
  validateActivity(activity, await memberIdsOf(app, org), today);
  await app.database.db.transaction(async (tx) => {
    await refuseDuplicate(tx, activity, opts);
    await insertActivities(tx, [activity]);
    await logChange(tx, actor, { recordType: 'activity', recordId: activity.id, orgId: org.id, action: 'create', before: null, after: snapshot(activity) }, opts.now ?? new Date());
  });
  return activity;
}

/**
 * Replaces activity `id` with `input` (fields, agenda and attendance), keeping its organization,
 * with the before and after in its history, in one transaction. Errors as recordActivity.
 */
export async function updateActivity(app: AppContext, actor: Actor, id: string, input: NewActivity, today: LocalDate, opts: WriteOptions = {}): Promise<Activity> {
  const before = await readActivity(app, actor, id);
  const org = await assertRecordOrgInScope(app, actor, before.orgId, NOT_FOUND);
  const after: Activity = { ...input, status: input.status ?? 'held', id, orgId: before.orgId };
  validateActivity(after, await memberIdsOf(app, org), today);
  await app.database.db.transaction(async (tx) => {
    await refuseDuplicate(tx, after, opts);
    if (!(await replaceActivity(tx, after))) throw new NotFoundError(NOT_FOUND);
    await logChange(tx, actor, { recordType: 'activity', recordId: id, orgId: before.orgId, action: 'update', before: snapshot(before), after: snapshot(after) }, opts.now ?? new Date());
  });
  return after;
}

/** A page of `org`'s activities (with its subtree), filtered and sorted. Scope as for recordActivity. */
export async function listActivities(app: AppContext, actor: Actor, org: Organization, q: ActivityListQuery & { limit: number; offset: number }) {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const { limit, offset, ...filter } = q;
  return listActivityPageInSubtree(app.database.db, org.path, filter, limit, offset);
}

/** One activity; NotFoundError when it does not exist or lies outside the actor's scope. */
export async function readActivity(app: AppContext, actor: Actor, id: string): Promise<Activity> {
  assertRole(actor, MANAGERS);
  const a = await getActivity(app.database.db, id);
  if (!a) throw new NotFoundError(NOT_FOUND);
  await assertRecordOrgInScope(app, actor, a.orgId, NOT_FOUND);
  return a;
}

/**
 * Deletes an activity into the recycle bin (restorable for 30 days; counted nowhere meanwhile),
 * with a history entry, in one transaction. NotFoundError when it does not exist or lies
 * outside the actor's scope.
 */
export async function deleteActivity(app: AppContext, actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  const a = await readActivity(app, actor, id);
  await app.database.db.transaction(async (tx) => {
    if (!(await deleteActivityRow(tx, id))) throw new NotFoundError(NOT_FOUND);
    await moveToRecycleBin(tx, actor, { recordType: 'activity', recordId: id, orgId: a.orgId, label: `${ACTIVITY_KINDS[a.kind]}：${a.title}`, recordDate: a.date, data: snapshot(a) }, now);
    await logChange(tx, actor, { recordType: 'activity', recordId: id, orgId: a.orgId, action: 'delete', before: snapshot(a), after: null }, now);
  });
}

/**
 * Puts a deleted activity back (in the caller's transaction `tx`). Attendance of members who no
 * longer exist is dropped, and so are a chair or lecturer who no longer exists. ConflictError
 * when an activity with its id exists again.
 */
export async function restoreActivity(tx: DbOrTx, actor: Actor, data: Activity, now: Date): Promise<Activity> {
  if (await getActivity(tx, data.id)) throw new ConflictError('这条活动记录已存在，无需恢复');
  const ids = [...data.attendance.map((x) => x.memberId), data.chairMemberId, data.lecturerMemberId].filter((x): x is string => !!x);
  const existing = await existingMemberIds(tx, ids);
  const known = (mid: string | null) => (mid && existing.has(mid) ? mid : null);
  const a: Activity = {
    ...data,
    chairMemberId: known(data.chairMemberId),
    lecturerMemberId: known(data.lecturerMemberId),
    attendance: data.attendance.filter((x) => existing.has(x.memberId)),
  };
  await insertActivities(tx, [a]);
  await logChange(tx, actor, { recordType: 'activity', recordId: a.id, orgId: a.orgId, action: 'restore', before: null, after: snapshot(a) }, now);
  return a;
}
