/**
 * Use cases for activities: record (with agenda and attendance), list, read, delete. Each takes
 * the acting user and checks the activity's organization against the actor's scope
 * (access.ts): outside it, the activity "does not exist" (NotFoundError).
 */
import { randomUUID } from 'node:crypto';
import type { Activity, ActivityKind } from '../domain/activity/activity.ts';
import { validateActivity } from '../domain/activity/validate.ts';
import type { LocalDate } from '../domain/common/dates.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Organization } from '../domain/org/org.ts';
import { deleteActivity as deleteActivityRow, getActivity, insertActivities, listActivityPageInSubtree } from '../db/queries/activity-queries.ts';
import { membersForOrgs } from '../db/queries/member-queries.ts';
import { assertOrgInScope, assertRecordOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { orgSubtree } from './org-service.ts';

export type NewActivity = Omit<Activity, 'id' | 'orgId'>;

const NOT_FOUND = '找不到该活动记录';

/**
 * Records an activity of `org` in one transaction. Throws ValidationError (nothing saved) when
 * a field is bad or an attendee is not a member of the branch; NotFoundError when `org` is
 * outside the actor's scope; ForbiddenError for a member account.
 */
export async function recordActivity(app: AppContext, actor: Actor, org: Organization, input: NewActivity, today: LocalDate): Promise<Activity> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const activity: Activity = { ...input, id: randomUUID(), orgId: org.id };
  const members = await membersForOrgs(app.database.db, (await orgSubtree(app, org)).map((o) => o.id));
  validateActivity(activity, new Set(members.map((m) => m.id)), today);
  await app.database.db.transaction(async (tx) => { await insertActivities(tx, [activity]); });
  return activity;
}

/** A page of `org`'s activities (with its subtree), newest first. Scope as for recordActivity. */
export async function listActivities(app: AppContext, actor: Actor, org: Organization, q: { from?: string | undefined; to?: string | undefined; kind?: ActivityKind | undefined; limit: number; offset: number }) {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  return listActivityPageInSubtree(app.database.db, org.path, { from: q.from, to: q.to, kind: q.kind }, q.limit, q.offset);
}

/** One activity; NotFoundError when it does not exist or lies outside the actor's scope. */
export async function readActivity(app: AppContext, actor: Actor, id: string): Promise<Activity> {
  assertRole(actor, MANAGERS);
  const a = await getActivity(app.database.db, id);
  if (!a) throw new NotFoundError(NOT_FOUND);
  await assertRecordOrgInScope(app, actor, a.orgId, NOT_FOUND);
  return a;
}

/** Deletes an activity; NotFoundError when it does not exist or lies outside the actor's scope. */
export async function deleteActivity(app: AppContext, actor: Actor, id: string): Promise<void> {
  await readActivity(app, actor, id);
  if (!(await deleteActivityRow(app.database.db, id))) throw new NotFoundError(NOT_FOUND);
}
