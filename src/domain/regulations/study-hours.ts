/**
 * Study hours (学时) per member per year, from recorded activities: each activity credits its
 * `studyHours` to every member marked present. Checked against EDU-07 (32 学时, 党员教育管理工作条例
 * 第二十条) and, for secretaries and committee members, EDU-08 (56 学时, from the 2019—2023 规划,
 * configurable).
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
    if (m.orgId !== orgId || (m.status !== 'normal' && m.status !== 'mobile') || categoryOn(m, yearEnd) === null) continue;
    const got = hours.get(m.id)?.hours ?? 0;
    const need = requiredStudyHours(m, settings);
    if (got < need.hours) {
      const who = need.ruleId === 'EDU-08' ? '（书记、支部委员）' : '';
      out.push(makeFinding(need.ruleId, orgId, String(year),
        `${m.name}${who}${year}年集中学习培训${got}学时，低于${need.hours}学时`, [m.id]));
    }
  }
  return out;
}
