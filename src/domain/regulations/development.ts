/**
 * Member development (发展党员): one case per applicant through the 5 stages and 25 steps of the
 * 中组部 flow chart (regulations.md §2b), under the rule set the case follows ('2014' or
 * '2026.05'). Each recorded step is checked against the steps before it: impossible sequences are
 * refused (ValidationError citing the rule), late steps are kept and reported as findings.
 * Date conventions of regulations.md §10: "N months after" clamps to the month's end; "one year"
 * is the anniversary, 2-29 → 2-28.
 */
import { addMonthsClamped, addYearsClamped, type LocalDate } from '../common/dates.ts';
import type { Period } from '../common/period.ts';
import { DEVELOPMENT_STEP_LIST, type DevelopmentEvent, type DevelopmentStep } from '../development/development.ts';
import { ValidationError } from '../errors.ts';
import { endOfWorkingDays } from './calendar.ts';
import { makeFinding, type Due, type Finding, type Severity } from './finding.ts';
import { RULES, type RuleId } from './rules.ts';
import { generalMeetingVote } from './voting.ts';
import type { RegulationSettings } from './settings.ts';
import { addDays } from 'date-fns';
import { fromDate, toDate } from '../common/dates.ts';

/** The rule set a case follows; cases started before 2026-05-18 may follow the 2014 text. */
export type RuleSetVersion = '2014' | '2026.05';

/** Day the 2026 revision was announced (regulations.md §2). */
export const RULES_2026_FROM: LocalDate = '2026-05-18';

/** The rule set a new case opened on `appliedOn` follows by default. */
export function defaultRuleSet(appliedOn: LocalDate): RuleSetVersion {
  return appliedOn >= RULES_2026_FROM ? '2026.05' : '2014';
}

interface StepDef { no: number; stage: 1 | 2 | 3 | 4 | 5; name: string; ruleId: RuleId }
const s = (no: number, stage: StepDef['stage'], name: string, ruleId: RuleId): StepDef => ({ no, stage, name, ruleId });

/** The 25 steps (regulations.md §2b), in chart order, with the rule each rests on. */
export const CASE_STEPS = {
  application: s(1, 1, '递交入党申请书', 'DEV-01'),
  applicantTalk: s(2, 1, '党组织派人谈话', 'DEV-03'),
  activistConfirmed: s(3, 2, '推荐和确定入党积极分子', 'DEV-04'),
  activistFiled: s(4, 2, '上级党委备案（入党积极分子）', 'DEV-04'),
  contactsAssigned: s(5, 2, '指定培养联系人', 'DEV-05'),
  activistAssessment: s(6, 2, '培养教育考察', 'DEV-06'),
  candidateConfirmed: s(7, 3, '确定发展对象', 'DEV-08'),
  candidateFiled: s(8, 3, '报上级党委备案（发展对象）', 'DEV-08'),
  sponsorsAppointed: s(9, 3, '确定入党介绍人', 'DEV-10'),
  politicalReview: s(10, 3, '进行政治审查', 'DEV-11'),
  concentratedTraining: s(11, 3, '开展集中培训', 'DEV-12'),
  committeeReview: s(12, 4, '支部委员会审查', 'DEV-13'),
  preReview: s(13, 4, '上级党委预审', 'DEV-13'),
  applicationFormFilled: s(14, 4, '填写入党志愿书', 'DEV-15'),
  admissionMeeting: s(15, 4, '支部大会讨论接收预备党员', 'DEV-16'),
  higherCommitteeTalk: s(16, 4, '上级党委派人谈话', 'DEV-17'),
  admissionApproved: s(17, 4, '上级党委审批', 'DEV-18'),
  admissionFiled: s(18, 4, '再上一级党委组织部门备案', 'DEV-18'),
  assignedToBranch: s(19, 5, '编入党支部和党小组', 'DEV-19'),
  oath: s(20, 5, '入党宣誓', 'DEV-19'),
  probationAssessment: s(21, 5, '继续教育考察', 'DEV-20'),
  fullMembershipApplication: s(22, 5, '提出转正申请', 'DEV-22'),
  fullMembershipMeeting: s(23, 5, '支部大会讨论转正', 'DEV-22'),
  fullMembershipApproved: s(24, 5, '上级党委审批转正', 'DEV-23'),
  archived: s(25, 5, '材料归档', 'DEV-25'),
} as const satisfies Record<string, StepDef>;
export type CaseStepKey = keyof typeof CASE_STEPS;
export const CASE_STEP_LIST = Object.keys(CASE_STEPS) as CaseStepKey[];

/** The five stage names (阶段). */
export const CASE_STAGES = ['申请入党', '入党积极分子的确定和培养教育', '发展对象的确定和考察', '预备党员的接收', '预备党员的教育考察和转正'] as const;

/** A sponsor (入党介绍人), resolved by the caller from the member records. */
export interface SponsorRef {
  memberId: string;
  name: string;
  /** 正式党员 on the appointment date. */
  isFullMember: boolean;
  /** Under 留党察看, who cannot sponsor (DEV-10). */
  underInternalProbation: boolean;
}

/** One dated step of a case, with the details some steps carry. */
export interface CaseStep {
  id: string;
  step: CaseStepKey;
  date: LocalDate;
  /** sponsorsAppointed: the two sponsors. */
  sponsors?: SponsorRef[];
  /** concentratedTraining: days and 学时 attended. */
  training?: { days: number; hours: number };
  /** politicalReview, preReview: the written conclusion. Default true. */
  passed?: boolean;
  /** preReview: the day the candidate leaves the unit, if known (DEV-13). */
  leavingUnitOn?: LocalDate | null;
  /** candidateConfirmed under 2026.05: first day of the public posting (DEV-09). */
  publicityStart?: LocalDate | null;
  /** fullMembershipMeeting: 按期转正, 延长预备期 or 取消预备党员资格. */
  outcome?: 'full' | 'extended' | 'cancelled';
  /** fullMembershipMeeting with outcome `extended`: 6–12 months (DEV-21). */
  extensionMonths?: number;
  /** admissionMeeting, fullMembershipMeeting: the vote (BR-08, DEV-16), judged when recorded. */
  vote?: MeetingVote;
}

/**
 * A general-meeting vote as recorded (支部工作条例 第十一条; 细则 第二十一—二十二条): voting
 * members due to attend (正式党员 minus those under 留党察看 and others without a vote), voting
 * members present, yes votes in the room and valid written yes opinions of absent voting members.
 */
export interface MeetingVote { due: number; present: number; yes: number; writtenYes?: number }

export interface DevelopmentCase {
  id: string;
  orgId: string;
  personName: string;
  birthDate: LocalDate | null;
  /** The member record, from admission on. */
  memberId: string | null;
  ruleSet: RuleSetVersion;
  /** Recorded steps, in the order they were recorded. */
  steps: CaseStep[];
}

const REPEATABLE = new Set<CaseStepKey>(['activistAssessment', 'probationAssessment', 'concentratedTraining', 'politicalReview', 'sponsorsAppointed', 'fullMembershipApplication', 'fullMembershipMeeting', 'preReview']);

const PREREQUISITES: Partial<Record<CaseStepKey, CaseStepKey[]>> = {
  applicantTalk: ['application'],
  activistConfirmed: ['application', 'applicantTalk'],
  activistFiled: ['activistConfirmed'],
  contactsAssigned: ['activistConfirmed'],
  activistAssessment: ['activistConfirmed'],
  candidateConfirmed: ['activistConfirmed'],
  candidateFiled: ['candidateConfirmed'],
  sponsorsAppointed: ['candidateConfirmed'],
  politicalReview: ['candidateConfirmed'],
  concentratedTraining: ['activistConfirmed'],
  committeeReview: ['candidateConfirmed'],
  preReview: ['committeeReview'],
  applicationFormFilled: ['preReview'],
  admissionMeeting: ['applicationFormFilled'],
  higherCommitteeTalk: ['admissionMeeting'],
  admissionApproved: ['admissionMeeting', 'higherCommitteeTalk'],
  admissionFiled: ['admissionApproved'],
  assignedToBranch: ['admissionApproved'],
  oath: ['admissionApproved'],
  probationAssessment: ['admissionApproved'],
  fullMembershipApplication: ['admissionApproved'],
  fullMembershipMeeting: ['fullMembershipApplication'],
  fullMembershipApproved: ['fullMembershipMeeting'],
  archived: ['admissionMeeting'],
};

/** A problem with one step: `impossible` ones are refused; the others are recorded and reported. */
export interface StepProblem { ruleId: RuleId; severity: Severity; impossible: boolean; message: string; stepId: string }

function latest(steps: readonly CaseStep[], key: CaseStepKey): CaseStep | undefined {
  let r: CaseStep | undefined;
  for (const x of steps) if (x.step === key && (!r || x.date >= r.date)) r = x;
  return r;
}
function all(steps: readonly CaseStep[], key: CaseStepKey): CaseStep[] {
  return steps.filter((x) => x.step === key);
}
function cite(id: RuleId): string {
  return `（${RULES[id].citation}）`;
}

/** TV-12: ≥ 3 days or ≥ 24 学时 (DEV-12). */
export function trainingSufficient(t: { days: number; hours: number }): boolean {
  return t.days >= 3 || t.hours >= 24;
}

/** Probation end (DEV-20): admission meeting + 1 year, moved by any extension (DEV-21). Null before admission. */
export function probationEnd(c: DevelopmentCase): LocalDate | null {
  const meeting = latest(c.steps, 'admissionMeeting');
  if (!meeting) return null;
  let end = addYearsClamped(meeting.date, 1);
  for (const m of all(c.steps, 'fullMembershipMeeting')) {
    if (m.outcome === 'extended' && m.extensionMonths) end = addMonthsClamped(addYearsClamped(meeting.date, 1), m.extensionMonths);
  }
  return end;
}

/** DEV-24: the day the person became a full member (party standing starts), or null. */
export function fullMembershipDate(c: DevelopmentCase): LocalDate | null {
  const m = all(c.steps, 'fullMembershipMeeting').find((x) => (x.outcome ?? 'full') === 'full');
  return m ? probationEnd(c) : null;
}

/**
 * Problems of `step` given the steps recorded before it (pure). Used both when recording a
 * step (addStep refuses impossible ones) and when checking a stored case (checkCase).
 */
export function stepProblems(c: DevelopmentCase, prior: readonly CaseStep[], step: CaseStep, settings: RegulationSettings): StepProblem[] {
  const out: StepProblem[] = [];
  const def = CASE_STEPS[step.step];
  const bad = (ruleId: RuleId, message: string) => out.push({ ruleId, severity: 'error', impossible: true, message: `${message}${cite(ruleId)}`, stepId: step.id });
  const late = (ruleId: RuleId, message: string, severity: Severity = RULES[ruleId].severity) => out.push({ ruleId, severity, impossible: false, message: `${message}${cite(ruleId)}`, stepId: step.id });
  const is2026 = c.ruleSet === '2026.05';

  if (!REPEATABLE.has(step.step) && prior.some((x) => x.step === step.step)) {
    bad(def.ruleId, `「${def.name}」已记录，不能重复记录`);
  }
  for (const pre of PREREQUISITES[step.step] ?? []) {
    const p = latest(prior, pre);
    // A prerequisite recorded with a later date is judged where its date puts it: after this step.
    const later = p ? undefined : c.steps.find((x) => x.step === pre && x.date > step.date);
    if (later) bad(CASE_STEPS[step.step].ruleId, `「${def.name}」（${step.date}）的日期不能早于「${CASE_STEPS[pre].name}」（${later.date}）`);
    else if (!p) bad(CASE_STEPS[step.step].ruleId, `「${def.name}」之前须先完成「${CASE_STEPS[pre].name}」`);
    else if (p.date > step.date) bad(CASE_STEPS[step.step].ruleId, `「${def.name}」的日期不能早于「${CASE_STEPS[pre].name}」（${p.date}）`);
  }
  const cancelled = prior.some((x) => x.step === 'fullMembershipMeeting' && x.outcome === 'cancelled');
  if (cancelled && step.step !== 'fullMembershipApproved' && step.step !== 'archived') bad('DEV-21', '已取消预备党员资格，不能继续记录发展步骤');

  if (step.vote && (step.step === 'admissionMeeting' || step.step === 'fullMembershipMeeting')) {
    const v = step.vote;
    const what = step.step === 'admissionMeeting' ? '接收预备党员' : '预备党员转正';
    const ruleId: RuleId = step.step === 'admissionMeeting' ? 'DEV-16' : 'BR-08';
    const r = generalMeetingVote(v.due, v.present, v.yes, v.writtenYes ?? 0);
    if (v.present > v.due || v.yes > v.present) bad(ruleId, `表决人数有误：应到会有表决权党员${v.due}人、到会${v.present}人、赞成${v.yes}票`);
    else if (!r.quorum) bad(ruleId, `支部大会讨论${what}：有表决权的到会党员${v.present}人，未超过应到会有表决权党员${v.due}人的半数（至少${r.presentNeeded}人），不能进行表决`);
    else if (!r.passed) bad(ruleId, `支部大会讨论${what}：赞成${v.yes + (v.writtenYes ?? 0)}票（含书面意见${v.writtenYes ?? 0}票），未超过应到会有表决权党员${v.due}人的半数（至少${r.yesNeeded}票），未通过`);
  }
  const app = latest(prior, 'application');
  switch (step.step) {
    case 'application': {
      if (c.birthDate) {
        const eighteen = addYearsClamped(c.birthDate, 18);
        if (step.date < eighteen) bad('DEV-01', `申请入党时未满十八岁（${eighteen}满十八岁）`);
        else if (c.birthDate.endsWith('-02-29')) late('DEV-01', `2月29日出生，按${eighteen}满十八岁计算，请复核`, 'warning');
      }
      break;
    }
    case 'applicantTalk': {
      if (app) {
        const deadline = addMonthsClamped(app.date, 1);
        if (step.date > deadline) late('DEV-03', `谈话日期${step.date}晚于申请后一个月（应在${deadline}前）`);
      }
      break;
    }
    case 'activistConfirmed': {
      const wait = settings.activistMinMonthsAfterApplication;
      if (app && wait !== null) {
        const earliest = addMonthsClamped(app.date, wait);
        if (step.date < earliest) late('DEV-04', `递交申请未满${wait}个月即确定为入党积极分子（本地规定：${earliest}起）`, 'warning');
      }
      break;
    }
    case 'candidateConfirmed': {
      const activist = latest(prior, 'activistConfirmed');
      if (activist) {
        const earliest = addYearsClamped(activist.date, 1);
        if (step.date < earliest) bad('DEV-08', `确定为入党积极分子（${activist.date}）后培养考察不满一年，${earliest}起方可确定为发展对象`);
      }
      if (is2026) {
        if (!step.publicityStart) late('DEV-09', '确定发展对象前未记录公示（不少于五个工作日）');
        else {
          const end = endOfWorkingDays(step.publicityStart, settings.publicityWorkingDays, settings.holidayCalendar);
          if (step.date <= end) late('DEV-09', `公示期至${end}结束，确定发展对象应在公示期满之后`);
        }
      }
      break;
    }
    case 'sponsorsAppointed': {
      const sp = step.sponsors ?? [];
      if (new Set(sp.map((x) => x.memberId)).size !== 2) bad('DEV-10', '发展对象应当有两名入党介绍人');
      for (const x of sp) {
        if (!x.isFullMember) bad('DEV-10', `${x.name}不是正式党员，不能作入党介绍人`);
        if (x.underInternalProbation) bad('DEV-10', `${x.name}正在受留党察看处分，不能作入党介绍人`);
      }
      break;
    }
    case 'concentratedTraining': {
      if (!latest(prior, 'candidateConfirmed')) {
        late('DEV-12', `此次培训（${step.date}）在确定为发展对象之前，属入党积极分子培训，不计入发展对象的集中培训`, 'warning');
      }
      if (step.training && !trainingSufficient(step.training)) {
        late('DEV-12', `集中培训${step.training.days}天、${step.training.hours}学时，不足三天或二十四学时`, 'warning');
      }
      break;
    }
    case 'preReview': {
      if (step.leavingUnitOn) {
        const limit = addMonthsClamped(step.date, 3);
        if (step.leavingUnitOn <= limit) late('DEV-13', `发展对象将于${step.leavingUnitOn}离开单位（预审后三个月内），一般不办理接收预备党员手续`);
      }
      break;
    }
    case 'applicationFormFilled': {
      const pre = latest(prior, 'preReview');
      if (pre && pre.passed === false) bad('DEV-13', '上级党委预审未通过，不能填写入党志愿书');
      break;
    }
    case 'admissionMeeting': {
      const sponsors = latest(prior, 'sponsorsAppointed');
      if (!sponsors || (sponsors.sponsors ?? []).filter((x) => x.isFullMember && !x.underInternalProbation).length < 2) {
        bad('DEV-10', '没有两名正式党员作入党介绍人，不能提交支部大会讨论');
      }
      const review = latest(prior, 'politicalReview');
      const laterReview = c.steps.find((x) => x.step === 'politicalReview' && x.date > step.date);
      if (!review && laterReview) bad('DEV-11', `支部大会讨论（${step.date}）早于政治审查（${laterReview.date}）：未经政治审查，不能发展入党`);
      else if (!review) bad('DEV-11', '未经政治审查，不能发展入党');
      else if (review.passed === false) bad('DEV-11', '政治审查不合格，不能发展入党');
      // 第十八条 trains the 发展对象: a course taken while still an 积极分子 does not count.
      const candidate = latest(prior, 'candidateConfirmed');
      const trainings = all(prior, 'concentratedTraining').filter((t) => candidate !== undefined && t.date >= candidate.date);
      if (trainings.length === 0) {
        const early = all(prior, 'concentratedTraining').length > 0;
        bad('DEV-12', early ? '集中培训是在确定为发展对象之前参加的（入党积极分子期间的培训不计入），发展对象未参加集中培训，不能发展入党' : '未参加集中培训，不能发展入党');
      } else if (!trainings.some((t) => !t.training || trainingSufficient(t.training))) bad('DEV-12', '集中培训不足三天或二十四学时，不能发展入党');
      const pre = latest(prior, 'preReview');
      if (pre && pre.passed === false) bad('DEV-13', '上级党委预审未通过');
      if (is2026 && pre) {
        const due = addMonthsClamped(pre.date, 1);
        if (step.date > due) late('DEV-14', `预审合格后应在一个月内（${due}前）提交支部大会讨论`);
      }
      break;
    }
    case 'admissionApproved': {
      const meeting = latest(prior, 'admissionMeeting');
      if (meeting) {
        const soft = addMonthsClamped(meeting.date, 3);
        const hard = addMonthsClamped(meeting.date, 6);
        if (step.date > hard) late('DEV-18', `审批日期${step.date}超过支部大会通过后六个月（${hard}）`, 'error');
        else if (step.date > soft) late('DEV-18', `审批日期${step.date}超过支部大会通过后三个月（${soft}）`, 'warning');
      }
      break;
    }
    case 'oath': {
      const approved = latest(prior, 'admissionApproved');
      if (is2026 && approved) {
        const due = addMonthsClamped(approved.date, 1);
        if (step.date > due) late('DEV-19', `入党宣誓应在审批后一个月内（${due}前）`);
      }
      break;
    }
    case 'fullMembershipMeeting': {
      const end = probationEnd({ ...c, steps: [...prior] });
      if (end && step.date < end) bad('DEV-20', `预备期至${end}届满，届满前不能讨论转正`);
      if (step.outcome === 'extended') {
        if (prior.some((x) => x.step === 'fullMembershipMeeting' && x.outcome === 'extended')) bad('DEV-21', '预备期只能延长一次');
        const m = step.extensionMonths;
        if (m === undefined || !Number.isInteger(m) || m < 6 || m > 12) bad('DEV-21', '延长预备期不能少于半年，最长不超过一年');
      }
      break;
    }
    case 'fullMembershipApproved': {
      const meeting = latest(prior, 'fullMembershipMeeting');
      if (meeting) {
        const due = addMonthsClamped(meeting.date, 3);
        if (step.date > due) late('DEV-23', `转正审批日期${step.date}超过支部大会讨论后三个月（${due}）`);
      }
      break;
    }
    default:
      break;
  }
  return out;
}

/** The steps in date order (same day: chart order), the order every rule speaks of. */
export function stepsInDateOrder(steps: readonly CaseStep[]): CaseStep[] {
  return [...steps].sort((a, b) => a.date.localeCompare(b.date) || CASE_STEPS[a.step].no - CASE_STEPS[b.step].no);
}

/** Every step's problems, each judged against the steps dated before it. */
function replayProblems(c: DevelopmentCase, settings: RegulationSettings): StepProblem[] {
  const order = stepsInDateOrder(c.steps);
  const out: StepProblem[] = [];
  for (let i = 0; i < order.length; i++) out.push(...stepProblems(c, order.slice(0, i), order[i]!, settings));
  return out;
}

/**
 * Validates a whole case as it would stand (e.g. after a step is added or corrected) against the
 * case before: each step is judged against every earlier-dated step, whatever order the steps were
 * entered in. Throws ValidationError (citing the article) when the change makes any step
 * impossible that was not already so — the new step itself, or a later-dated step it breaks.
 * Returns the changed case's problems of the steps in `changedIds` that are not blocking.
 */
export function validateCaseChange(before: DevelopmentCase, after: DevelopmentCase, changedIds: ReadonlySet<string>, settings: RegulationSettings): StepProblem[] {
  const key = (p: StepProblem) => `${p.stepId}|${p.message}`;
  const known = new Set(replayProblems(before, settings).filter((p) => p.impossible).map(key));
  const problems = replayProblems(after, settings);
  const blocking = problems.filter((p) => p.impossible && !known.has(key(p)));
  if (blocking.length > 0) {
    const byId = new Map(after.steps.map((x) => [x.id, x]));
    throw new ValidationError(blocking.map((p) => {
      const st = byId.get(p.stepId);
      return changedIds.has(p.stepId) || !st ? p.message : `会使已记录的「${CASE_STEPS[st.step].name}」（${st.date}）不成立：${p.message}`;
    }).join('；'), blocking.map((p) => ({ field: byId.get(p.stepId)?.step ?? 'step', message: p.message })));
  }
  return problems.filter((p) => !p.impossible && changedIds.has(p.stepId));
}

/**
 * Records `step` on the case and returns the new case with the non-blocking problems as
 * findings. The step is judged in date order against every earlier-dated step (not only those
 * entered before it), and may not make a later-dated step impossible. Throws ValidationError
 * when the step is impossible (a rule is cited in the message) or dated after `today`.
 */
export function addStep(c: DevelopmentCase, step: CaseStep, settings: RegulationSettings, today: LocalDate): { case: DevelopmentCase; findings: Finding[] } {
  if (step.date > today) throw new ValidationError(`「${CASE_STEPS[step.step].name}」的日期不能晚于今天`, [{ field: 'date', message: '日期不能晚于今天' }]);
  const next: DevelopmentCase = { ...c, steps: [...c.steps, step] };
  const problems = validateCaseChange(c, next, new Set([step.id]), settings);
  return { case: next, findings: problems.map((p) => toFinding(c, p, step.date)) };
}

function toFinding(c: DevelopmentCase, p: StepProblem, date: LocalDate): Finding {
  return makeFinding(p.ruleId, c.orgId, date.slice(0, 7), `${c.personName}：${p.message}`, [c.id, p.stepId], p.severity);
}

/** The next step of a case with its legal window (`latest` null: no deadline). */
export interface NextStep {
  step: CaseStepKey;
  name: string;
  earliest: LocalDate | null;
  latest: LocalDate | null;
  /** A second, hard limit where the rule has one (DEV-18: 6 months). */
  hardLatest?: LocalDate;
  ruleId: RuleId;
  message: string;
}

/**
 * What the case needs next, each with its earliest and latest legal dates (TV-09, TV-10, TV-13,
 * TV-15). Several items may be open at once (e.g. sponsors, political review and training).
 */
export function nextSteps(c: DevelopmentCase, settings: RegulationSettings): NextStep[] {
  const st = c.steps;
  const has = (k: CaseStepKey) => st.some((x) => x.step === k);
  const at = (k: CaseStepKey) => latest(st, k)?.date ?? null;
  const out: NextStep[] = [];
  const push = (step: CaseStepKey, earliest: LocalDate | null, lat: LocalDate | null, message: string, extra: Partial<NextStep> = {}) =>
    out.push({ step, name: CASE_STEPS[step].name, earliest, latest: lat, ruleId: CASE_STEPS[step].ruleId, message, ...extra });
  const is2026 = c.ruleSet === '2026.05';
  const cancelled = st.some((x) => x.step === 'fullMembershipMeeting' && x.outcome === 'cancelled');

  const app = at('application');
  if (!app) return [];
  if (!has('applicantTalk')) {
    const d = addMonthsClamped(app, 1);
    push('applicantTalk', app, d, `应在${d}前派人同入党申请人谈话`);
    return out;
  }
  const activist = at('activistConfirmed');
  if (!activist) {
    const wait = settings.activistMinMonthsAfterApplication;
    push('activistConfirmed', wait === null ? at('applicantTalk') : addMonthsClamped(app, wait), null, '可按程序确定为入党积极分子');
    return out;
  }
  const candidate = at('candidateConfirmed');
  if (!candidate) {
    if (!has('activistFiled')) push('activistFiled', activist, null, '确定入党积极分子后报上级党委备案');
    if (!has('contactsAssigned')) push('contactsAssigned', activist, null, '指定一至两名正式党员作培养联系人');
    const k = all(st, 'activistAssessment').length + 1;
    const due = addMonthsClamped(activist, 6 * k);
    push('activistAssessment', null, due, `第${k}次半年考察应在${due}前完成`);
    const earliest = addYearsClamped(activist, 1);
    push('candidateConfirmed', earliest, null, `培养考察满一年，${earliest}起可确定为发展对象${is2026 ? '（须先公示不少于五个工作日）' : ''}`);
    return out;
  }
  const meeting = at('admissionMeeting');
  if (!meeting) {
    if (!has('candidateFiled')) push('candidateFiled', candidate, null, '确定发展对象后报上级党委备案');
    if (!has('sponsorsAppointed')) push('sponsorsAppointed', candidate, null, '确定两名正式党员作入党介绍人');
    if (!has('politicalReview')) push('politicalReview', candidate, null, '进行政治审查');
    if (!all(st, 'concentratedTraining').some((t) => t.date >= candidate && (!t.training || trainingSufficient(t.training)))) push('concentratedTraining', candidate, null, '确定为发展对象后参加不少于三天或二十四学时的集中培训');
    if (!has('committeeReview')) push('committeeReview', candidate, null, '支部委员会审查');
    else if (!has('preReview')) push('preReview', at('committeeReview'), null, '报上级党委预审');
    else if (!has('applicationFormFilled')) push('applicationFormFilled', at('preReview'), null, '在入党介绍人指导下填写入党志愿书');
    else {
      const pre = at('preReview')!;
      const due = is2026 ? addMonthsClamped(pre, 1) : null;
      push('admissionMeeting', at('applicationFormFilled'), due, due ? `预审合格后应在${due}前提交支部大会讨论` : '提交支部大会讨论', is2026 ? { ruleId: 'DEV-14' } : {});
    }
    return out;
  }
  const approved = at('admissionApproved');
  if (!approved) {
    if (!has('higherCommitteeTalk')) push('higherCommitteeTalk', meeting, null, '上级党委派党委委员或组织员谈话');
    const soft = addMonthsClamped(meeting, 3);
    push('admissionApproved', meeting, soft, `上级党委应在${soft}前审批（特殊情况不超过${addMonthsClamped(meeting, 6)}）`, { hardLatest: addMonthsClamped(meeting, 6) });
    return out;
  }
  const fullMeetings = all(st, 'fullMembershipMeeting');
  const decided = fullMeetings.find((m) => (m.outcome ?? 'full') !== 'extended');
  if (!decided) {
    if (!has('admissionFiled')) push('admissionFiled', approved, null, '报再上一级党委组织部门备案');
    if (!has('assignedToBranch')) push('assignedToBranch', approved, null, '编入党支部和党小组');
    if (!has('oath')) {
      const due = is2026 ? addMonthsClamped(approved, 1) : null;
      push('oath', approved, due, due ? `应在${due}前组织入党宣誓` : '组织入党宣誓');
    }
    const end = probationEnd(c)!;
    const applied = all(st, 'fullMembershipApplication').some((a) => fullMeetings.every((m) => a.date > m.date));
    if (!applied) push('fullMembershipApplication', null, end, `预备期${end}届满，本人应提出书面转正申请`);
    push('fullMembershipMeeting', end, end, `预备期${end}届满，支部大会应及时讨论转正`, { ruleId: 'DEV-21' });
    return out;
  }
  if (!has('fullMembershipApproved')) {
    const due = addMonthsClamped(decided.date, 3);
    push('fullMembershipApproved', decided.date, due, `上级党委应在${due}前审批${cancelled ? '取消预备党员资格' : '转正'}`);
    return out;
  }
  if (!has('archived')) push('archived', at('fullMembershipApproved'), null, '入党材料归档');
  return out;
}

/**
 * Items of the case due within `settings.dueHorizonDays` of `today` or already overdue
 * (those with a latest date only).
 */
export function developmentDues(c: DevelopmentCase, settings: RegulationSettings, today: LocalDate): Due[] {
  const horizon = fromDate(addDays(toDate(today), settings.dueHorizonDays));
  return nextSteps(c, settings)
    .filter((n) => n.latest !== null && n.latest <= horizon)
    .map((n) => ({ ruleId: n.ruleId, orgId: c.orgId, subject: c.personName, earliest: n.earliest, latest: n.latest!, message: `${c.personName}：${n.message}`, recordIds: [c.id] }));
}

/**
 * All findings for a stored case on `today`: every step replayed against the steps before it
 * (in date order; impossible ones reported as errors, since the data already exists), plus
 * next steps whose latest date has passed. With `period`, step problems are limited to steps
 * dated inside it.
 */
export function checkCase(c: DevelopmentCase, settings: RegulationSettings, today: LocalDate, period?: Pick<Period, 'from' | 'to'>): Finding[] {
  const order = stepsInDateOrder(c.steps);
  const out: Finding[] = [];
  // Without a birth date the age gate (第五条: 年满十八岁) cannot be applied: ask for it rather than pass silently.
  if (!c.birthDate && order.some((x) => x.step === 'application')) {
    const app = order.find((x) => x.step === 'application')!;
    out.push(makeFinding('DEV-01', c.orgId, app.date.slice(0, 7), `${c.personName}：未记录出生日期，无法核对递交申请时是否年满十八岁，请补充出生日期${cite('DEV-01')}`, [c.id], 'warning'));
  }
  for (let i = 0; i < order.length; i++) {
    const step = order[i]!;
    // With a period, only steps taken in it are judged; open overdue items are reported whatever their date.
    if (period && (step.date < period.from || step.date > period.to)) continue;
    for (const p of stepProblems(c, order.slice(0, i), step, settings)) out.push(toFinding(c, p, step.date));
  }
  for (const n of nextSteps(c, settings)) {
    if (n.latest !== null && n.latest < today) {
      const severity: Severity = n.hardLatest && today <= n.hardLatest ? 'warning' : RULES[n.ruleId].severity;
      out.push(makeFinding(n.ruleId, c.orgId, n.latest.slice(0, 7), `${c.personName}：逾期未完成「${n.name}」（${n.message}）`, [c.id], severity));
    }
  }
  return out;
}

const EVENT_STEP: Partial<Record<CaseStepKey, DevelopmentStep>> = {
  application: 'applied',
  activistConfirmed: 'activist',
  candidateConfirmed: 'candidate',
  admissionMeeting: 'admittedProbationary',
};

/**
 * The case's milestones as DevelopmentEvents for statistics (src/domain/stats reads these).
 * 接收为预备党员 is dated by the general meeting (PC-03); 转正 by the day full membership
 * starts (DEV-24), once the meeting decided on-time or extended-then-full membership.
 */
export function caseEvents(c: DevelopmentCase): DevelopmentEvent[] {
  const out: DevelopmentEvent[] = [];
  for (const st of c.steps) {
    const ev = EVENT_STEP[st.step];
    if (ev) out.push({ id: st.id, orgId: c.orgId, memberId: c.memberId, personName: c.personName, step: ev, date: st.date });
  }
  const full = fullMembershipDate(c);
  const meeting = all(c.steps, 'fullMembershipMeeting').find((x) => (x.outcome ?? 'full') === 'full');
  if (full && meeting) out.push({ id: meeting.id, orgId: c.orgId, memberId: c.memberId, personName: c.personName, step: 'becameFull', date: full });
  return out;
}

/** Count and case ids per DevelopmentStep for milestones dated inside `period`. */
export function countSteps(cases: readonly DevelopmentCase[], period: Pick<Period, 'from' | 'to'>): Record<DevelopmentStep, { count: number; caseIds: string[] }> {
  const out = Object.fromEntries(DEVELOPMENT_STEP_LIST.map((k) => [k, { count: 0, caseIds: [] as string[] }])) as Record<DevelopmentStep, { count: number; caseIds: string[] }>;
  for (const c of cases) {
    for (const e of caseEvents(c)) {
      if (e.date < period.from || e.date > period.to) continue;
      out[e.step].count++;
      out[e.step].caseIds.push(c.id);
    }
  }
  return out;
}
