/**
 * Statistics for a summary: pure functions from records to `Facts`, every number carrying the
 * ids of the records behind it. The caller loads the records of the organization (or its
 * subtree); nothing here reads a database or a clock.
 */
import {
  ACTIVITY_KINDS, ACTIVITY_KIND_LIST, STUDY_KINDS, participationCount,
  type Activity, type ActivityKind,
} from '../activity/activity.ts';
import { inRange, type LocalDate } from '../common/dates.ts';
import type { Period } from '../common/period.ts';
import { DEVELOPMENT_STEPS, DEVELOPMENT_STEP_LIST, type DevelopmentEvent } from '../development/development.ts';
import { categoryOn, type Member } from '../member/member.ts';
import { isBranchLike, type Organization } from '../org/org.ts';
import type { LedgerRow } from '../regulations/dues.ts';
import type { Fact, FactKey, FactUnit, Facts, SourceRef } from './facts.ts';

/**
 * Kinds of organizational life whose attendance makes the attendance rate (三会一课, 主题党日,
 * 组织生活会, 民主评议): attendance at volunteer work or talks is not an obligation.
 */
export const ORGANIZATIONAL_LIFE_KINDS: readonly ActivityKind[] = [
  'generalMembershipMeeting', 'branchCommitteeMeeting', 'partySubgroupMeeting', 'partyLecture',
  'themedPartyDay', 'organizationalLifeMeeting', 'memberAppraisal',
];

export interface StatsInput {
  orgId: string;
  includeSubtree: boolean;
  period: Period;
  /** The organizations in scope (the one, or it and its subtree). */
  organizations: readonly Organization[];
  /** Members of the organizations in scope (all statuses: the roll is taken at the period's end). */
  members: readonly Member[];
  /** Activities of the organizations in scope; those outside the period are ignored. */
  activities: readonly Activity[];
  developmentEvents: readonly DevelopmentEvent[];
  /** Dues ledger rows (分) of the members in scope for the period's months; omitted when dues are not kept. */
  duesLedger?: readonly LedgerRow[] | undefined;
  /**
   * The day the facts are taken at when the period is not over yet (today): later records (planned
   * meetings) are not counted and the roll is taken that day. Defaults to the period's last day.
   */
  asOf?: LocalDate | undefined;
}

const act = (a: { id: string }): SourceRef => ({ type: 'activity', id: a.id });
const mem = (id: string): SourceRef => ({ type: 'member', id });

function fact(key: FactKey, label: string, value: number, unit: FactUnit, sources: SourceRef[]): Fact {
  return { key, label, value, unit, sources };
}

/** Rounds to one decimal place, half away from zero (for rates and averages). */
export function round1(x: number): number {
  return Math.round(x * 10 + Math.sign(x) * 1e-9) / 10;
}

/**
 * Computes every fact for the organization and period. Rates are percentages with one decimal
 * (`attendanceRate`, %); `averageStudyHours` is 学时 per member on the roll at the period's end.
 */
export function computeFacts(input: StatsInput): Facts {
  const { period } = input;
  const asOf = input.asOf && input.asOf < period.to ? input.asOf : period.to;
  const orgIds = new Set(input.organizations.map((o) => o.id));
  const acts = input.activities.filter((a) => orgIds.has(a.orgId) && inRange(a.date, period.from, asOf));
  const memberById = new Map(input.members.map((m) => [m.id, m]));

  const facts = {} as Record<FactKey, Fact>;
  const put = (f: Fact) => { facts[f.key] = f; };

  const byKind = new Map<ActivityKind, Activity[]>(ACTIVITY_KIND_LIST.map((k) => [k, []]));
  for (const a of acts) byKind.get(a.kind)!.push(a);
  for (const k of ACTIVITY_KIND_LIST) {
    const list = byKind.get(k)!;
    put(fact(`activities.${k}`, ACTIVITY_KINDS[k], list.length, '次', list.map(act)));
  }
  put(fact('activities.all', '各类活动', acts.length, '次', acts.map(act)));

  const participating = acts.filter((a) => participationCount(a) > 0);
  put(fact('participations', '参与', participating.reduce((s, a) => s + participationCount(a), 0), '人次', participating.map(act)));

  const distinct = new Set<string>();
  for (const a of acts) for (const x of a.attendance) if (x.status === 'present') distinct.add(x.memberId);
  put(fact('distinctParticipants', '参与党员', distinct.size, '人', [...distinct].sort().map(mem)));

  const lifeActs = acts.filter((a) => ORGANIZATIONAL_LIFE_KINDS.includes(a.kind) && a.attendance.length > 0);
  let due = 0;
  let present = 0;
  for (const a of lifeActs) {
    for (const x of a.attendance) { due++; if (x.status === 'present') present++; }
  }
  put(fact('attendanceRate', '组织生活出勤率', due === 0 ? 0 : round1((present / due) * 100), '%', lifeActs.map(act)));

  const lectures = byKind.get('partyLecture')!;
  const bySecretary = lectures.filter((a) => {
    const m = a.lecturerMemberId ? memberById.get(a.lecturerMemberId) : undefined;
    return m !== undefined && m.positions.includes('secretary');
  });
  put(fact('secretaryPartyLectures', '书记讲党课', bySecretary.length, '次', bySecretary.map(act)));

  const withFirst = acts.filter((a) => a.agendaItems.some((i) => i.isFirstAgendaItem));
  put(fact('firstAgendaItems', '“第一议题”学习', acts.reduce((s, a) => s + a.agendaItems.filter((i) => i.isFirstAgendaItem).length, 0), '项', withFirst.map(act)));

  const study = acts.filter((a) => STUDY_KINDS.includes(a.kind));
  put(fact('studySessions', '各类学习', study.length, '次', study.map(act)));
  const studyPart = study.filter((a) => participationCount(a) > 0);
  put(fact('studyParticipations', '参与学习', studyPart.reduce((s, a) => s + participationCount(a), 0), '人次', studyPart.map(act)));

  // In id order: the facts do not depend on the order the records were loaded in.
  const onRoll = input.members.filter((m) => categoryOn(m, asOf) !== null).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const onRollIds = new Set(onRoll.map((m) => m.id));
  let hours = 0;
  const credited: Activity[] = [];
  for (const a of acts) {
    if (a.studyHours <= 0) continue;
    const n = a.attendance.filter((x) => x.status === 'present' && onRollIds.has(x.memberId)).length;
    if (n > 0) { hours += a.studyHours * n; credited.push(a); }
  }
  put(fact('averageStudyHours', '党员人均学习', onRoll.length === 0 ? 0 : round1(hours / onRoll.length), '学时', credited.map(act)));

  const vol = byKind.get('volunteerService')!;
  put(fact('volunteerServices', '志愿服务', vol.length, '次', vol.map(act)));
  const volPart = vol.filter((a) => participationCount(a) > 0);
  put(fact('volunteerParticipations', '参与志愿服务', volPart.reduce((s, a) => s + participationCount(a), 0), '人次', volPart.map(act)));

  const events = input.developmentEvents.filter((e) => orgIds.has(e.orgId) && inRange(e.date, period.from, asOf));
  for (const step of DEVELOPMENT_STEP_LIST) {
    const list = events.filter((e) => e.step === step);
    put(fact(`development.${step}`, DEVELOPMENT_STEPS[step], list.length, '名', list.map((e) => ({ type: 'developmentEvent', id: e.id }))));
  }

  const full = onRoll.filter((m) => categoryOn(m, asOf) === 'full');
  const prob = onRoll.filter((m) => categoryOn(m, asOf) === 'probationary');
  put(fact('members.full', '正式党员', full.length, '名', full.map((m) => mem(m.id))));
  put(fact('members.probationary', '预备党员', prob.length, '名', prob.map((m) => mem(m.id))));
  put(fact('members.total', '党员', onRoll.length, '名', onRoll.map((m) => mem(m.id))));

  // Dues of the months already over on asOf (all of them once the period has ended).
  const lastMonth = asOf === period.to ? asOf.slice(0, 7) : null;
  const ledger = (input.duesLedger ?? []).filter((r) => memberById.has(r.memberId) && r.month >= period.from.slice(0, 7)
    && (lastMonth ? r.month <= lastMonth : r.month < asOf.slice(0, 7)));
  const dueFen = ledger.reduce((s, r) => s + r.dueFen, 0);
  const payers = [...new Set(ledger.filter((r) => r.paidFen > 0).map((r) => r.memberId))].sort().map(mem);
  put(fact('dues.collectedYuan', '收缴党费', ledger.reduce((s, r) => s + r.paidFen, 0) / 100, '元', payers));
  put(fact('dues.collectionRate', '党费收缴率', dueFen === 0 ? 0 : round1((ledger.reduce((s, r) => s + Math.min(r.paidFen, r.dueFen), 0) * 100) / dueFen), '%', payers));

  const branches = input.organizations.filter((o) => isBranchLike(o.type));
  put(fact('branches', '党支部', branches.length, '个', branches.map((o) => ({ type: 'organization', id: o.id }))));

  return { orgId: input.orgId, includeSubtree: input.includeSubtree, period, asOf, facts };
}

/** A fact's value as written in Chinese documents: integers plain, decimals with one place. */
export function formatFactValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
