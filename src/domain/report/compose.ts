/**
 * Composes the summary draft from facts: a pure function `facts + organization + period + themes
 * → DraftDocument`. Every number comes from a fact and carries its sources; a statement whose
 * facts are zero (nothing recorded) is left out and listed in `couldBeAdded`, never filled with
 * a placeholder or an invented number (report-genre.md, "Numbers").
 */
import { formatChineseDate, formatChineseMonthDay, type LocalDate } from '../common/dates.ts';
import { periodLabel, type Period } from '../common/period.ts';
import { ValidationError } from '../errors.ts';
import { isBranchLike, type OrgType } from '../org/org.ts';
import type { FactKey, Facts } from '../stats/facts.ts';
import { formatFactValue } from '../stats/stats.ts';
import { chineseOrdinal, headingMarker, type Block, type CouldBeAdded, type DraftDocument, type Inline, type SummaryKind } from './document.ts';
import { problemsFromFindings } from './problems.ts';
import type { PlanPoint, YearThemes } from './themes.ts';
import type { Finding } from '../regulations/finding.ts';

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

/** Builds the inlines of one statement; numbers are bound to facts. */
class Sentence {
  readonly inlines: Inline[] = [];
  constructor(private readonly facts: Facts) {}
  t(text: string): this {
    const last = this.inlines[this.inlines.length - 1];
    if (last?.type === 'text') last.text += text;
    else this.inlines.push({ type: 'text', text });
    return this;
  }
  n(key: FactKey, unit?: string, text?: (value: number) => string): this {
    const f = this.facts.facts[key];
    this.inlines.push({ type: 'number', factKey: key, value: f.value, text: (text ?? formatFactValue)(f.value), unit: unit ?? f.unit, sources: f.sources });
    return this;
  }
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

interface Point { inlines: Inline[] }

/**
 * Composes the draft. Throws ValidationError when the kind does not fit the period
 * (e.g. a quarterly report over a whole year).
 */
export function composeDraft(input: DraftInput): DraftDocument {
  const { facts, org, kind, themes } = input;
  const p = facts.period;
  checkKind(kind, p);
  const v = (k: FactKey) => facts.facts[k].value;
  const when = timePhrase(p, facts.asOf);
  const isBranch = isBranchLike(org.type);
  const self = isBranch ? '支部' : '所属党组织';
  const couldBeAdded: CouldBeAdded[] = [];
  const missing = (factKey: FactKey | null, text: string) => couldBeAdded.push({ factKey, text });
  const sentence = () => new Sentence(facts);

  // （一）理论武装
  const theory: Point[] = [];
  if (v('firstAgendaItems') > 0) {
    theory.push(sentence().t(`落实“第一议题”制度，把习近平总书记最新重要讲话和重要指示精神作为会议首项议题，${when}跟进学习`).n('firstAgendaItems').t('。'));
  } else missing('firstAgendaItems', '“第一议题”学习情况（在会议记录中标记第一议题即可统计）');
  if (v('studySessions') > 0) {
    const s = sentence().t(`${when}，${self}组织集中学习、专题学习、党课等各类学习`).n('studySessions');
    if (v('studyParticipations') > 0) s.t('，参与').n('studyParticipations');
    if (v('averageStudyHours') > 0) s.t('，党员人均学习').n('averageStudyHours');
    theory.push(s.t('，推动党的创新理论入脑入心。'));
  } else missing('studySessions', '集中学习、专题学习的次数和参与人次');
  if (v('activities.partyLecture') > 0) {
    const s = sentence().t('坚持讲好党课，共讲授党课').n('activities.partyLecture');
    if (v('secretaryPartyLectures') > 0) s.t(`，其中${isBranch ? '支部书记' : '党组织书记'}讲党课`).n('secretaryPartyLectures');
    theory.push(s.t('。'));
  } else missing('activities.partyLecture', '党课的次数和主讲人');

  // （二）组织建设
  const organization: Point[] = [];
  {
    const s = sentence().t(`严格落实“三会一课”制度，${when}${isBranch ? '' : '所属党组织'}`);
    const had = series(s, facts, [
      ['召开支部委员会会议', 'activities.branchCommitteeMeeting'],
      ['支部党员大会', 'activities.generalMembershipMeeting'],
      ['党小组会', 'activities.partySubgroupMeeting'],
    ]);
    if (had) {
      if (v('activities.themedPartyDay') > 0) s.t('，开展主题党日活动').n('activities.themedPartyDay');
      if (v('attendanceRate') > 0) s.t('，党员参加组织生活的出勤率为').n('attendanceRate');
      organization.push(s.t('。'));
    } else if (v('activities.themedPartyDay') > 0) {
      organization.push(sentence().t(`${when}，${self}开展主题党日活动`).n('activities.themedPartyDay').t('。'));
      missing('activities.branchCommitteeMeeting', '支委会、党员大会、党小组会的记录');
    } else {
      missing('activities.branchCommitteeMeeting', '支委会、党员大会、党小组会和主题党日的记录');
    }
  }
  if (v('activities.organizationalLifeMeeting') > 0 || v('activities.memberAppraisal') > 0) {
    const s = sentence();
    series(s, facts, [['召开组织生活会', 'activities.organizationalLifeMeeting'], ['开展民主评议党员', 'activities.memberAppraisal']]);
    organization.push(s.t('，认真开展批评和自我批评。'));
  }
  {
    const s = sentence().t('规范做好发展党员工作，');
    const had = series(s, facts, [
      ['确定入党积极分子', 'development.activist'],
      ['确定发展对象', 'development.candidate'],
      ['接收预备党员', 'development.admittedProbationary'],
    ]);
    if (v('development.becameFull') > 0) s.t(had ? '，' : '').n('development.becameFull').t('预备党员转为正式党员');
    if (had || v('development.becameFull') > 0) organization.push(s.t('。'));
    else missing('development.admittedProbationary', '发展党员各环节的记录');
  }
  // Facts made before dues were kept (or by older callers) have no dues.* keys.
  if (v('dues.collectedYuan') > 0) {
    const s = sentence().t(`严格党费收缴管理，${when}${self}共收缴党费`).n('dues.collectedYuan', '元', (x) => x.toFixed(2));
    if (v('dues.collectionRate') > 0) s.t('，收缴率为').n('dues.collectionRate');
    organization.push(s.t('。'));
  }
  if (v('members.total') > 0) {
    const s = sentence().t(`截至${formatChineseDate(facts.asOf)}，`);
    if (!isBranch && v('branches') > 0) s.t('下设党支部').n('branches').t('，');
    s.t(`${isBranch ? '支部' : ''}共有党员`).n('members.total');
    if (v('members.probationary') > 0) s.t('，其中正式党员').n('members.full').t('、预备党员').n('members.probationary');
    organization.push(s.t('。'));
  } else missing('members.total', '党员名册');

  // （三）作风建设
  const conduct: Point[] = [];
  {
    const s = sentence().t(`${when}，`);
    const had = series(s, facts, [['开展警示教育', 'activities.warningEducation'], ['谈心谈话', 'activities.heartToHeartTalk']]);
    if (had) conduct.push(s.t('，教育引导党员守纪律、讲规矩。'));
    else missing('activities.warningEducation', '警示教育、谈心谈话等作风建设记录');
  }

  // （四）服务群众
  const service: Point[] = [];
  if (v('volunteerServices') > 0) {
    const s = sentence().t('组织党员到一线开展志愿服务').n('volunteerServices');
    if (v('volunteerParticipations') > 0) s.t('，参与').n('volunteerParticipations');
    service.push(s.t('，在服务群众中亮身份、作表率。'));
  } else missing('volunteerServices', '志愿服务的次数和参与人次');
  if (v('activities.jointBuilding') > 0) {
    service.push(sentence().t('与结对单位开展共建活动').n('activities.jointBuilding').t('，实现资源共享、优势互补。'));
  }

  const subsections: Array<{ id: string; title: string; points: Point[] }> = [
    { id: 'theory', title: '强化理论武装，筑牢思想根基', points: theory },
    { id: 'organization', title: '严格组织生活，夯实组织基础', points: organization },
    { id: 'conduct', title: '加强作风建设，严守纪律规矩', points: conduct },
    { id: 'service', title: '践行为民宗旨，服务中心大局', points: service },
  ].filter((s) => s.points.length > 0);

  const blocks: Block[] = [{ type: 'title', text: draftTitle(kind, org.name, p) }];
  if (kind === 'annual-plan') blocks.push({ type: 'part', id: 'part-1', text: `第一部分\u3000${p.year}年党建工作总结` });
  blocks.push({ type: 'paragraph', id: 'opening', inlines: [{ type: 'text', text: opening(input) }] });

  const section1 = p.kind === 'quarter' ? `${QUARTER_NAMES[p.quarter]}主要工作情况` : '主要工作和成效';
  blocks.push({ type: 'heading', id: 'results', level: 1, marker: headingMarker(1, 1), text: section1 });
  subsections.forEach((sub, i) => {
    blocks.push({ type: 'heading', id: `results-${sub.id}`, level: 2, marker: headingMarker(2, i + 1), text: sub.title });
    blocks.push({ type: 'paragraph', id: `results-${sub.id}-text`, inlines: enumerate(sub.points) });
  });
  if (subsections.length === 0) {
    blocks.push({ type: 'paragraph', id: 'results-empty', inlines: [{ type: 'text', text: '本时段暂无工作记录，请先录入会议、学习和活动记录后再生成总结。' }] });
  }

  blocks.push({ type: 'heading', id: 'problems', level: 1, marker: headingMarker(1, 2), text: '存在的问题' });
  blocks.push({ type: 'paragraph', id: 'problems-intro', inlines: [{ type: 'text', text: `对照上级要求和${isBranch ? '支部' : ''}工作实际，还存在一些不足：` }] });
  const specific = input.findings && input.findings.length > 0
    ? problemsFromFindings(input.findings, { selfOrgId: org.id, orgNames: input.orgNames ?? new Map() })
    : null;
  blocks.push({
    type: 'paragraph', id: 'problems-text',
    inlines: specific ? enumerateProblems(specific.problems) : [{ type: 'text', text: listPoints(themes.problems) }],
  });
  const nextSteps = mergeNextSteps(specific?.nextSteps ?? [], themes.nextSteps);

  if (kind === 'annual-plan') {
    const next = input.nextYearThemes ?? { ...themes, year: p.year + 1 };
    blocks.push({ type: 'part', id: 'part-2', text: `第二部分\u3000${p.year + 1}年工作计划` });
    blocks.push({ type: 'paragraph', id: 'plan-intro', inlines: [{ type: 'text', text: `${p.year + 1}年，${org.name}将坚持${next.guidance}，${next.mainLine}，针对存在的不足，重点抓好以下工作：` }] });
    mergeNextSteps(specific?.nextSteps ?? [], next.nextSteps).forEach((pt, i) => {
      blocks.push({ type: 'heading', id: `plan-${i + 1}`, level: 1, marker: headingMarker(1, i + 1), text: pt.title });
      blocks.push({ type: 'paragraph', id: `plan-${i + 1}-text`, inlines: [{ type: 'text', text: pt.text }] });
    });
  } else {
    const title = p.kind === 'quarter' && p.quarter < 4 ? `${QUARTER_NAMES[p.quarter + 1]}工作计划`
      : p.kind === 'quarter' ? `${p.year + 1}年第一季度工作计划` : '下一步工作打算';
    blocks.push({ type: 'heading', id: 'next', level: 1, marker: headingMarker(1, 3), text: title });
    nextSteps.forEach((pt, i) => {
      blocks.push({ type: 'heading', id: `next-${i + 1}`, level: 2, marker: headingMarker(2, i + 1), text: pt.title });
      blocks.push({ type: 'paragraph', id: `next-${i + 1}-text`, inlines: [{ type: 'text', text: pt.text }] });
    });
  }

  blocks.push({ type: 'signoff', orgName: org.name, date: input.signoffDate, dateText: formatChineseDate(input.signoffDate) });
  return { kind, title: draftTitle(kind, org.name, p), orgId: org.id, orgName: org.name, period: p, blocks, couldBeAdded };
}

function opening(input: DraftInput): string {
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
  return `${lead}坚持${themes.guidance}，${themes.mainLine}${req}，认真落实全面从严治党要求，抓实抓细组织生活各项制度，推动党建工作与业务工作同谋划、同推进。${close}`;
}

/** "一是……。二是……。" for several points; one point stands alone. */
function enumerate(points: Point[]): Inline[] {
  if (points.length === 1) return points[0]!.inlines;
  const out: Inline[] = [];
  points.forEach((pt, i) => {
    out.push({ type: 'text', text: `${chineseOrdinal(i + 1)}是` });
    for (const x of pt.inlines) {
      const last = out[out.length - 1];
      if (x.type === 'text' && last?.type === 'text') last.text += x.text;
      else out.push(x.type === 'text' ? { ...x } : x);
    }
  });
  return out;
}

/** "一是……；二是……。" from problem points that carry numbers. */
function enumerateProblems(points: Inline[][]): Inline[] {
  const out: Inline[] = [];
  const text = (t: string) => {
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += t; else out.push({ type: 'text', text: t });
  };
  points.forEach((pt, i) => {
    if (points.length > 1) text(`${chineseOrdinal(i + 1)}是`);
    for (const x of pt) { if (x.type === 'text') text(x.text); else out.push(x); }
    text(i === points.length - 1 ? '。' : '；');
  });
  return out;
}

/** Specific next steps first, then generic ones on other subjects, three or more in all. */
function mergeNextSteps(specific: readonly PlanPoint[], generic: readonly PlanPoint[]): PlanPoint[] {
  const out = [...specific];
  for (const g of generic) {
    if (out.length >= Math.max(3, specific.length)) break;
    if (!out.some((s) => s.title.slice(0, 4) === g.title.slice(0, 4))) out.push(g);
  }
  return out;
}

/** "一是……；二是……；三是……。" from plain points. */
function listPoints(points: readonly string[]): string {
  if (points.length === 1) return points[0]! + '。';
  return points.map((t, i) => `${chineseOrdinal(i + 1)}是${t}`).join('；') + '。';
}
