/**
 * Member self-service: the signed-in member's own attendance, study hours (学时, counted by the
 * regulations engine) and upcoming meetings. Only the member record linked to the account is
 * ever read here.
 */
import { ACTIVITY_KINDS, type ActivityKind, type AttendanceStatus } from '../domain/activity/activity.ts';
import { yearPeriod } from '../domain/common/period.ts';
import { NotFoundError } from '../domain/errors.ts';
import { requiredStudyHours, studyHoursByMember } from '../domain/regulations/study-hours.ts';
import { loadActivities } from '../db/queries/activity-queries.ts';
import { getMember, type MemberListItem } from '../db/queries/member-queries.ts';
import { ForbiddenError, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { settingsForOrgId } from './settings-service.ts';

async function ownMember(app: AppContext, actor: Actor): Promise<MemberListItem> {
  if (!actor.memberId) throw new ForbiddenError('该账号未关联党员记录');
  const m = await getMember(app.database.db, actor.memberId);
  if (!m) throw new NotFoundError('找不到关联的党员记录');
  return m;
}

/** The organizations whose meetings a member attends: the branch and the member's 党小组. */
function memberOrgIds(m: MemberListItem): string[] {
  return m.subgroupId ? [m.orgId, m.subgroupId] : [m.orgId];
}

/** The member's attendance entries in calendar `year`, oldest first. ForbiddenError without a linked member. */
export async function myAttendance(app: AppContext, actor: Actor, year: number): Promise<Array<{ activityId: string; date: string; kind: ActivityKind; kindLabel: string; title: string; status: AttendanceStatus; reason: string | null }>> {
  const m = await ownMember(app, actor);
  const p = yearPeriod(year);
  const acts = await loadActivities(app.database.db, { orgIds: memberOrgIds(m), from: p.from, to: p.to });
  return acts.flatMap((a) => {
    const at = a.attendance.find((x) => x.memberId === m.id);
    return at ? [{ activityId: a.id, date: a.date, kind: a.kind, kindLabel: ACTIVITY_KINDS[a.kind], title: a.title, status: at.status, reason: at.reason }] : [];
  });
}

/**
 * The member's study hours in `year` (学时), the yearly minimum that applies (EDU-07 32 学时, or
 * EDU-08 56 学时 for committee members) and hours per month (1–12).
 */
export async function myStudyHours(app: AppContext, actor: Actor, year: number): Promise<{ total: number; required: number; byMonth: Array<{ month: number; hours: number }> }> {
  const m = await ownMember(app, actor);
  const p = yearPeriod(year);
  const acts = await loadActivities(app.database.db, { orgIds: memberOrgIds(m), from: p.from, to: p.to });
  const total = studyHoursByMember(acts, year).get(m.id)?.hours ?? 0;
  // Per month through the same counter, so the months add up to the total exactly.
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const inMonth = acts.filter((a) => Number(a.date.slice(5, 7)) === month);
    return { month, hours: studyHoursByMember(inMonth, year).get(m.id)?.hours ?? 0 };
  });
  return { total, required: requiredStudyHours(m, await settingsForOrgId(app, m.orgId)).hours, byMonth };
}

/** Activities of the member's branch (and 党小组) dated `today` or later, soonest first. */
export async function myUpcoming(app: AppContext, actor: Actor, today: string): Promise<Array<{ id: string; date: string; kind: ActivityKind; kindLabel: string; title: string; location: string | null }>> {
  const m = await ownMember(app, actor);
  const acts = await loadActivities(app.database.db, { orgIds: memberOrgIds(m), from: today, to: '2200-12-31', includePlanned: true });
  return acts.map((a) => ({ id: a.id, date: a.date, kind: a.kind, kindLabel: ACTIVITY_KINDS[a.kind], title: a.title, location: a.location }));
}
