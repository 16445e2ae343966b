/** Named queries for activities, their agenda items and attendance. */
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Activity, ActivityKind, AttendanceStatus } from '../../domain/activity/activity.ts';
import type { DbOrTx } from '../client.ts';
import { activities, agendaItems, attendance } from '../schema/index.ts';

/** Inserts activities with their agenda items and attendance, in multi-row batches. */
export async function insertActivities(db: DbOrTx, rows: readonly Activity[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    const batch = rows.slice(i, i + 300);
    await db.insert(activities).values(batch.map((a) => ({
      id: a.id, orgId: a.orgId, kind: a.kind, date: a.date, title: a.title, location: a.location,
      chairMemberId: a.chairMemberId, lecturerMemberId: a.lecturerMemberId, lecturerName: a.lecturerName,
      minutes: a.minutes, nonMemberParticipants: a.nonMemberParticipants, studyHours: a.studyHours,
    })));
    const items = batch.flatMap((a) => a.agendaItems.map((it, position) => ({ activityId: a.id, position, ...it })));
    for (let j = 0; j < items.length; j += 1000) await db.insert(agendaItems).values(items.slice(j, j + 1000));
    const att = batch.flatMap((a) => a.attendance.map((x) => ({ activityId: a.id, ...x })));
    for (let j = 0; j < att.length; j += 1000) await db.insert(attendance).values(att.slice(j, j + 1000));
  }
}

/** Deletes one activity (agenda and attendance go with it). Returns whether it existed. */
export async function deleteActivity(db: DbOrTx, id: string): Promise<boolean> {
  const r = await db.delete(activities).where(eq(activities.id, id)).returning({ id: activities.id });
  return r.length > 0;
}

export interface ActivityQuery {
  orgIds: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
  kind?: ActivityKind | undefined;
}

function conditions(q: ActivityQuery): SQL {
  const c: SQL[] = [inArray(activities.orgId, [...q.orgIds])];
  if (q.from) c.push(gte(activities.date, q.from));
  if (q.to) c.push(lte(activities.date, q.to));
  if (q.kind) c.push(eq(activities.kind, q.kind));
  return and(...c)!;
}

/**
 * Full activity records (agenda and attendance included) for statistics and rules: three
 * set-based queries joined in memory, never one query per activity.
 */
export async function loadActivities(db: DbOrTx, q: ActivityQuery): Promise<Activity[]> {
  if (q.orgIds.length === 0) return [];
  const rows = await db.select().from(activities).where(conditions(q)).orderBy(asc(activities.date), asc(activities.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const byId = new Map<string, Activity>();
  for (const r of rows) {
    byId.set(r.id, {
      id: r.id, orgId: r.orgId, kind: r.kind as ActivityKind, date: r.date, title: r.title, location: r.location,
      chairMemberId: r.chairMemberId, lecturerMemberId: r.lecturerMemberId, lecturerName: r.lecturerName,
      agendaItems: [], minutes: r.minutes, attendance: [], nonMemberParticipants: r.nonMemberParticipants,
      studyHours: Number(r.studyHours),
    });
  }
  // Sub-select rather than a giant IN list: the filter is the same as for the activities.
  const sub = db.select({ id: activities.id }).from(activities).where(conditions(q));
  const [items, att] = await Promise.all([
    db.select().from(agendaItems).where(inArray(agendaItems.activityId, ids.length > 2000 ? sub : ids)).orderBy(asc(agendaItems.activityId), asc(agendaItems.position)),
    db.select().from(attendance).where(inArray(attendance.activityId, ids.length > 2000 ? sub : ids)),
  ]);
  for (const it of items) byId.get(it.activityId)?.agendaItems.push({ title: it.title, isFirstAgendaItem: it.isFirstAgendaItem });
  for (const a of att) byId.get(a.activityId)?.attendance.push({ memberId: a.memberId, status: a.status as AttendanceStatus, reason: a.reason });
  return [...byId.values()];
}

/** A page of activity headers (no attendance), newest first, with the total count. */
export async function listActivityPage(db: DbOrTx, q: ActivityQuery, limit: number, offset: number) {
  if (q.orgIds.length === 0) return { total: 0, items: [] };
  const where = conditions(q);
  const [items, [count]] = await Promise.all([
    db.select({
      id: activities.id, orgId: activities.orgId, kind: activities.kind, date: activities.date, title: activities.title,
      location: activities.location, nonMemberParticipants: activities.nonMemberParticipants, studyHours: activities.studyHours,
      present: sql<number>`(select count(*)::int from ${attendance} where ${attendance.activityId} = ${activities.id} and ${attendance.status} = 'present')`,
      expected: sql<number>`(select count(*)::int from ${attendance} where ${attendance.activityId} = ${activities.id})`,
    }).from(activities).where(where).orderBy(desc(activities.date), asc(activities.id)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(activities).where(where),
  ]);
  return { total: count?.n ?? 0, items: items.map((i) => ({ ...i, kind: i.kind as ActivityKind, studyHours: Number(i.studyHours) })) };
}

/** One activity with agenda and attendance, or null. */
export async function getActivity(db: DbOrTx, id: string): Promise<Activity | null> {
  const [r] = await db.select({ orgId: activities.orgId, date: activities.date }).from(activities).where(eq(activities.id, id));
  if (!r) return null;
  const all = await loadActivities(db, { orgIds: [r.orgId], from: r.date, to: r.date });
  return all.find((a) => a.id === id) ?? null;
}
