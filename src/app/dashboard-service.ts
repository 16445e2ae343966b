/**
 * The dashboard of an organization for a year: activities per month by kind, attendance rate,
 * the distribution of members' study hours (学时), development pipeline counts, and for a 党委
 * the same figures per branch. Every figure comes from the statistics the summary uses
 * (computeFacts) or the regulations engine's study-hour count, so the two never disagree.
 */
import type { ActivityKind } from '../domain/activity/activity.ts';
import { yearPeriod } from '../domain/common/period.ts';
import type { LocalDate } from '../domain/common/dates.ts';
import { categoryOn } from '../domain/member/member.ts';
import { withinOrgs } from '../domain/member/membership.ts';
import { isBranchLike, type Organization } from '../domain/org/org.ts';
import { studyHoursByMember } from '../domain/regulations/study-hours.ts';
import { computeFacts } from '../domain/stats/stats.ts';
import { assertOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { orgSubtree } from './org-service.ts';
import { loadStatsRecords } from './report-service.ts';

/** Study-hour buckets in 学时: [from, to) with the last one open. 32 is the EDU-07 minimum. */
export const STUDY_HOUR_BUCKETS: ReadonlyArray<{ label: string; from: number; to: number }> = [
  { label: '0–8', from: 0, to: 8 },
  { label: '8–16', from: 8, to: 16 },
  { label: '16–24', from: 16, to: 24 },
  { label: '24–32', from: 24, to: 32 },
  { label: '32以上', from: 32, to: Infinity },
];

export interface Dashboard {
  monthly: Array<{ month: number; kind: ActivityKind; count: number }>;
  /** % of expected attendances at organizational life that were present (one decimal). */
  attendanceRate: number;
  /** Members on the roll at the year's end by their study hours; `average` in 学时. */
  studyHours: { buckets: Array<{ label: string; count: number }>; average: number };
  development: { applied: number; activist: number; candidate: number; admittedProbationary: number; becameFull: number };
  members: { full: number; probationary: number };
  branches: Array<{ orgId: string; name: string; activities: number; attendanceRate: number; averageStudyHours: number; members: number }>;
}

/**
 * The dashboard of `org` (with its subtree) for calendar `year`. NotFoundError when `org` is
 * outside the actor's scope, ForbiddenError for a member account.
 */
export async function dashboardFor(app: AppContext, actor: Actor, org: Organization, year: number, today: LocalDate): Promise<Dashboard> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const period = yearPeriod(year);
  // The current year is shown as of today: rates and counts do not include planned meetings.
  const asOf = today < period.to ? today : period.to;
  const subtree = await orgSubtree(app, org);
  const { members, activities: all, developmentEvents, duesLedger } = await loadStatsRecords(app, subtree, period, asOf);
  const activities = all.filter((a) => a.date <= asOf);
  const facts = computeFacts({ orgId: org.id, includeSubtree: true, period, organizations: subtree, members, activities, developmentEvents, duesLedger, asOf }).facts;

  const monthly = new Map<string, { month: number; kind: ActivityKind; count: number }>();
  for (const a of activities) {
    const month = Number(a.date.slice(5, 7));
    const key = `${month}:${a.kind}`;
    const cur = monthly.get(key);
    if (cur) cur.count++; else monthly.set(key, { month, kind: a.kind, count: 1 });
  }

  const hours = studyHoursByMember(activities, year);
  const onRoll = members.filter((m) => categoryOn(m, asOf) !== null);
  const buckets = STUDY_HOUR_BUCKETS.map((b) => ({ label: b.label, count: 0 }));
  for (const m of onRoll) {
    const h = hours.get(m.id)?.hours ?? 0;
    const i = STUDY_HOUR_BUCKETS.findIndex((b) => h >= b.from && h < b.to);
    buckets[i]!.count++;
  }

  const branches = subtree.filter((o) => o.id !== org.id && isBranchLike(o.type)).map((b) => {
    // A branch with its 党小组 (and anything else below it).
    const inBranch = subtree.filter((o) => o.path === b.path || o.path.startsWith(b.path + '.'));
    const bIds = new Set(inBranch.map((o) => o.id));
    const f = computeFacts({
      orgId: b.id, includeSubtree: true, period, organizations: inBranch, asOf,
      members: members.filter((m) => m.memberships.some((p) => bIds.has(p.orgId))).map((m) => withinOrgs(m, bIds)),
      activities: activities.filter((a) => bIds.has(a.orgId)),
      developmentEvents: developmentEvents.filter((e) => bIds.has(e.orgId)),
    }).facts;
    return { orgId: b.id, name: b.name, activities: f['activities.all'].value, attendanceRate: f.attendanceRate.value, averageStudyHours: f.averageStudyHours.value, members: f['members.total'].value };
  });

  return {
    monthly: [...monthly.values()].sort((a, b) => a.month - b.month || a.kind.localeCompare(b.kind)),
    attendanceRate: facts.attendanceRate.value,
    studyHours: { buckets, average: facts.averageStudyHours.value },
    development: {
      applied: facts['development.applied'].value,
      activist: facts['development.activist'].value,
      candidate: facts['development.candidate'].value,
      admittedProbationary: facts['development.admittedProbationary'].value,
      becameFull: facts['development.becameFull'].value,
    },
    members: { full: facts['members.full'].value, probationary: facts['members.probationary'].value },
    branches,
  };
}
