/** Use cases for activities: record (with agenda and attendance), list, read, delete. */
import { randomUUID } from 'node:crypto';
import type { Activity, ActivityKind } from '../domain/activity/activity.ts';
import { validateActivity } from '../domain/activity/validate.ts';
import type { LocalDate } from '../domain/common/dates.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Organization } from '../domain/org/org.ts';
import { deleteActivity as deleteActivityRow, getActivity, insertActivities, listActivityPage } from '../db/queries/activity-queries.ts';
import { membersForOrgs } from '../db/queries/member-queries.ts';
import type { AppContext } from './context.ts';
import { orgSubtree } from './org-service.ts';

export type NewActivity = Omit<Activity, 'id' | 'orgId'>;

/**
 * Records an activity of `org` in one transaction. Throws ValidationError (nothing saved) when
 * a field is bad or an attendee is not a member of the branch.
 */
export async function recordActivity(app: AppContext, org: Organization, input: NewActivity, today: LocalDate): Promise<Activity> {
  const activity: Activity = { ...input, id: randomUUID(), orgId: org.id };
  const members = await membersForOrgs(app.database.db, (await orgSubtree(app, org)).map((o) => o.id));
  validateActivity(activity, new Set(members.map((m) => m.id)), today);
  await app.database.db.transaction(async (tx) => { await insertActivities(tx, [activity]); });
  return activity;
}

/** A page of `org`'s activities (with its subtree), newest first. */
export async function listActivities(app: AppContext, org: Organization, q: { from?: string; to?: string; kind?: ActivityKind; limit: number; offset: number }) {
  const orgIds = (await orgSubtree(app, org)).map((o) => o.id);
  return listActivityPage(app.database.db, { orgIds, from: q.from, to: q.to, kind: q.kind }, q.limit, q.offset);
}

/** One activity; NotFoundError when it does not exist. */
export async function readActivity(app: AppContext, id: string): Promise<Activity> {
  const a = await getActivity(app.database.db, id);
  if (!a) throw new NotFoundError('找不到该活动记录');
  return a;
}

/** Deletes an activity; NotFoundError when it does not exist. */
export async function deleteActivity(app: AppContext, id: string): Promise<void> {
  if (!(await deleteActivityRow(app.database.db, id))) throw new NotFoundError('找不到该活动记录');
}
