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
import { campaignOverlaps, type Campaign } from '../campaign/campaign.ts';
import type { Honour } from '../honour/honour.ts';
import type { Partner } from '../partner/partner.ts';
import { closedBy, openOn, type RectificationItem } from '../rectification/rectification.ts';
import { doneBy, satisfactionRate, type ServiceEvaluation, type ServiceProject } from '../service-project/service-project.ts';

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
  campaigns?: readonly Campaign[] | undefined;
  serviceProjects?: readonly ServiceProject[] | undefined;
  /** Evaluations of `serviceProjects`. */
  evaluations?: readonly ServiceEvaluation[] | undefined;
  rectificationItems?: readonly RectificationItem[] | undefined;
  partners?: readonly Partner[] | undefined;
  honours?: readonly Honour[] | undefined;
}

/** The records of the organizations in scope that fall in the period up to its cut-off (`asOf`). */
export interface PeriodRecords {
  asOf: LocalDate;
  activities: Activity[];
  /** Campaigns that ran at some time between the period's start and the cut-off. */
  campaigns: Campaign[];
  /** 办实事 projects under way in the period: put on the list by the cut-off and not finished before the period. */
  serviceProjects: ServiceProject[];
  /** Evaluations of those projects given in the period up to the cut-off. */
  evaluations: ServiceEvaluation[];
  /** 整改 items in hand in the period: found by the cut-off and not closed before the period. */
  rectificationItems: RectificationItem[];
  /** Partnerships agreed by the cut-off. */
  partners: Partner[];
  /** Honours received in the period up to the cut-off. */
  honours: Honour[];
}

/** The cut-off day: `asOf` when it falls before the period's end, else the period's last day. */
export function cutOff(period: Period, asOf?: LocalDate): LocalDate {
  return asOf && asOf < period.to ? asOf : period.to;
}

/**
 * Selects the records of the period up to its cut-off: the one place that decides which records a
 * summary may speak of, so the facts and the draft's named examples never disagree.
 */
export function periodRecords(input: StatsInput): PeriodRecords {
  const { period } = input;
  const asOf = cutOff(period, input.asOf);
  const orgIds = new Set(input.organizations.map((o) => o.id));
  const inScope = (x: { orgId: string }) => orgIds.has(x.orgId);
  const serviceProjects = (input.serviceProjects ?? []).filter((p) => inScope(p) && p.startedOn <= asOf && !(p.doneOn !== null && p.status === 'done' && p.doneOn < period.from));
  const projectIds = new Set(serviceProjects.map((p) => p.id));
  return {
    asOf,
    activities: input.activities.filter((a) => inScope(a) && inRange(a.date, period.from, asOf)),
    campaigns: (input.campaigns ?? []).filter((c) => inScope(c) && campaignOverlaps(c, period.from, asOf)),
    serviceProjects,
    evaluations: (input.evaluations ?? []).filter((e) => projectIds.has(e.projectId) && inRange(e.date, period.from, asOf)),
    rectificationItems: (input.rectificationItems ?? []).filter((r) => inScope(r) && r.foundOn <= asOf && !(r.status === 'closed' && r.closedOn !== null && r.closedOn < period.from)),
    partners: (input.partners ?? []).filter((p) => inScope(p) && p.agreementDate <= asOf),
    honours: (input.honours ?? []).filter((h) => inScope(h) && inRange(h.date, period.from, asOf)),
  };
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
  const recs = periodRecords(input);
  const asOf = recs.asOf;
  const orgIds = new Set(input.organizations.map((o) => o.id));
  const acts = recs.activities;
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
  splitParticipations(put, 'participations', acts);

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
  splitParticipations(put, 'studyParticipations', study);

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
  splitParticipations(put, 'volunteerParticipations', vol);

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

  // Dues are counted by payment date: the ledger holds only payments made by the cut-off (the
  // caller builds it so), for the months from the period's start to the cut-off's month. The rate
  // is taken over the months already over at the cut-off, whose dues were all due by then.
  const ledger = (input.duesLedger ?? []).filter((r) => memberById.has(r.memberId) && r.month >= period.from.slice(0, 7)
    && r.month <= asOf.slice(0, 7) && (r.paidOn === null || r.paidOn <= asOf));
  const monthOver = (m: string) => m < asOf.slice(0, 7) || (m === asOf.slice(0, 7) && isMonthEnd(asOf));
  const rateRows = ledger.filter((r) => monthOver(r.month));
  const dueFen = rateRows.reduce((s, r) => s + r.dueFen, 0);
  const payers = [...new Set(ledger.filter((r) => r.paidFen > 0).map((r) => r.memberId))].sort().map(mem);
  put(fact('dues.collectedYuan', '收缴党费', ledger.reduce((s, r) => s + r.paidFen, 0) / 100, '元', payers));
  put(fact('dues.collectionRate', '党费收缴率', dueFen === 0 ? 0 : round1((rateRows.reduce((s, r) => s + Math.min(r.paidFen, r.dueFen), 0) * 100) / dueFen), '%', [...new Set(rateRows.filter((r) => r.paidFen > 0).map((r) => r.memberId))].sort().map(mem)));

  // 我为群众办实事 and its 群众评议.
  const projects = recs.serviceProjects;
  const ref = (type: SourceRef['type']) => (x: { id: string }): SourceRef => ({ type, id: x.id });
  put(fact('serviceProjects', '“我为群众办实事”项目', projects.length, '项', projects.map(ref('serviceProject'))));
  const done = projects.filter((p) => doneBy(p, asOf));
  put(fact('serviceProjects.done', '办结“我为群众办实事”项目', done.length, '项', done.map(ref('serviceProject'))));
  const served = projects.filter((p) => p.peopleServed !== null && p.peopleServed > 0);
  put(fact('serviceProjects.peopleServed', '服务群众', served.reduce((s, p) => s + (p.peopleServed ?? 0), 0), '人', served.map(ref('serviceProject'))));
  const evals = recs.evaluations;
  put(fact('serviceEvaluations', '群众评议', evals.length, '人次', evals.map(ref('serviceEvaluation'))));
  const happy = evals.filter((e) => e.rating !== 'dissatisfied');
  put(fact('serviceEvaluations.satisfied', '评价满意和基本满意', happy.length, '人次', happy.map(ref('serviceEvaluation'))));
  put(fact('serviceEvaluations.satisfactionRate', '群众满意率', satisfactionRate(evals) ?? 0, '%', evals.map(ref('serviceEvaluation'))));

  // 整改清单 as of the cut-off.
  const items = recs.rectificationItems;
  put(fact('rectification.total', '整改事项', items.length, '项', items.map(ref('rectificationItem'))));
  const closed = items.filter((r) => closedBy(r, asOf));
  put(fact('rectification.closed', '已对账销号', closed.length, '项', closed.map(ref('rectificationItem'))));
  const open = items.filter((r) => openOn(r, asOf));
  put(fact('rectification.open', '尚在整改', open.length, '项', open.map(ref('rectificationItem'))));

  put(fact('campaigns', '专项工作', recs.campaigns.length, '项', recs.campaigns.map(ref('campaign'))));
  put(fact('partners', '结对共建单位', recs.partners.length, '个', recs.partners.map(ref('partner'))));
  put(fact('honours', '表彰和荣誉', recs.honours.length, '项', recs.honours.map(ref('honour'))));

  const branches = input.organizations.filter((o) => isBranchLike(o.type));
  put(fact('branches', '党支部', branches.length, '个', branches.map((o) => ({ type: 'organization', id: o.id }))));

  return { orgId: input.orgId, includeSubtree: input.includeSubtree, period, asOf, facts };
}

/** Whether `d` is the last day of its month. */
function isMonthEnd(d: LocalDate): boolean {
  const next = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)) + 1));
  return next.getUTCDate() === 1;
}

/** Puts `<key>.members` and `<key>.nonMembers`: members present and 群众 over the activities, 人次. */
function splitParticipations(put: (f: Fact) => void, key: 'participations' | 'studyParticipations' | 'volunteerParticipations', acts: readonly Activity[]): void {
  const withMembers = acts.filter((a) => a.attendance.some((x) => x.status === 'present'));
  const withOthers = acts.filter((a) => a.nonMemberParticipants > 0);
  put(fact(`${key}.members`, '党员参与', withMembers.reduce((s, a) => s + a.attendance.filter((x) => x.status === 'present').length, 0), '人次', withMembers.map(act)));
  put(fact(`${key}.nonMembers`, '群众参与', withOthers.reduce((s, a) => s + a.nonMemberParticipants, 0), '人次', withOthers.map(act)));
}

/** A fact's value as written in Chinese documents: integers plain, decimals with one place. */
export function formatFactValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
