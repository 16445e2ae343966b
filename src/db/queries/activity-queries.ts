/** Named queries for activities, their agenda items and attendance. */
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Activity, ActivityKind, ActivityStatus, AttendanceStatus, SummaryArea } from '../../domain/activity/activity.ts';
import type { DbOrTx } from '../client.ts';
import { activities, agendaItems, attendance, organizations } from '../schema/index.ts';
import { inSubtree } from './org-queries.ts';

/** Inserts activities with their agenda items and attendance, in multi-row batches. */
export async function insertActivities(db: DbOrTx, rows: readonly Activity[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    const batch = rows.slice(i, i + 300);
    await db.insert(activities).values(batch.map((a) => ({
      id: a.id, orgId: a.orgId, kind: a.kind, status: a.status ?? 'held', date: a.date, title: a.title, location: a.location,
      chairMemberId: a.chairMemberId, lecturerMemberId: a.lecturerMemberId, lecturerName: a.lecturerName,
      minutes: a.minutes, nonMemberParticipants: a.nonMemberParticipants, studyHours: a.studyHours,
      area: a.area ?? null, campaignId: a.campaignId ?? null, partnerId: a.partnerId ?? null, result: a.result ?? null, highlight: a.highlight ?? false,
    })));
    const items = batch.flatMap((a) => a.agendaItems.map((it, position) => ({ activityId: a.id, position, ...it })));
    for (let j = 0; j < items.length; j += 1000) await db.insert(agendaItems).values(items.slice(j, j + 1000));
    const att = batch.flatMap((a) => a.attendance.map((x) => ({ activityId: a.id, ...x })));
    for (let j = 0; j < att.length; j += 1000) await db.insert(attendance).values(att.slice(j, j + 1000));
  }
}

/**
 * Replaces an activity's fields, agenda and attendance with `a`'s (same id). Returns whether it
 * existed. Run it in a transaction: it deletes and re-inserts the agenda and attendance rows.
 */
export async function replaceActivity(db: DbOrTx, a: Activity): Promise<boolean> {
  const r = await db.update(activities).set({
    kind: a.kind, status: a.status ?? 'held', date: a.date, title: a.title, location: a.location,
    chairMemberId: a.chairMemberId, lecturerMemberId: a.lecturerMemberId, lecturerName: a.lecturerName,
    minutes: a.minutes, nonMemberParticipants: a.nonMemberParticipants, studyHours: a.studyHours,
  }).where(eq(activities.id, a.id)).returning({ id: activities.id });
  if (r.length === 0) return false;
  await db.delete(agendaItems).where(eq(agendaItems.activityId, a.id));
  await db.delete(attendance).where(eq(attendance.activityId, a.id));
  const items = a.agendaItems.map((it, position) => ({ activityId: a.id, position, ...it }));
  if (items.length) await db.insert(agendaItems).values(items);
  const att = a.attendance.map((x) => ({ activityId: a.id, ...x }));
  if (att.length) await db.insert(attendance).values(att);
  return true;
}

/**
 * Activities of `orgId` with the same kind, date and title (spaces and case ignored) as the
 * given one, other than `exceptId`: possible duplicates to warn about before saving.
 */
export async function findSimilarActivities(db: DbOrTx, q: { orgId: string; kind: string; date: string; title: string; exceptId?: string | undefined }) {
  const c: SQL[] = [
    eq(activities.orgId, q.orgId), eq(activities.kind, q.kind), eq(activities.date, q.date),
    sql`lower(regexp_replace(${activities.title}, '\\s', '', 'g')) = ${q.title.replace(/\s/g, '').toLowerCase()}`,
  ];
  if (q.exceptId) c.push(sql`${activities.id} <> ${q.exceptId}`);
  return db.select({ id: activities.id, title: activities.title, date: activities.date }).from(activities).where(and(...c));
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
  /** Planned meetings are left out unless asked for: they count nowhere until held. */
  includePlanned?: boolean | undefined;
}

function conditions(q: ActivityQuery): SQL {
  const c: SQL[] = [inArray(activities.orgId, [...q.orgIds])];
  if (!q.includePlanned) c.push(eq(activities.status, 'held'));
  if (q.from) c.push(gte(activities.date, q.from));
  if (q.to) c.push(lte(activities.date, q.to));
  if (q.kind) c.push(eq(activities.kind, q.kind));
  return and(...c)!;
}

/**
 * Full activity records (agenda and attendance included) for statistics and rules, in one query
 * that returns them as a single JSON text. Row-by-row transfer of ~20k attendance rows costs
 * ~200 ms on PGlite; one JSON value parses in a few (bench/report.bench.ts).
 */
export async function loadActivities(db: DbOrTx, q: ActivityQuery): Promise<Activity[]> {
  if (q.orgIds.length === 0) return [];
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(
      ${activities.id}, ${activities.orgId}, ${activities.kind}, ${activities.status}, ${activities.date}, ${activities.title}, ${activities.location},
      ${activities.chairMemberId}, ${activities.lecturerMemberId}, ${activities.lecturerName}, ${activities.minutes},
      ${activities.nonMemberParticipants}, ${activities.studyHours},
      ${activities.area}, ${activities.campaignId}, ${activities.partnerId}, ${activities.result}, ${activities.highlight},
      (select json_agg(json_build_array(${agendaItems.title}, ${agendaItems.isFirstAgendaItem}) order by ${agendaItems.position})
         from ${agendaItems} where ${agendaItems.activityId} = ${activities.id}),
      (select json_agg(json_build_array(${attendance.memberId}, ${attendance.status}, ${attendance.reason}))
         from ${attendance} where ${attendance.activityId} = ${activities.id})
    ) order by ${activities.date}, ${activities.id}), '[]')::text as j
    from ${activities} where ${conditions(q)}`);
  const rows = (result as unknown as { rows: Array<{ j: string }> }).rows;
  const list = JSON.parse(rows[0]!.j) as Array<[
    string, string, string, string, string, string, string | null, string | null, string | null, string | null, string | null,
    number, number | string, string | null, string | null, string | null, string | null, boolean,
    Array<[string, boolean]> | null, Array<[string, string, string | null]> | null,
  ]>;
  return list.map(([id, orgId, kind, status, date, title, location, chairMemberId, lecturerMemberId, lecturerName, minutes, nonMemberParticipants, studyHours, area, campaignId, partnerId, result, highlight, items, att]) => ({
    id, orgId, kind: kind as ActivityKind, status: status as ActivityStatus, date, title, location, chairMemberId, lecturerMemberId, lecturerName,
    agendaItems: (items ?? []).map(([t, first]) => ({ title: t, isFirstAgendaItem: first })),
    minutes,
    attendance: (att ?? []).map(([memberId, status, reason]) => ({ memberId, status: status as AttendanceStatus, reason })),
    nonMemberParticipants,
    studyHours: Number(studyHours),
    area: area as SummaryArea | null, campaignId, partnerId, result, highlight,
  }));
}

/** Filters and order of the activity list. */
export interface ActivityListQuery {
  from?: string | undefined;
  to?: string | undefined;
  kind?: ActivityKind | undefined;
  status?: ActivityStatus | undefined;
  /** Part of the title, case-insensitive. */
  title?: string | undefined;
  sort?: 'date' | 'title' | 'studyHours' | undefined;
  order?: 'asc' | 'desc' | undefined;
}

/**
 * A page of activity headers (no attendance), newest first, with the total count, for the
 * activities of the organization at `path` and its subtree. One query: the subtree is a
 * sub-select on the materialized path and the total a window count (a request on PGlite pays
 * ~0.7 ms per query, so the list route keeps to as few as it can).
 */
export async function listActivityPageInSubtree(db: DbOrTx, path: string, q: ActivityListQuery, limit: number, offset: number) {
  const subtree = db.select({ id: organizations.id }).from(organizations).where(inSubtree(path));
  const c: SQL[] = [inArray(activities.orgId, subtree)];
  if (q.from) c.push(gte(activities.date, q.from));
  if (q.to) c.push(lte(activities.date, q.to));
  if (q.kind) c.push(eq(activities.kind, q.kind));
  if (q.status) c.push(eq(activities.status, q.status));
  // A literal substring: % and _ typed by the user are not wildcards.
  if (q.title) c.push(sql`strpos(lower(${activities.title}), ${q.title.toLowerCase()}) > 0`);
  const sortColumn = q.sort === 'title' ? activities.title : q.sort === 'studyHours' ? activities.studyHours : activities.date;
  const order = q.order === 'asc' ? asc(sortColumn) : desc(sortColumn);
  const rows = await db.select({
    id: activities.id, orgId: activities.orgId, kind: activities.kind, status: activities.status, date: activities.date, title: activities.title,
    location: activities.location, nonMemberParticipants: activities.nonMemberParticipants, studyHours: activities.studyHours,
    present: sql<number>`(select count(*)::int from ${attendance} where ${attendance.activityId} = ${activities.id} and ${attendance.status} = 'present')`,
    expected: sql<number>`(select count(*)::int from ${attendance} where ${attendance.activityId} = ${activities.id})`,
    total: sql<number>`(count(*) over ())::int`,
  }).from(activities).where(and(...c)).orderBy(order, desc(activities.date), asc(activities.id)).limit(limit).offset(offset);
  // Past the last page the window has no row to count on: ask for the total alone.
  const total = rows[0]?.total ?? (offset > 0
    ? (await db.select({ n: sql<number>`count(*)::int` }).from(activities).where(and(...c)))[0]?.n ?? 0
    : 0);
  return { total, items: rows.map(({ total: _t, ...i }) => ({ ...i, kind: i.kind as ActivityKind, status: i.status as ActivityStatus, studyHours: Number(i.studyHours) })) };
}

/** One activity with agenda and attendance, or null. */
export async function getActivity(db: DbOrTx, id: string): Promise<Activity | null> {
  const [r] = await db.select({ orgId: activities.orgId, date: activities.date }).from(activities).where(eq(activities.id, id));
  if (!r) return null;
  const all = await loadActivities(db, { orgIds: [r.orgId], from: r.date, to: r.date, includePlanned: true });
  return all.find((a) => a.id === id) ?? null;
}
