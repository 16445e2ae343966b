/**
 * Composes the summary draft from facts and records: a pure function `facts + records +
 * organization + period + themes → DraftDocument`. Each point states its counts and names
 * representative records by their titles, with their recorded results; every number comes from
 * a fact or counts the records it names, and every sentence carries its binding (the records
 * behind it, or the themes line it comes from). A statement without data is left out and listed
 * in `couldBeAdded`, never filled with a placeholder (report-genre.md, "Numbers", "Substance").
 * A document that goes upward names no individual: titles or results that contain a person's
 * name are not quoted, lecturers are named by their post.
 */
import { formatChineseDate, formatChineseMonthDay, type LocalDate } from '../common/dates.ts';
import { periodLabel, type Period } from '../common/period.ts';
import { ValidationError } from '../errors.ts';
import { isBranchLike, type OrgType } from '../org/org.ts';
import type { FactKey, Facts, SourceRef } from '../stats/facts.ts';
import { headingMarker, type Block, type CouldBeAdded, type DraftDocument, type SummaryKind } from './document.ts';
import { problemsFromFindings } from './problems.ts';
import type { PlanPoint, YearThemes } from './themes.ts';
import type { Finding } from '../regulations/finding.ts';
import { SUMMARY_AREAS, areaOf, type Activity, type ActivityKind, type SummaryArea } from '../activity/activity.ts';
import type { Member } from '../member/member.ts';
import type { PeriodRecords } from '../stats/stats.ts';
import { CAMPAIGN_KINDS, type Campaign } from '../campaign/campaign.ts';
import { RECTIFICATION_SOURCES } from '../rectification/rectification.ts';
import { doneBy, ratedPoorly } from '../service-project/service-project.ts';
import { bookTitle, enumeratePoints, paragraph, quote, Sentence, spread, type Point } from './sentence.ts';

/** The records a draft may name, already cut to the period (`periodRecords`). */
export interface DraftRecords extends PeriodRecords {
  /** Members of the organizations in scope (lecturers are named by their post, never by name). */
  members: readonly Member[];
  /** Organizations in scope, to name a branch with its highlight in a 党委's summary. */
  organizations: ReadonlyArray<{ id: string; name: string; type: OrgType }>;
  /** Every person's name the records hold: a title or result containing one is not quoted. */
  privateNames: readonly string[];
}

export interface DraftInput {
  kind: SummaryKind;
  facts: Facts;
  org: { id: string; name: string; type: OrgType };
  /** The higher organization whose leadership the opening names (上级党委), if any. */
  parentOrgName: string | null;
  themes: YearThemes;
  /** Next year's themes, for the plan part of an `annual-plan` summary. */
  nextYearThemes?: YearThemes;
  /** The date in the sign-off (落款). */
  signoffDate: LocalDate;
  /** The regulations engine's findings for the period: they make the problems and next steps specific. */
  findings?: readonly Finding[];
  /** Names of the organizations in the subtree (to name a branch in a 党委's problems). */
  orgNames?: ReadonlyMap<string, string>;
  /** The records behind the facts; without them the draft states counts only. */
  records?: DraftRecords;
  /** Next year's calendar from the regulations, for the plan part of `annual-plan`. */
  plan?: readonly PlanItem[];
}

/** One dated task of next year's plan (from the regulations: meetings, terms, development steps, dues). */
export interface PlanItem {
  /** `YYYY-MM` (or a date) by which it falls due. */
  due: LocalDate;
  text: string;
  sources: SourceRef[];
}

const QUARTER_NAMES = ['', '第一季度', '第二季度', '第三季度', '第四季度'] as const;

/** Which summary kinds fit which period kinds. */
function checkKind(kind: SummaryKind, p: Period): void {
  const ok =
    (kind === 'quarterly' && p.kind === 'quarter') ||
    (kind === 'half-year' && p.kind === 'half') ||
    ((kind === 'annual' || kind === 'annual-plan') && (p.kind === 'year' || p.kind === 'custom'));
  if (!ok) {
    throw new ValidationError(`总结类型与时段不符：${kind} 不能用于${periodLabel(p)}`, [
      { field: 'kind', message: 'annual/annual-plan 用年度或自定义时段，quarterly 用季度，half-year 用半年' },
    ]);
  }
}

/** The document title for the kind and period (report-genre.md, "Kinds of summary"). */
export function draftTitle(kind: SummaryKind, orgName: string, p: Period): string {
  switch (kind) {
    case 'annual': return `${orgName}${p.year}年度党建工作总结`;
    case 'annual-plan': return `${orgName}${p.year}年党建工作总结及${p.year + 1}年工作计划`;
    case 'half-year': return `${orgName}${p.year}年${p.kind === 'half' && p.half === 2 ? '下半年' : '上半年'}党建工作总结`;
    case 'quarterly': return `${orgName}${p.year}年${p.kind === 'quarter' ? QUARTER_NAMES[p.quarter] : ''}党建工作情况报告`;
  }
}

/** How a statement opens in time: `截至11月10日`, `第三季度`, `上半年`, `一年来`. */
function timePhrase(p: Period, asOf: LocalDate): string {
  // A period not over yet speaks "as of" its cut-off day.
  if (asOf < p.to) return p.from.slice(0, 4) === asOf.slice(0, 4) && p.from.endsWith('-01-01') ? `截至${formatChineseMonthDay(asOf)}` : `截至${formatChineseDate(asOf)}`;
  switch (p.kind) {
    case 'year': return '一年来';
    case 'half': return p.half === 1 ? '上半年' : '下半年';
    case 'quarter': return QUARTER_NAMES[p.quarter];
    case 'custom':
      return p.from === `${p.year}-01-01` ? `截至${formatChineseMonthDay(p.to)}` : `${periodLabel(p)}期间`;
  }
}

const act = (a: { id: string }): SourceRef => ({ type: 'activity', id: a.id });

/** Subsections of 一、 in order, each gathering the areas it reports. */
const SUBSECTIONS: ReadonlyArray<{ id: string; areas: readonly SummaryArea[]; title: string; committeeTitle?: string }> = [
  { id: 'theory', areas: ['theory', 'ideology'], title: '强化理论武装，筑牢思想根基' },
  { id: 'organization', areas: ['organization'], title: '严格组织生活，夯实组织基础', committeeTitle: '履行管党治党责任，夯实基层组织基础' },
  { id: 'conduct', areas: ['conduct'], title: '加强作风建设，严守纪律规矩' },
  { id: 'service', areas: ['service'], title: '践行为民宗旨，用心服务群众' },
  { id: 'integration', areas: ['integration'], title: '推动党建和业务融合，以党建促发展' },
  { id: 'brand', areas: ['brand'], title: '培育特色亮点，争创先进典型' },
];

/** Kinds whose points the composer writes from their own facts; other activities are reported by area. */
const KIND_POINTS: ReadonlySet<ActivityKind> = new Set<ActivityKind>([
  'generalMembershipMeeting', 'branchCommitteeMeeting', 'partySubgroupMeeting', 'partyLecture', 'themedPartyDay',
  'organizationalLifeMeeting', 'memberAppraisal', 'concentratedStudy', 'thematicStudy', 'centralGroupStudy', 'knowledgeTest',
  'warningEducation', 'heartToHeartTalk', 'volunteerService', 'jointBuilding', 'termElection',
]);

/** Committee-level kinds: a 党委's own work (党委会, 中心组学习, 述职评议, 指导检查). */
const COMMITTEE_KINDS: readonly ActivityKind[] = ['partyCommitteeMeeting', 'centralGroupStudy', 'dutyReportAppraisal', 'guidanceInspection'];

const EMPTY_RECORDS: DraftRecords = {
  asOf: '1970-01-01', activities: [], campaigns: [], serviceProjects: [], evaluations: [], rectificationItems: [], partners: [], honours: [],
  members: [], organizations: [], privateNames: [],
};

/**
 * Composes the draft. Throws ValidationError when the kind does not fit the period
 * (e.g. a quarterly report over a whole year).
 */
export function composeDraft(input: DraftInput): DraftDocument {
  const { facts, org, kind, themes } = input;
  const p = facts.period;
  checkKind(kind, p);
  const recs = input.records ?? { ...EMPTY_RECORDS, asOf: facts.asOf };
  // Facts made by older callers may lack the newer keys: a missing fact states nothing.
  const v = (k: FactKey) => facts.facts[k]?.value ?? 0;
  const when = timePhrase(p, facts.asOf);
  const isBranch = isBranchLike(org.type);
  const self = isBranch ? '支部' : '所属党组织';
  const couldBeAdded: CouldBeAdded[] = [];
  const missing = (factKey: FactKey | null, text: string) => couldBeAdded.push({ factKey, text });
  const S = () => new Sentence(facts);
  const names = recs.privateNames.filter((n) => n.length >= 2);
  /** Text that names no one (titles and results with a person's name are not quoted). */
  const clean = (t: string | null | undefined): t is string => !!t && t.trim().length > 0 && !names.some((n) => t.includes(n));
  const memberById = new Map(recs.members.map((m) => [m.id, m]));
  const orgName = new Map(recs.organizations.map((o) => [o.id, o.name]));
  const campaignById = new Map(recs.campaigns.map((c) => [c.id, c]));
  const ofKind = (k: ActivityKind) => recs.activities.filter((a) => a.kind === k);
  /** Titles of `list` fit to quote, highlights first, spread over the period. */
  const examples = (list: readonly Activity[], max: number, strip?: RegExp): Array<{ a: Activity; title: string }> => {
    const usable = list.filter((a) => clean(a.title)).map((a) => ({ a, title: strip ? a.title.replace(strip, '') : a.title })).filter((x) => x.title.length >= 2);
    const seen = new Set<string>();
    const unique = usable.filter((x) => (seen.has(x.title) ? false : (seen.add(x.title), true)));
    const hi = unique.filter((x) => x.a.highlight);
    return [...hi, ...spread(unique.filter((x) => !x.a.highlight), Math.max(0, max - hi.length))].slice(0, Math.max(max, hi.length))
      .sort((x, y) => (x.a.date < y.a.date ? -1 : x.a.date > y.a.date ? 1 : 0));
  };
  const quoted = (xs: ReadonlyArray<{ title: string }>) => xs.map((x) => quote(x.title)).join('');
  /** A sentence stating the recorded results of activities (成效), one clause each. */
  const resultsOf = (list: readonly Activity[]): Sentence | null => {
    const withResult = list.filter((a) => clean(a.result) && clean(a.title));
    if (withResult.length === 0) return null;
    const s = S();
    withResult.slice(0, 4).forEach((a, i) => {
      s.t(i === 0 ? '' : '；').t(`通过${quote(a.title)}，${trimEnd(a.result!)}`).src([act(a)]);
    });
    return s.t('。');
  };
  const campaignTagged = (a: Activity) => !!a.campaignId && campaignById.has(a.campaignId);
  // Activities reported by area: kinds without a point of their own, and any activity whose record names an area other than its kind's.
  const byArea = (area: SummaryArea) => recs.activities.filter((a) => !campaignTagged(a) && areaOf(a) === area
    && (!KIND_POINTS.has(a.kind) || (a.area != null && a.area !== areaOfKind(a.kind))) && !(COMMITTEE_KINDS.includes(a.kind) && a.orgId === org.id && !isBranch));

  const points = new Map<string, Point[]>(SUBSECTIONS.map((s) => [s.id, []]));
  const add = (section: string, pt: Point | null) => { if (pt && pt.length > 0) points.get(section)!.push(pt); };
  const sectionOfArea = (area: SummaryArea) => SUBSECTIONS.find((s) => s.areas.includes(area))!.id;

  // A 党委's own work comes first in its organization section.
  if (!isBranch) {
    const own = recs.activities.filter((a) => a.orgId === org.id && COMMITTEE_KINDS.includes(a.kind));
    if (own.length > 0) {
      const s = S().t(`${when}，${org.name}`);
      const parts = COMMITTEE_KINDS.map((k) => ({ k, list: own.filter((a) => a.kind === k) })).filter((x) => x.list.length > 0);
      parts.forEach(({ k, list }, i) => {
        s.t(i === 0 ? '' : '、').t(COMMITTEE_VERBS[k] ?? '').c(`records.own.${k}`, list.map(act), '次');
      });
      const pt: Point = [s.t('，履行管党治党主体责任。')];
      const ex = examples(own.filter((a) => a.kind !== 'partyCommitteeMeeting'), 3);
      if (ex.length > 0) pt.push(S().t(`先后${ex.map((x) => `${COMMITTEE_VERBS[x.a.kind] ?? '开展'}${quote(x.title)}`).join('，')}。`).src(ex.map((x) => act(x.a))));
      const r = resultsOf(own);
      if (r) pt.push(r);
      add('organization', pt);
    }
  }

  // （一）理论武装
  if (v('firstAgendaItems') > 0) {
    const s = S().t(`严格落实“第一议题”制度，${when}在${isBranch ? '支委会、党员大会等' : '各类'}会议上把学习习近平总书记最新重要讲话和重要指示精神作为首项议题，共跟进学习`).n('firstAgendaItems').t('。');
    add('theory', [s]);
  } else missing('firstAgendaItems', '“第一议题”学习情况（在会议记录中标记第一议题即可统计）');
  if (v('studySessions') > 0) {
    const s = S().t(`${when}，${self}组织集中学习、专题学习、党课等各类学习`).n('studySessions');
    if (v('studyParticipations') > 0) {
      s.t('，参与').n('studyParticipations');
      if (v('studyParticipations.nonMembers') > 0) {
        if (v('studyParticipations.members') > 0) s.t('（其中党员').n('studyParticipations.members').t('、群众').n('studyParticipations.nonMembers').t('）');
        else s.t('（均为群众）');
      }
    }
    if (v('averageStudyHours') > 0) s.t('，党员人均学习').n('averageStudyHours');
    const pt: Point = [s.t('。')];
    const topics = studyTopics(recs.activities.filter((a) => ['concentratedStudy', 'thematicStudy', 'centralGroupStudy'].includes(a.kind) && clean(a.title)));
    if (topics.length > 0) pt.push(S().t(`围绕${topics.slice(0, 4).map((x) => x.topic).join('、')}等内容开展学习研讨，推动党的创新理论入脑入心。`).src(topics.slice(0, 4).flatMap((x) => x.sources)));
    const central = ofKind('centralGroupStudy');
    if (central.length > 0) pt.push(S().t('其中，理论学习中心组学习').c('records.centralGroupStudy', central.map(act), '次').t('。'));
    const tests = ofKind('knowledgeTest').filter((a) => clean(a.title));
    if (tests.length > 0) pt.push(S().t(`组织${quoted(examples(tests, 2))}等知识测试`).c('records.knowledgeTest', tests.map(act), '次').t('，检验学习成效。'));
    add('theory', pt);
  } else missing('studySessions', '集中学习、专题学习的次数和参与人次');
  if (v('activities.partyLecture') > 0) {
    const lectures = ofKind('partyLecture');
    const pt: Point = [];
    const s = S().t('坚持讲好党课，共讲授党课').n('activities.partyLecture');
    if (v('secretaryPartyLectures') > 0) s.t(`，其中${isBranch ? '支部书记' : '党组织书记'}讲党课`).n('secretaryPartyLectures');
    pt.push(s.t('。'));
    const groups = new Map<string, Activity[]>();
    for (const a of lectures) {
      const role = lecturerRole(a, memberById, isBranch);
      groups.set(role, [...(groups.get(role) ?? []), a]);
    }
    const lines: Sentence[] = [];
    for (const [role, list] of groups) {
      const ex = examples(list, 3);
      if (ex.length === 0 || !role) continue;
      lines.push(S().t(`${role}以${ex.map((x) => bookTitle(x.title.replace(/^(专题)?党课[：:]/, ''))).join('')}${ex.length > 1 ? '等' : ''}为题讲授党课`).src(ex.map((x) => act(x.a))));
    }
    if (lines.length > 0) {
      lines.forEach((l, i) => { if (i > 0) l.inlines.unshift({ type: 'text', text: '，' }); });
      lines[lines.length - 1]!.t('。');
      // The lecture lines read as one sentence; keep each clause bound to its own lectures.
      pt.push(...lines);
    }
    add('theory', pt);
  } else missing('activities.partyLecture', '党课的次数和主讲人');

  // （二）组织建设
  {
    const s = S().t(`严格落实“三会一课”制度，${when}${isBranch ? '' : '所属党组织'}`);
    const had = series(s, facts, [
      ['召开支部委员会会议', 'activities.branchCommitteeMeeting'],
      ['支部党员大会', 'activities.generalMembershipMeeting'],
      ['党小组会', 'activities.partySubgroupMeeting'],
    ]);
    if (had) {
      if (v('attendanceRate') > 0) s.t('，党员参加组织生活的出勤率为').n('attendanceRate');
      const pt: Point = [s.t('。')];
      add('organization', pt);
    } else missing('activities.branchCommitteeMeeting', '支委会、党员大会、党小组会的记录');
  }
  if (v('activities.themedPartyDay') > 0) {
    const days = ofKind('themedPartyDay');
    const ex = examples(days, 4, /主题党日(活动)?$/);
    const s = S().t(`${when}，${self}开展主题党日活动`).n('activities.themedPartyDay');
    const pt: Point = [];
    if (ex.length > 0) {
      s.t('，').t(`先后开展${quoted(ex)}${ex.length < days.length ? '等' : ''}活动`).src(ex.map((x) => act(x.a)));
    }
    pt.push(s.t('，把主题党日与中心工作结合起来。'));
    const r = resultsOf(days);
    if (r) pt.push(r);
    add('organization', pt);
  } else missing('activities.themedPartyDay', '主题党日的次数和主题');
  if (v('activities.organizationalLifeMeeting') > 0 || v('activities.memberAppraisal') > 0) {
    const s = S();
    series(s, facts, [['召开组织生活会', 'activities.organizationalLifeMeeting'], ['开展民主评议党员', 'activities.memberAppraisal']]);
    add('organization', [s.t('，认真开展批评和自我批评。')]);
  }
  {
    const s = S().t('规范做好发展党员工作，');
    const had = series(s, facts, [
      ['确定入党积极分子', 'development.activist'],
      ['确定发展对象', 'development.candidate'],
      ['接收预备党员', 'development.admittedProbationary'],
    ]);
    if (v('development.becameFull') > 0) s.t(had ? '，' : '').n('development.becameFull').t('预备党员转为正式党员');
    if (had || v('development.becameFull') > 0) add('organization', [s.t('。')]);
    else missing('development.admittedProbationary', '发展党员各环节的记录');
  }
  if (v('dues.collectedYuan') > 0) {
    const s = S().t(`严格党费收缴管理，${when}${self}共收缴党费`).n('dues.collectedYuan', '元', (x) => x.toFixed(2));
    if (v('dues.collectionRate') > 0) s.t(`，${facts.asOf < p.to || !isMonthEnd(facts.asOf) ? '已到期月份党费' : ''}收缴率为`).n('dues.collectionRate');
    add('organization', [s.t('。')]);
  }
  if (v('rectification.total') > 0) {
    const items = recs.rectificationItems;
    const s = S().t('坚持问题导向抓整改，');
    const bySource = groupCount(items, (r) => r.source);
    s.t(`针对${[...bySource.keys()].map((k) => RECTIFICATION_SOURCES[k]).join('、')}中发现的问题建立整改清单，共`).n('rectification.total');
    if (v('rectification.closed') > 0) s.t('，采取对账销号方式逐项整改，已销号').n('rectification.closed');
    if (v('rectification.open') > 0) s.t('，尚在整改').n('rectification.open');
    else s.t('，全部整改到位');
    const pt: Point = [s.t('。')];
    const ex = spread(items.filter((r) => clean(r.problem) && !r.campaignId), 2);
    if (ex.length > 0) pt.push(S().t(`如针对${ex.map((r) => quote(trimEnd(r.problem))).join('')}等问题，${ex.length === 1 ? '' : '分别'}${trimEnd(ex.find((r) => clean(r.measures))?.measures ?? '细化整改措施、明确完成时限')}。`).src(ex.map((r) => ({ type: 'rectificationItem', id: r.id }))));
    add('organization', pt);
  }
  if (v('members.total') > 0) {
    const s = S().t(`截至${formatChineseDate(facts.asOf)}，`);
    if (!isBranch && v('branches') > 0) s.t('下设党支部').n('branches').t('，');
    s.t(`${isBranch ? '支部' : ''}共有党员`).n('members.total');
    if (v('members.probationary') > 0) s.t('，其中正式党员').n('members.full').t('、预备党员').n('members.probationary');
    add('organization', [s.t('。')]);
  } else missing('members.total', '党员名册');

  // （三）作风建设
  {
    const warn = ofKind('warningEducation');
    const s = S().t(`${when}，`);
    const had = series(s, facts, [['开展警示教育', 'activities.warningEducation'], ['谈心谈话', 'activities.heartToHeartTalk']]);
    if (had) {
      const ex = examples(warn, 2);
      if (ex.length > 0) s.t(`，通过${quoted(ex)}${ex.length < warn.length ? '等' : ''}教育引导党员守纪律、讲规矩`).src(ex.map((x) => act(x.a)));
      else s.t('，教育引导党员守纪律、讲规矩');
      add('conduct', [s.t('。')]);
    } else missing('activities.warningEducation', '警示教育、谈心谈话等作风建设记录');
  }

  // （四）为民服务
  if (v('serviceProjects') > 0) {
    const projects = recs.serviceProjects;
    const ex = spread(projects.filter((x) => clean(x.title)), 3);
    const s = S().t(`深入开展“我为群众办实事”实践活动，${when}确定办实事项目`).n('serviceProjects');
    if (ex.length > 0) s.t(`，包括${ex.map((x) => quote(x.title)).join('')}${ex.length < projects.length ? '等' : ''}`).src(ex.map((x) => ({ type: 'serviceProject', id: x.id })));
    if (v('serviceProjects.done') > 0) s.t('，已办结').n('serviceProjects.done');
    if (v('serviceProjects.peopleServed') > 0) s.t('，服务群众').n('serviceProjects.peopleServed').t('次');
    const pt: Point = [s.t('。')];
    if (v('serviceEvaluations') > 0) {
      const e = S().t('通过扫码开展群众评议，收到评价').n('serviceEvaluations');
      if (v('serviceEvaluations.satisfied') > 0) e.t('，其中满意和基本满意').n('serviceEvaluations.satisfied').t('，满意率').n('serviceEvaluations.satisfactionRate');
      else e.t('，均为不满意评价');
      pt.push(e.t('。'));
    }
    const withResult = projects.filter((x) => doneBy(x, facts.asOf) && clean(x.result) && clean(x.title)).slice(0, 3);
    if (withResult.length > 0) {
      pt.push(S().t(withResult.map((x) => `${quote(x.title)}${trimEnd(x.result!)}`).join('；') + '。').src(withResult.map((x) => ({ type: 'serviceProject', id: x.id }))));
    }
    add('service', pt);
  } else missing('serviceProjects', '“我为群众办实事”项目清单、办结情况和群众评议');
  if (v('volunteerServices') > 0) {
    const vol = ofKind('volunteerService');
    const s = S().t('组织党员到一线开展志愿服务').n('volunteerServices');
    if (v('volunteerParticipations') > 0) {
      s.t('，参与').n('volunteerParticipations');
      if (v('volunteerParticipations.nonMembers') > 0) {
        if (v('volunteerParticipations.members') > 0) s.t('（其中党员').n('volunteerParticipations.members').t('、群众').n('volunteerParticipations.nonMembers').t('）');
        else s.t('（均为群众）');
      }
    }
    const ex = examples(vol, 3);
    if (ex.length > 0) s.t(`，开展${quoted(ex)}${ex.length < vol.length ? '等' : ''}服务`).src(ex.map((x) => act(x.a)));
    add('service', [s.t('，在服务群众中亮身份、作表率。')]);
  } else missing('volunteerServices', '志愿服务的次数和参与人次');
  if (v('partners') > 0 || v('activities.jointBuilding') > 0) {
    const joint = ofKind('jointBuilding');
    const partners = recs.partners.filter((x) => clean(x.name));
    const s = S();
    if (partners.length > 0) s.t(`与${partners.slice(0, 3).map((x) => x.name).join('、')}${partners.length > 3 ? '等' : ''}`).n('partners').t('单位结对共建').src(partners.map((x) => ({ type: 'partner', id: x.id })));
    else s.t('与结对单位共建');
    if (joint.length > 0) {
      s.t('，开展共建活动').n('activities.jointBuilding');
      const ex = examples(joint, 2);
      if (ex.length > 0) s.t(`，如${quoted(ex)}`).src(ex.map((x) => act(x.a)));
    }
    add('service', [s.t('，实现资源共享、优势互补。')]);
  }

  // Campaigns: each a point of its own, under its area.
  for (const c of recs.campaigns) add(sectionOfArea(c.area), campaignPoint(c));
  // Activities reported by their area (kind `other` and re-assigned ones).
  for (const area of Object.keys(SUMMARY_AREAS) as SummaryArea[]) {
    const list = byArea(area);
    if (list.length > 0) add(sectionOfArea(area), areaPoint(area, list));
  }
  // Honours, and in a 党委's summary the highlights of its branches, each with its branch.
  if (v('honours') > 0) {
    const hs = recs.honours;
    const collective = hs.filter((h) => h.recipient === 'organization' && clean(h.title));
    const personal = hs.filter((h) => h.recipient === 'member');
    const s = S().t(`${when}，`);
    if (collective.length > 0) {
      s.t(collective.map((h) => `${!isBranch && h.orgId !== org.id ? orgName.get(h.orgId) ?? '' : ''}${h.awardedBy && clean(h.awardedBy) ? `获${h.awardedBy}` : '获'}评${quote(h.title)}`).join('，'))
        .src(collective.map((h) => ({ type: 'honour', id: h.id })));
    }
    if (personal.length > 0) s.t(collective.length > 0 ? '，' : '').t('党员获得个人表彰').c('records.honours.member', personal.map((h) => ({ type: 'honour', id: h.id })), '人次');
    add('brand', [s.t('。')]);
  }
  if (!isBranch) {
    const hi = recs.activities.filter((a) => a.highlight && a.orgId !== org.id && clean(a.title) && orgName.has(a.orgId));
    if (hi.length > 0) {
      const ex = spread(hi, 4);
      const s = S().t('所属党组织各具特色：').t(ex.map((a) => `${orgName.get(a.orgId)}开展${quote(a.title)}${clean(a.result) ? `，${trimEnd(a.result!)}` : ''}`).join('；')).t('。').src(ex.map(act));
      add('brand', [s]);
    }
  }

  const blocks: Block[] = [{ type: 'title', text: draftTitle(kind, org.name, p) }];
  if (kind === 'annual-plan') blocks.push({ type: 'part', id: 'part-1', text: `第一部分\u3000${p.year}年党建工作总结` });
  blocks.push(paragraph('opening', [openingSentence(input, S())]));

  const section1 = p.kind === 'quarter' ? `${QUARTER_NAMES[p.quarter]}主要工作情况` : '主要工作和成效';
  blocks.push({ type: 'heading', id: 'results', level: 1, marker: headingMarker(1, 1), text: section1 });
  const subs = SUBSECTIONS.filter((sub) => points.get(sub.id)!.length > 0);
  subs.forEach((sub, i) => {
    blocks.push({ type: 'heading', id: `results-${sub.id}`, level: 2, marker: headingMarker(2, i + 1), text: !isBranch && sub.committeeTitle ? sub.committeeTitle : sub.title });
    blocks.push(paragraph(`results-${sub.id}-text`, enumeratePoints(points.get(sub.id)!)));
  });
  if (subs.length === 0) {
    blocks.push(paragraph('results-empty', [S().t('本时段暂无工作记录，请先录入会议、学习和活动记录后再生成总结。').themes('emptyNotice')]));
  }

  // 二、存在的问题 and 三、下一步: each problem answered by a next step.
  const issues = problemPoints(input, recs, S);
  for (const area of ['ideology', 'integration'] as const) {
    if (!recs.activities.some((a) => areaOf(a) === area) && !recs.campaigns.some((c) => c.area === area)) missing(null, `${SUMMARY_AREAS[area]}方面的工作记录（活动的“总结板块”选“${SUMMARY_AREAS[area]}”）`);
  }
  blocks.push({ type: 'heading', id: 'problems', level: 1, marker: headingMarker(1, 2), text: '存在的问题' });
  blocks.push(paragraph('problems-intro', [S().t(`对照上级要求和${isBranch ? '支部' : ''}工作实际，还存在一些不足：`).themes('problemsIntro')]));
  blocks.push(paragraph('problems-text', enumerateProblems(issues.map((x) => x.problem))));

  if (kind === 'annual-plan') {
    const next = input.nextYearThemes ?? { ...themes, year: p.year + 1 };
    blocks.push({ type: 'part', id: 'part-2', text: `第二部分\u3000${p.year + 1}年工作计划` });
    blocks.push(paragraph('plan-intro', [S().t(`${p.year + 1}年，${org.name}将坚持${next.guidance}，${next.mainLine}，针对存在的不足，重点抓好以下工作：`).themes('guidance')]));
    const steps = planSteps(issues, next.nextSteps, S);
    steps.forEach((pt, i) => {
      blocks.push({ type: 'heading', id: `plan-${i + 1}`, level: 1, marker: headingMarker(1, i + 1), text: pt.title });
      blocks.push(paragraph(`plan-${i + 1}-text`, pt.sentences));
    });
    if (input.plan && input.plan.length > 0) {
      const n = steps.length + 1;
      blocks.push({ type: 'heading', id: `plan-${n}`, level: 1, marker: headingMarker(1, n), text: '按期完成规定动作' });
      const lines = [...input.plan].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
      blocks.push(paragraph(`plan-${n}-text`, lines.map((l, i) => S().t(`${i === 0 ? '' : ''}${l.text}${/[。；]$/.test(l.text) ? '' : '。'}`).src(l.sources))));
    }
  } else {
    const title = p.kind === 'quarter' && p.quarter < 4 ? `${QUARTER_NAMES[p.quarter + 1]}工作计划`
      : p.kind === 'quarter' ? `${p.year + 1}年第一季度工作计划` : '下一步工作打算';
    blocks.push({ type: 'heading', id: 'next', level: 1, marker: headingMarker(1, 3), text: title });
    planSteps(issues, themes.nextSteps, S).forEach((pt, i) => {
      blocks.push({ type: 'heading', id: `next-${i + 1}`, level: 2, marker: headingMarker(2, i + 1), text: pt.title });
      blocks.push(paragraph(`next-${i + 1}-text`, pt.sentences));
    });
  }

  blocks.push({ type: 'signoff', orgName: org.name, date: input.signoffDate, dateText: formatChineseDate(input.signoffDate) });
  return { kind, title: draftTitle(kind, org.name, p), orgId: org.id, orgName: org.name, period: p, blocks, couldBeAdded };

  /** A campaign's point: its name and dates, the activities tagged with it, its projects and 整改 items, results. */
  function campaignPoint(c: Campaign): Point | null {
    if (!clean(c.name)) return null;
    const tagged = recs.activities.filter((a) => a.campaignId === c.id);
    const projects = recs.serviceProjects.filter((x) => x.campaignId === c.id);
    const items = recs.rectificationItems.filter((x) => x.campaignId === c.id);
    if (tagged.length === 0 && projects.length === 0 && items.length === 0 && !clean(c.result)) return null;
    const ref: SourceRef = { type: 'campaign', id: c.id };
    const pt: Point = [];
    const kindWord = CAMPAIGN_KINDS[c.kind];
    const name = c.name.endsWith(kindWord) || c.kind === 'other' ? c.name : c.name;
    const s = S().t(`扎实开展${quote(name)}`).src([ref]);
    if (tagged.length > 0) {
      const ex = examples(tagged, 4);
      s.t(`，${formatChineseMonthDay(c.from > p.from ? c.from : p.from)}以来`).t(ex.length > 0 ? `先后组织${quoted(ex)}${ex.length < tagged.length ? '等' : ''}` : '组织相关').t('活动').c(`records.campaign.${c.id}`, tagged.map(act), '次').src(ex.map((x) => act(x.a)));
    }
    pt.push(s.t('。'));
    const lectures = tagged.filter((a) => a.kind === 'partyLecture' && clean(a.title));
    for (const l of lectures.slice(0, 2)) {
      const role = lecturerRole(l, memberById, isBranch);
      if (role) pt.push(S().t(`${role}以${bookTitle(l.title)}为题讲授专题党课。`).src([act(l)]));
    }
    if (projects.length > 0) {
      const done = projects.filter((x) => doneBy(x, facts.asOf));
      const s2 = S().t('结合实际确定“我为群众办实事”项目').c(`records.campaign.${c.id}.projects`, projects.map((x) => ({ type: 'serviceProject', id: x.id })), '项');
      if (done.length > 0) s2.t('，已办结').c(`records.campaign.${c.id}.projectsDone`, done.map((x) => ({ type: 'serviceProject', id: x.id })), '项');
      pt.push(s2.t('。'));
    }
    if (items.length > 0) {
      const closed = items.filter((x) => x.status === 'closed' && x.closedOn !== null && x.closedOn <= facts.asOf);
      const s3 = S().t('深入检视问题').c(`records.campaign.${c.id}.issues`, items.map((x) => ({ type: 'rectificationItem', id: x.id })), '项');
      const topics = items.filter((x) => clean(x.problem)).slice(0, 5).map((x) => trimEnd(x.problem));
      if (topics.length > 0 && topics.every((t) => t.length <= 16)) s3.t(`，涉及${topics.join('、')}等方面`);
      s3.t('，逐项制定整改措施');
      if (closed.length > 0) s3.t('，已整改销号').c(`records.campaign.${c.id}.issuesClosed`, closed.map((x) => ({ type: 'rectificationItem', id: x.id })), '项');
      pt.push(s3.t('。'));
    }
    const r = resultsOf(tagged);
    if (r) pt.push(r);
    if (clean(c.result)) pt.push(S().t(`${trimEnd(c.result)}。`).src([ref]));
    return pt;
  }

  /** A point for activities reported by area: what was done, named by title, and its results. */
  function areaPoint(area: SummaryArea, list: readonly Activity[]): Point | null {
    const ex = examples(list, 4);
    if (ex.length === 0) return null;
    const s = S().t(`${AREA_LEADS[area]}，${when}先后开展${quoted(ex)}${ex.length < list.length ? '等' : ''}工作`).c(`records.area.${area}`, list.map(act), '次').src(ex.map((x) => act(x.a)));
    const pt: Point = [s.t('。')];
    const r = resultsOf(list);
    if (r) pt.push(r);
    return pt;
  }
}

const COMMITTEE_VERBS: Partial<Record<ActivityKind, string>> = {
  partyCommitteeMeeting: '召开党委会议', centralGroupStudy: '组织理论学习中心组学习', dutyReportAppraisal: '开展书记抓基层党建述职评议',
  guidanceInspection: '到所属党组织指导检查',
};

const AREA_LEADS: Record<SummaryArea, string> = {
  theory: '持续深化理论学习',
  ideology: '认真落实意识形态工作责任制',
  organization: '着力加强支部自身建设',
  conduct: '持之以恒正风肃纪',
  service: '坚持以人民为中心',
  integration: '围绕中心、服务大局',
  brand: '注重培育特色品牌',
};

function areaOfKind(k: ActivityKind): SummaryArea {
  return areaOf({ kind: k, area: null });
}

function trimEnd(t: string): string {
  return t.trim().replace(/[。；，、]+$/, '');
}

function isMonthEnd(d: LocalDate): boolean {
  const next = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)) + 1));
  return next.getUTCDate() === 1;
}

function groupCount<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, number> {
  const m = new Map<K, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

/** Who gave a 党课, by post (never by name): 支部书记, 支部副书记, 支部委员, 党员, 特邀授课人. */
function lecturerRole(a: Activity, members: ReadonlyMap<string, Member>, isBranch: boolean): string {
  const m = a.lecturerMemberId ? members.get(a.lecturerMemberId) : undefined;
  if (m) {
    if (m.positions.includes('secretary')) return isBranch ? '支部书记' : '党组织书记';
    if (m.positions.includes('deputySecretary')) return isBranch ? '支部副书记' : '党组织副书记';
    if (m.positions.some((x) => x !== 'subgroupLeader')) return isBranch ? '支部委员' : '委员';
    return '党员';
  }
  if (a.lecturerName) return '特邀授课人';
  return '';
}

/** Study topics from the titles of study sessions (the prefix naming the kind of session dropped), most frequent first. */
function studyTopics(list: readonly Activity[]): Array<{ topic: string; sources: SourceRef[] }> {
  const by = new Map<string, SourceRef[]>();
  for (const a of list) {
    const topic = a.title.replace(/^.*?(学习|研讨)[：:]/, '').replace(/^(集中学习|专题学习|学习)/, '').trim();
    if (topic.length < 2) continue;
    by.set(topic, [...(by.get(topic) ?? []), act(a)]);
  }
  return [...by.entries()].map(([topic, sources]) => ({ topic: /^[《“]/.test(topic) ? topic : topic, sources }))
    .sort((x, y) => y.sources.length - x.sources.length);
}

/** Joins a list of (prefix, factKey, unit) pieces whose facts are non-zero with 、. */
function series(s: Sentence, facts: Facts, pieces: Array<[string, FactKey, string?]>): boolean {
  const present = pieces.filter(([, k]) => facts.facts[k].value > 0);
  present.forEach(([prefix, key, unit], i) => {
    if (i > 0) s.t('、');
    s.t(prefix).n(key, unit);
  });
  return present.length > 0;
}

function openingSentence(input: DraftInput, s: Sentence): Sentence {
  const { themes, org, facts, kind, parentOrgName } = input;
  const p = facts.period;
  const lead = parentOrgName ? `${p.year}年，${org.name}在${parentOrgName}的坚强领导下，` : `${p.year}年，${org.name}`;
  const req = themes.requirement ? `，牢牢把握“${themes.requirement}”的总要求` : '';
  let close: string;
  if (kind === 'annual-plan') close = `现将${p.year}年工作总结和${p.year + 1}年工作计划报告如下：`;
  else if (p.kind === 'quarter') close = `现将${QUARTER_NAMES[p.quarter]}工作情况报告如下：`;
  else if (p.kind === 'half') close = `现将${p.half === 1 ? '上半年' : '下半年'}工作总结如下：`;
  else if (p.kind === 'year') close = facts.asOf < p.to ? `现将${p.year}年以来工作总结如下：` : '现将全年工作总结如下：';
  else close = p.from === `${p.year}-01-01` ? `现将${p.year}年以来工作总结如下：` : `现将${periodLabel(p)}工作总结如下：`;
  return s.t(`${lead}坚持${themes.guidance}，${themes.mainLine}${req}，认真落实全面从严治党要求，推动党建工作与业务工作同谋划、同推进。${close}`).themes('guidance');
}

interface Issue {
  problem: Sentence;
  next: { title: string; sentences: Sentence[] };
}

/**
 * The problems, each with the next step that answers it: the regulations findings, the 整改
 * items still open at the cut-off, the 办实事 rated poorly, and the areas with no records.
 * Counted, never named. Generic themes lines fill up to three points.
 */
function problemPoints(input: DraftInput, recs: DraftRecords, S: () => Sentence): Issue[] {
  const { facts, org, themes } = input;
  const out: Issue[] = [];
  const v = (k: FactKey) => facts.facts[k]?.value ?? 0;
  if (input.findings && input.findings.length > 0) {
    const r = problemsFromFindings(input.findings, { selfOrgId: org.id, orgNames: input.orgNames ?? new Map(), privateNames: recs.privateNames });
    r.problems.forEach((inl, i) => {
      const s = S();
      for (const x of inl) { if (x.type === 'text') s.t(x.text); else { s.inlines.push(x); s.src(x.sources); } }
      // A finding without record ids still rests on the organization checked.
      s.src([{ type: 'organization', id: org.id }]);
      const step = r.nextSteps[i]!;
      out.push({ problem: s, next: { title: step.title, sentences: [S().t(step.text).src(s.binding().kind === 'records' ? (s.binding() as { sources: SourceRef[] }).sources : [])] } });
    });
  }
  if (v('rectification.open') > 0) {
    const open = facts.facts['rectification.open'].sources;
    const overdue = recs.rectificationItems.filter((x) => open.some((o) => o.id === x.id) && x.deadline < facts.asOf);
    const s = S().t('整改落实还有差距，整改清单中尚有').n('rectification.open').t('问题未对账销号');
    if (overdue.length > 0) s.t('，其中').c('records.rectification.overdue', overdue.map((x) => ({ type: 'rectificationItem', id: x.id })), '项').t('已超过整改时限');
    const n = S().t('对尚未销号的').n('rectification.open').t('整改事项逐项过堂，逾期的重新明确措施和时限，完成一项、销号一项，并把整改佐证材料归档备查。');
    out.push({ problem: s, next: { title: '抓好问题整改销号', sentences: [n] } });
  }
  const poorly = recs.serviceProjects.filter((x) => ratedPoorly(recs.evaluations.filter((e) => e.projectId === x.id)));
  if (poorly.length > 0) {
    const refs = poorly.map((x): SourceRef => ({ type: 'serviceProject', id: x.id }));
    const bad = recs.evaluations.filter((e) => poorly.some((x) => x.id === e.projectId) && e.rating === 'dissatisfied').map((e): SourceRef => ({ type: 'serviceEvaluation', id: e.id }));
    const s = S().t('为民服务的实效还不够，').c('records.serviceProjects.poorlyRated', refs, '项').t('“我为群众办实事”项目群众评价不高，收到不满意评价').c('records.serviceEvaluations.dissatisfied', bad, '人次');
    const n = S().t('对群众评价不高的').c('records.serviceProjects.poorlyRated', refs, '项').t('办实事项目逐条梳理群众意见，回访评价不满意的群众，改进后再次开展评议。');
    out.push({ problem: s, next: { title: '提升办实事质量', sentences: [n] } });
  }
  const quietAreas = (['ideology', 'integration'] as const).filter((a) => !recs.activities.some((x) => areaOf(x) === a) && !recs.campaigns.some((c) => c.area === a));
  if (quietAreas.length > 0 && recs.activities.length > 0) {
    const labels = quietAreas.map((a) => SUMMARY_AREAS[a]).join('、');
    const s = S().t(`工作统筹还不够全面，本时段${labels}方面没有形成专门的工作记录`).src([{ type: 'organization', id: org.id }]);
    const n = S().t(`把${labels}工作纳入支委会议题和年度计划，明确分管委员，每季度至少专题研究一次，做到有部署、有记录、有成效。`).src([{ type: 'organization', id: org.id }]);
    out.push({ problem: s, next: { title: `补齐${labels}工作短板`, sentences: [n] } });
  }
  // Without any specific problem, the year's generic points (themes lines).
  if (out.length === 0) themes.problems.forEach((text, i) => {
    const step = themes.nextSteps[i];
    if (!step || out.some((o) => o.next.title.slice(0, 4) === step.title.slice(0, 4))) return;
    out.push({ problem: S().t(text).themes(`problems[${i}]`), next: { title: step.title, sentences: [S().t(step.text).themes(`nextSteps[${i}]`)] } });
  });
  if (out.length === 0) out.push({ problem: S().t(themes.problems[0] ?? '工作中还存在一些不足').themes('problems[0]'), next: { title: themes.nextSteps[0]?.title ?? '持续改进', sentences: [S().t(themes.nextSteps[0]?.text ?? '').themes('nextSteps[0]')] } });
  return out;
}

/** The next steps: one per problem, then the year's generic ones on other subjects, three or more in all. */
function planSteps(issues: readonly Issue[], generic: readonly PlanPoint[], S: () => Sentence): Array<{ title: string; sentences: Sentence[] }> {
  const out = issues.map((x) => x.next).filter((x, i, all) => all.findIndex((y) => y.title === x.title) === i);
  generic.forEach((g, i) => {
    if (out.length >= 3) return;
    if (!out.some((s) => s.title.slice(0, 4) === g.title.slice(0, 4))) out.push({ title: g.title, sentences: [S().t(g.text).themes(`nextSteps[${i}]`)] });
  });
  return out;
}

/** "一是……；二是……。" from problem sentences. */
function enumerateProblems(problems: readonly Sentence[]): Sentence[] {
  problems.forEach((s, i) => {
    if (problems.length > 1) s.inlines.unshift({ type: 'text', text: `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i] ?? String(i + 1)}是` });
    const [a, b] = s.inlines;
    if (a?.type === 'text' && b?.type === 'text') { a.text += b.text; s.inlines.splice(1, 1); }
    s.t(i === problems.length - 1 ? '。' : '；');
  });
  return [...problems];
}
