/**
 * 三会一课 and the other recurring organizational life of a branch (BR-06, BR-09/BR-17, BR-10,
 * BR-12, BR-13, BR-14, BR-15, BR-16), checked per calendar month, quarter or year: frequency is
 * never judged by an annual count (TV-16). Only buckets wholly inside the period and already
 * over on `today` are judged.
 */
import { endOfMonth } from 'date-fns';
import { fromDate, toDate, type LocalDate } from '../common/dates.ts';
import type { Period } from '../common/period.ts';
import type { Activity, ActivityKind } from '../activity/activity.ts';
import { categoryOn, isCommitteeMember, type Member } from '../member/member.ts';
import type { Organization } from '../org/org.ts';
import { closedBuckets, monthOf, type Bucket, type BucketUnit } from './calendar.ts';
import { makeFinding, type Finding } from './finding.ts';
import type { RuleId } from './rules.ts';
import { committeeQuorum } from './voting.ts';
import type { RegulationSettings } from './settings.ts';

/** What the cadence check needs for one branch. */
export interface CadenceInput {
  /** A branch-like organization (党支部, 联合党支部, 临时党支部). */
  org: Organization;
  /** Its 党小组 (organizations of type partySubgroup whose parent is `org`). */
  subgroups: readonly Organization[];
  /** The branch's roll (members whose orgId is the branch), including those who left. */
  members: readonly Member[];
  /**
   * Activities recorded on the branch or on one of its subgroups. For annual items with a
   * grace period (settings), include the first months of the following year as well.
   */
  activities: readonly Activity[];
}

/** Full members needed before a branch committee is required (BR-17 支部工作条例 第二十条). */
export const COMMITTEE_REQUIRED_FROM = 7;

/**
 * Number of full members of the roll on date `d` (members on the roll that day, by their
 * membership periods: someone who left later still counts for earlier dates).
 */
export function fullMembersOn(members: readonly Member[], d: LocalDate): number {
  let n = 0;
  for (const m of members) if (categoryOn(m, d) === 'full') n++;
  return n;
}

function months(list: readonly Activity[]): Set<string> {
  return new Set(list.map((a) => monthOf(a.date)));
}

function anyIn(list: readonly Activity[], b: Bucket): boolean {
  return list.some((a) => a.date >= b.from && a.date <= b.to);
}

/** The year an annual item held on `d` counts for, given the grace months of the next year (TV-18). */
export function attributedYear(d: LocalDate, graceMonths: number): number {
  const year = Number(d.slice(0, 4));
  const month = Number(d.slice(5, 7));
  return month <= graceMonths ? year - 1 : year;
}

/** Last day on which an annual item for `year` can still be held under the grace setting. */
export function annualWindowEnd(year: number, graceMonths: number): LocalDate {
  if (graceMonths <= 0) return `${year}-12-31`;
  return fromDate(endOfMonth(toDate(`${year + 1}-${String(Math.min(graceMonths, 12)).padStart(2, '0')}-01`)));
}

/**
 * Committee-meeting quorum (BR-09, 支部工作条例 第十二条: 须有半数以上委员到会; "半数以上" read per
 * the unit's `strictMajority` setting, TV-24). The committee is the members on the roll on the
 * meeting's date holding a committee position, or `committeeIds` when given (dated positions).
 * Null when the meeting's attendance was not recorded or no committee is known (cannot judge).
 */
export function committeeMeetingQuorum(a: Activity, members: readonly Member[], settings: Pick<RegulationSettings, 'strictMajority'>, committeeIds?: ReadonlySet<string>): { met: boolean; size: number; present: number; needed: number } | null {
  if (a.attendance.length === 0) return null;
  const ids = committeeIds ?? new Set(members.filter((m) => isCommitteeMember(m) && categoryOn(m, a.date) !== null).map((m) => m.id));
  if (ids.size === 0) return null;
  const present = a.attendance.filter((x) => x.status === 'present' && ids.has(x.memberId)).length;
  const needed = committeeQuorum(ids.size, settings.strictMajority);
  return { met: present >= needed, size: ids.size, present, needed };
}

const LECTURE_UNIT: Record<Exclude<RegulationSettings['partyLectureFrequency'], 'none'>, BucketUnit> = {
  monthly: 'month', quarterly: 'quarter', halfYearly: 'half', yearly: 'year',
};

/**
 * Checks the branch's cadence over `period` (see the file comment for the rules).
 * Returns one finding per missed month, quarter or year, naming it; plus coverage findings
 * for heart-to-heart talks. Pure; `today` decides which buckets are over.
 */
export function checkCadence(input: CadenceInput, period: Period, settings: RegulationSettings, today: LocalDate): Finding[] {
  const { org } = input;
  const byKind = new Map<ActivityKind, Activity[]>();
  for (const a of input.activities) {
    const list = byKind.get(a.kind);
    if (list) list.push(a); else byKind.set(a.kind, [a]);
  }
  const of = (k: ActivityKind): Activity[] => byKind.get(k) ?? [];
  const findings: Finding[] = [];
  const notBefore = org.establishedOn;
  const monthBuckets = closedBuckets(period, 'month', today, notBefore);

  // BR-06: general membership meeting, each calendar quarter. A 换届选举大会 is a 党员大会
  // (支部工作条例 第十一条: 党员大会…选举) and counts as one.
  const general = [...of('generalMembershipMeeting'), ...of('termElection')];
  for (const q of closedBuckets(period, 'quarter', today, notBefore)) {
    if (!anyIn(general, q)) {
      findings.push(makeFinding('BR-06', org.id, q.label, `${q.name}未召开支部党员大会（党员大会一般每季度召开1次）`));
    }
  }

  // BR-09 with BR-17: committee meeting each month, only where a committee is required that month.
  // A meeting with fewer committee members present than 第十二条 requires (须有半数以上委员到会)
  // is not a committee meeting and does not count for its month.
  const quorate: Activity[] = [];
  for (const a of of('branchCommitteeMeeting')) {
    const q = committeeMeetingQuorum(a, input.members, settings);
    if (q === null || q.met) { quorate.push(a); continue; }
    if (a.date < period.from || a.date > period.to) continue;
    findings.push(makeFinding('BR-09', org.id, monthOf(a.date),
      `${a.date}支部委员会会议到会委员${q.present}人（委员${q.size}人，须有半数以上即至少${q.needed}人到会），会议不计入`, [a.id], 'error'));
  }
  const committeeMonths = months(quorate);
  for (const m of monthBuckets) {
    if (fullMembersOn(input.members, m.to) < COMMITTEE_REQUIRED_FROM) continue;
    if (!committeeMonths.has(m.label)) {
      findings.push(makeFinding('BR-09', org.id, m.label, `${m.name}未召开支部委员会会议（支委会一般每月召开1次）`));
    }
  }

  // BR-10: each party subgroup, each month. A meeting counts for a subgroup when recorded on
  // it, or recorded on the branch with one of the subgroup's members present.
  if (input.subgroups.length > 0) {
    const subgroupOf = new Map(input.members.map((m) => [m.id, m.subgroupId]));
    const groupMonths = new Map<string, Set<string>>(input.subgroups.map((g) => [g.id, new Set()]));
    for (const a of of('partySubgroupMeeting')) {
      const month = monthOf(a.date);
      groupMonths.get(a.orgId)?.add(month);
      if (a.orgId === org.id) {
        for (const at of a.attendance) {
          if (at.status !== 'present') continue;
          const g = subgroupOf.get(at.memberId);
          if (g) groupMonths.get(g)?.add(month);
        }
      }
    }
    for (const g of input.subgroups) {
      const held = groupMonths.get(g.id)!;
      for (const m of monthBuckets) {
        if (!held.has(m.label)) {
          findings.push(makeFinding('BR-10', org.id, m.label, `${m.name}${g.name}未召开党小组会（党小组会一般每月召开1次）`, [g.id]));
        }
      }
    }
  }

  // BR-12: ordinary Party lectures at the unit's configured frequency (§11 item 6).
  if (settings.partyLectureFrequency !== 'none') {
    const lectures = of('partyLecture');
    for (const b of closedBuckets(period, LECTURE_UNIT[settings.partyLectureFrequency], today, notBefore)) {
      if (!anyIn(lectures, b)) findings.push(makeFinding('BR-12', org.id, b.label, `${b.name}未讲党课（本单位设置：党课${lectureFrequencyText(settings)}）`));
    }
  }

  // BR-13 / EDU-02: themed Party day each month; two in one month do not cover another (TV-17).
  const themedMonths = months(of('themedPartyDay'));
  for (const m of monthBuckets) {
    if (!themedMonths.has(m.label)) findings.push(makeFinding('BR-13', org.id, m.label, `${m.name}未开展主题党日（每月相对固定1天开展）`));
  }

  // Annual items: BR-14, BR-15 (attribution per settings, TV-18), BR-16.
  for (const y of closedBuckets(period, 'year', '9999-12-31', notBefore)) {
    const year = Number(y.label);
    findings.push(...annualItem(org.id, year, of('organizationalLifeMeeting'), settings.organizationalLifeGraceMonths, 'BR-14', '组织生活会', today));
    findings.push(...annualItem(org.id, year, of('memberAppraisal'), settings.memberAppraisalGraceMonths, 'BR-15', '民主评议党员', today));
    if (y.to < today) findings.push(...talkCoverage(input, of('heartToHeartTalk'), y, settings));
  }
  return findings;
}

function lectureFrequencyText(s: RegulationSettings): string {
  switch (s.partyLectureFrequency) {
    case 'monthly': return '每月至少1次';
    case 'quarterly': return '每季度至少1次';
    case 'halfYearly': return '每半年至少1次';
    case 'yearly': return '每年至少1次';
    case 'none': return '不设次数';
  }
}

function annualItem(orgId: string, year: number, list: readonly Activity[], grace: number, ruleId: RuleId, what: string, today: LocalDate): Finding[] {
  const windowEnd = annualWindowEnd(year, grace);
  if (windowEnd >= today) return [];
  const held = list.filter((a) => attributedYear(a.date, grace) === year);
  const when = grace > 0 ? `（含${year + 1}年1至${grace}月补开）` : '';
  if (held.length === 0) return [makeFinding(ruleId, orgId, String(year), `${year}年度未开展${what}${when}`)];
  if (ruleId === 'BR-14' && held.every((a) => a.date >= `${year}-01-01` && a.date < `${year}-10-01`)) {
    return [makeFinding('BR-14', orgId, String(year), `${year}年度组织生活会未安排在第四季度（一般安排在第四季度）`, held.map((a) => a.id), 'warning')];
  }
  return [];
}

/** BR-16 coverage over one year (§11 item 8), for members on the roll at the year's end. */
function talkCoverage(input: CadenceInput, talks: readonly Activity[], y: Bucket, settings: RegulationSettings): Finding[] {
  if (settings.talkCoverage === 'none') return [];
  const roll = input.members.filter((m) => categoryOn(m, y.to) !== null);
  if (roll.length === 0) return [];
  const inYear = talks.filter((a) => a.date >= y.from && a.date <= y.to);
  const committee = roll.filter(isCommitteeMember);
  const committeeIds = new Set(committee.map((m) => m.id));
  const suggested = settings.talkCoverage === 'suggested' && committee.length > 0;
  const covered = new Set<string>();
  const pairs = new Set<string>();
  for (const a of inYear) {
    const present = a.attendance.filter((x) => x.status === 'present').map((x) => x.memberId);
    const committeePresent = present.filter((id) => committeeIds.has(id));
    for (const id of present) {
      // Under `suggested`, a member is covered by a talk with a committee member other than themself.
      if (!suggested || committeePresent.some((c) => c !== id)) covered.add(id);
    }
    for (const c1 of committeePresent) for (const c2 of committeePresent) if (c1 < c2) pairs.add(`${c1}|${c2}`);
  }
  const out: Finding[] = [];
  // Under `suggested`, committee members' own coverage is the pairwise check below.
  const uncovered = roll.filter((m) => !covered.has(m.id) && !(suggested && committeeIds.has(m.id)));
  if (uncovered.length > 0) {
    const who = suggested ? '未与支部委员开展谈心谈话' : '未参加谈心谈话';
    out.push(makeFinding('BR-16', input.org.id, y.label,
      `${y.name}有${uncovered.length}名党员全年${who}：${uncovered.map((m) => m.name).join('、')}`, uncovered.map((m) => m.id)));
  }
  if (suggested && committee.length > 1) {
    const missing: [Member, Member][] = [];
    for (let i = 0; i < committee.length; i++) {
      for (let j = i + 1; j < committee.length; j++) {
        const a = committee[i]!;
        const b = committee[j]!;
        if (!pairs.has(a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`)) missing.push([a, b]);
      }
    }
    if (missing.length > 0) {
      out.push(makeFinding('BR-16', input.org.id, y.label,
        `${y.name}有${missing.length}对支部委员之间未开展谈心谈话：${missing.map(([a, b]) => `${a.name}与${b.name}`).join('、')}`,
        [...new Set(missing.flat().map((m) => m.id))]));
    }
  }
  return out;
}

/**
 * BR-12: the secretary of a 党委 (or leading Party members' group) gives ≥ 1 Party lecture a
 * year (TV-19). `secretaryIds`: members holding the secretary position of `orgId`; `lectures`:
 * Party lectures anywhere in its subtree. One warning per closed year without such a lecture.
 */
export function checkSecretaryLecture(orgId: string, secretaryIds: readonly string[], lectures: readonly Activity[], period: Period, today: LocalDate): Finding[] {
  if (secretaryIds.length === 0) return [];
  const ids = new Set(secretaryIds);
  const out: Finding[] = [];
  for (const y of closedBuckets(period, 'year', today)) {
    const given = lectures.some((a) => a.kind === 'partyLecture' && a.lecturerMemberId !== null && ids.has(a.lecturerMemberId) && a.date >= y.from && a.date <= y.to);
    if (!given) out.push(makeFinding('BR-12', orgId, y.label, `${y.name}党委书记未讲党课（每年至少讲1次）`));
  }
  return out;
}
