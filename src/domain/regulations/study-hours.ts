/**
 * Study hours (学时) per member per year, from recorded activities: each activity credits its
 * `studyHours` to every member marked present. Checked against EDU-07 (32 学时, 党员教育管理工作条例
 * 第二十条) and, for secretaries and committee members, EDU-08 (56 学时, from the 2019—2023 规划,
 * configurable). A member who joined during the year is judged on the minimum pro-rated by months
 * of membership (setting `studyHoursProRata`, default on).
 */
import type { Activity } from '../activity/activity.ts';
import type { LocalDate } from '../common/dates.ts';
import { categoryOn, isCommitteeMember, type Member } from '../member/member.ts';
import { makeFinding, type Finding } from './finding.ts';
import type { RegulationSettings } from './settings.ts';

/** One member's hours in a year, in 学时, with the activities that earned them. */
export interface MemberStudyHours {
  memberId: string;
  hours: number;
  activityIds: string[];
}

/**
 * Hours per member for calendar `year` (members absent from every activity do not appear).
 * Hours are summed in tenths so that 1.5 + 1.5 + … stays exact.
 */
export function studyHoursByMember(activities: readonly Activity[], year: number): Map<string, MemberStudyHours> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const tenths = new Map<string, { t: number; ids: string[] }>();
  for (const a of activities) {
    if (a.studyHours <= 0 || a.date < from || a.date > to) continue;
    const credit = Math.round(a.studyHours * 10);
    for (const at of a.attendance) {
      if (at.status !== 'present') continue;
      const cur = tenths.get(at.memberId);
      if (cur) { cur.t += credit; cur.ids.push(a.id); } else tenths.set(at.memberId, { t: credit, ids: [a.id] });
    }
  }
  const out = new Map<string, MemberStudyHours>();
  for (const [memberId, v] of tenths) out.set(memberId, { memberId, hours: v.t / 10, activityIds: v.ids });
  return out;
}

/** The yearly minimum that applies to `m`, and the rule: EDU-08 for committee members when set, else EDU-07. */
export function requiredStudyHours(m: Member, settings: RegulationSettings): { hours: number; ruleId: 'EDU-07' | 'EDU-08' } {
  if (settings.leaderStudyHoursMinimum !== null && isCommitteeMember(m)) return { hours: settings.leaderStudyHoursMinimum, ruleId: 'EDU-08' };
  return { hours: settings.studyHoursMinimum, ruleId: 'EDU-07' };
}

/**
 * Calendar months of `year` the member belonged to the Party (1–12): from the month of admission
 * (预备党员, PC-03) — or, failing that, of full membership — when it falls inside the year; the
 * month of joining counts as a whole month. 12 when the member joined before the year or the
 * roll has no date. 0 when the member joined after the year.
 */
export function membershipMonthsIn(m: Pick<Member, 'admittedOn' | 'fullOn'>, year: number): number {
  const joined = m.admittedOn ?? m.fullOn;
  if (!joined || joined < `${year}-01-01`) return 12;
  if (joined > `${year}-12-31`) return 0;
  return 12 - Number(joined.slice(5, 7)) + 1;
}

/**
 * The minimum for `m` in `year` (EDU-07/08), pro-rated by months of membership when the unit's
 * `studyHoursProRata` setting is on (default): need × months / 12, rounded half-up to 0.1 学时.
 */
export function requiredStudyHoursIn(m: Member, year: number, settings: RegulationSettings): { hours: number; fullYear: number; months: number; ruleId: 'EDU-07' | 'EDU-08' } {
  const base = requiredStudyHours(m, settings);
  const months = settings.studyHoursProRata ? membershipMonthsIn(m, year) : 12;
  const hours = months >= 12 ? base.hours : Math.round((base.hours * months * 10) / 12) / 10;
  return { hours, fullYear: base.hours, months, ruleId: base.ruleId };
}

/**
 * One warning per member of the roll (on the roll at the year's end, normal or mobile) whose
 * hours for `year` are below the minimum. Judged only once the year is over (`today` after
 * 12-31). `hours` may be passed in when already computed for many branches at once.
 */
export function checkStudyHours(
  orgId: string,
  members: readonly Member[],
  activities: readonly Activity[],
  year: number,
  settings: RegulationSettings,
  today: LocalDate,
  hours: Map<string, MemberStudyHours> = studyHoursByMember(activities, year),
): Finding[] {
  const yearEnd = `${year}-12-31`;
  if (today <= yearEnd) return [];
  const out: Finding[] = [];
  for (const m of members) {
    if (categoryOn(m, yearEnd, orgId) === null) continue;
    const got = hours.get(m.id)?.hours ?? 0;
    const need = requiredStudyHoursIn(m, year, settings);
    if (got < need.hours) {
      const who = need.ruleId === 'EDU-08' ? '（书记、支部委员）' : '';
      const part = need.months < 12 ? `（${year}年在党${need.months}个月，按全年${need.fullYear}学时折算，本单位设置）` : '';
      out.push(makeFinding(need.ruleId, orgId, String(year),
        `${m.name}${who}${year}年集中学习培训${got}学时，低于${need.hours}学时${part}`, [m.id]));
    }
  }
  return out;
}
