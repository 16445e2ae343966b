/**
 * Use cases for member development (发展党员): open a case, record a step, read a case with
 * what is due next, list the cases of a subtree. The steps are judged by the pure engine of
 * src/domain/regulations/development.ts: an impossible step is refused with its ValidationError
 * (citing the rule) unchanged. Every use case takes the acting user; a case outside the actor's
 * scope "does not exist" (NotFoundError).
 */
import { randomUUID } from 'node:crypto';
import { toLocalDate, type LocalDate } from '../domain/common/dates.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { categoryOn, type Member } from '../domain/member/member.ts';
import type { Organization } from '../domain/org/org.ts';
import {
  addStep, CASE_STEPS, checkCase, defaultRuleSet, developmentDues, nextSteps, validateCaseChange,
  type CaseStep, type CaseStepKey, type DevelopmentCase, type Due, type Finding, type NextStep, type RegulationSettings, type RuleSetVersion, type SponsorRef,
} from '../domain/regulations/index.ts';
import {
  deleteDevelopmentCase, getDevelopmentCaseRecord, insertDevelopmentCases, loadDevelopmentCases, replaceDevelopmentCase,
  storedDevelopmentCaseRow, updateDevelopmentCase, type UnreadableCase,
} from '../db/queries/development-queries.ts';
import { logChange, moveToRecycleBin } from './history-service.ts';
import { getMember, membersForOrgs } from '../db/queries/member-queries.ts';
import { assertOrgInScope, assertRecordOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { settingsFor, settingsForOrgId } from './settings-service.ts';
import { orgSubtree } from './org-service.ts';

export type { UnreadableCase };

const NOT_FOUND = '找不到该发展党员档案';

/** What opening a case needs: the applicant and the day the application was handed in. */
export interface NewCase {
  personName: string;
  birthDate: LocalDate | null;
  /** 递交入党申请书 date: recorded as the case's first step (DEV-01 age gate applies). */
  appliedOn: LocalDate;
  /** Default: by the application date (2026.05 from 2026-05-18, DEV rules §2). */
  ruleSet?: RuleSetVersion | undefined;
  memberId?: string | null | undefined;
}

/** A step as the user enters it: sponsors by member id (resolved against the member records). */
export interface StepInput {
  step: CaseStepKey;
  date: LocalDate;
  /** sponsorsAppointed: the two sponsors' member ids. */
  sponsorMemberIds?: string[] | undefined;
  training?: { days: number; hours: number } | undefined;
  passed?: boolean | undefined;
  leavingUnitOn?: LocalDate | null | undefined;
  publicityStart?: LocalDate | null | undefined;
  outcome?: 'full' | 'extended' | 'cancelled' | undefined;
  extensionMonths?: number | undefined;
  /** admissionMeeting or later: link the case to the new member's record. */
  memberId?: string | undefined;
  /**
   * admissionMeeting / fullMembershipMeeting: the vote (BR-08, DEV-16). Without `due`, the voting
   * members due to attend are counted from the branch's roll on the date (正式党员 on the roll,
   * ELE-03).
   */
  vote?: { due?: number | undefined; present: number; yes: number; writtenYes?: number | undefined } | undefined;
}

/** A case as presented: the record, its current step, what comes next and what is due, its findings. */
export interface CaseView {
  case: DevelopmentCase;
  /** Name of the last recorded step (chart order), or null. */
  currentStep: string | null;
  /** Stage 1–5 of the last recorded step. */
  stage: number;
  nextSteps: NextStep[];
  /** Items due within the horizon or overdue (DEV-03, DEV-06, DEV-18, DEV-20, DEV-23 …). */
  dues: Due[];
  findings: Finding[];
}

/** Builds the presented view of a case on `today` (pure). */
export function caseView(c: DevelopmentCase, settings: RegulationSettings, today: LocalDate): CaseView {
  const last = [...c.steps].sort((a, b) => a.date.localeCompare(b.date) || CASE_STEPS[a.step].no - CASE_STEPS[b.step].no).at(-1);
  return {
    case: c,
    currentStep: last ? CASE_STEPS[last.step].name : null,
    stage: last ? CASE_STEPS[last.step].stage : 1,
    nextSteps: nextSteps(c, settings),
    dues: developmentDues(c, settings, today),
    findings: checkCase(c, settings, today),
  };
}

/**
 * Opens a case in `org` (a branch in the actor's scope) with its application step. Throws
 * ValidationError when the applicant is under 18 on the application day (DEV-01) or the date
 * lies after `today`; NotFoundError/ForbiddenError by scope and role.
 */
export async function openCase(app: AppContext, actor: Actor, org: Organization, input: NewCase, today: LocalDate, given?: RegulationSettings): Promise<CaseView> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const settings = given ?? await settingsFor(app, org);
  if (org.type === 'partySubgroup') throw new ValidationError('发展党员档案应建在党支部，不能建在党小组', [{ field: 'orgId', message: '请选择党支部' }]);
  const name = input.personName.trim();
  if (!name) throw new ValidationError('请填写申请人姓名', [{ field: 'personName', message: '不能为空' }]);
  const memberId = input.memberId ?? null;
  if (memberId) await memberOfOrg(app, memberId, org.id);
  const empty: DevelopmentCase = {
    id: randomUUID(), orgId: org.id, personName: name, birthDate: input.birthDate, memberId,
    ruleSet: input.ruleSet ?? defaultRuleSet(input.appliedOn), steps: [],
  };
  const { case: c } = addStep(empty, { id: randomUUID(), step: 'application', date: input.appliedOn }, settings, today);
  await app.database.db.transaction(async (tx) => { await insertDevelopmentCases(tx, [c]); });
  return caseView(c, settings, today);
}

/** One case with next steps, due items and findings; NotFoundError when missing or out of scope. */
export async function readCase(app: AppContext, actor: Actor, id: string, today: LocalDate, given?: RegulationSettings): Promise<CaseView> {
  const c = await scopedCase(app, actor, id);
  const settings = given ?? await settingsForOrgId(app, c.orgId);
  return caseView(c, settings, today);
}

/**
 * Cases of `org` and its subtree (oldest first), each with its view on `today`. A stored case
 * that cannot be read is left out and pushed to `unreadable` when given (its id and why), so one
 * bad row never breaks the list.
 */
export async function listCases(app: AppContext, actor: Actor, org: Organization, today: LocalDate, given?: RegulationSettings, unreadable?: UnreadableCase[]): Promise<CaseView[]> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const settings = given ?? await settingsFor(app, org);
  const ids = (await orgSubtree(app, org)).map((o) => o.id);
  const cases = await loadDevelopmentCases(app.database.db, ids, unreadable);
  return cases.map((c) => caseView(c, settings, today));
}

/**
 * Records a step on a case through the domain's `addStep`. Sponsors are resolved from the member
 * records (full membership judged on the step's date). Throws the domain's ValidationError,
 * unchanged, for an impossible step (its message cites the rule, e.g. DEV-08 发展党员工作细则
 * 第十二条); ValidationError for a sponsor or member who is not in the case's branch;
 * NotFoundError when the case is missing or out of scope. Non-blocking problems come back as
 * the view's findings.
 */
export async function addCaseStep(app: AppContext, actor: Actor, caseId: string, input: StepInput, today: LocalDate, now: Date, given?: RegulationSettings): Promise<CaseView> {
  const db = app.database.db;
  const c = await scopedCase(app, actor, caseId);
  const settings = given ?? await settingsForOrgId(app, c.orgId);
  toLocalDate(input.date, 'date');
  if (input.leavingUnitOn) toLocalDate(input.leavingUnitOn, 'leavingUnitOn');
  if (input.publicityStart) toLocalDate(input.publicityStart, 'publicityStart');
  const step: CaseStep = { id: randomUUID(), step: input.step, date: input.date };
  if (input.step === 'sponsorsAppointed') step.sponsors = await sponsorsOf(app, actor, input.sponsorMemberIds ?? [], input.date);
  if (input.training) step.training = input.training;
  if (input.passed !== undefined) step.passed = input.passed;
  if (input.leavingUnitOn !== undefined) step.leavingUnitOn = input.leavingUnitOn;
  if (input.publicityStart !== undefined) step.publicityStart = input.publicityStart;
  if (input.outcome) step.outcome = input.outcome;
  if (input.extensionMonths !== undefined) step.extensionMonths = input.extensionMonths;
  if (input.vote) {
    const due = input.vote.due ?? votingMembersOn(await membersForOrgs(db, [c.orgId]), input.date);
    step.vote = { due, present: input.vote.present, yes: input.vote.yes, ...(input.vote.writtenYes !== undefined ? { writtenYes: input.vote.writtenYes } : {}) };
  }
  const { case: next } = addStep(c, step, settings, today);
  if (input.memberId) {
    await memberOfOrg(app, input.memberId, c.orgId);
    next.memberId = input.memberId;
  }
  await db.transaction(async (tx) => {
    if (!(await updateDevelopmentCase(tx, next, now))) throw new NotFoundError(NOT_FOUND);
  });
  return caseView(next, settings, today);
}

/** Members with a vote on `date` (ELE-03): full members on the roll, normal or mobile. */
function votingMembersOn(members: readonly Member[], date: LocalDate): number {
  return members.filter((m) => (m.status === 'normal' || m.status === 'mobile') && categoryOn(m, date) === 'full').length;
}

async function scopedCase(app: AppContext, actor: Actor, id: string): Promise<DevelopmentCase> {
  const r = await scopedRecord(app, actor, id);
  if ('unreadable' in r) throw unreadableError(r.unreadable);
  return r.case;
}

/** The case as stored, readable or not, after the scope check. */
async function scopedRecord(app: AppContext, actor: Actor, id: string) {
  assertRole(actor, MANAGERS);
  const r = await getDevelopmentCaseRecord(app.database.db, id);
  if (!r) throw new NotFoundError(NOT_FOUND);
  await assertRecordOrgInScope(app, actor, 'case' in r ? r.case.orgId : r.unreadable.orgId, NOT_FOUND);
  return r;
}

function unreadableError(u: UnreadableCase): ConflictError {
  return new ConflictError(`发展党员档案 ${u.id}（${u.personName}）${u.reason}，请由组织管理员更正或删除该档案`);
}

/** A correction of a case (PATCH): the fields given replace the stored ones; `steps` replaces every step. */
export interface CaseCorrection {
  personName?: string | undefined;
  birthDate?: LocalDate | null | undefined;
  ruleSet?: RuleSetVersion | undefined;
  /** The whole list of steps as it should stand (ids kept for steps that stay; new ones get an id). */
  steps?: (Omit<CaseStep, 'id'> & { id?: string | undefined })[] | undefined;
  /** Why, kept in the history. */
  reason?: string | undefined;
}

/**
 * Corrects a case (its organization's administrator or an admin): name, birth date, rule set or
 * the steps themselves — also a case stored unreadable (e.g. an impossible date saved before
 * dates were validated). The corrected case is judged like a new step: every step against every
 * earlier-dated step; a correction that makes any step impossible is refused (ValidationError
 * citing the article), as is a step after `today`. The stored row before and after goes to the
 * case's history with the acting account. NotFoundError when missing or out of scope.
 */
export async function correctCase(app: AppContext, actor: Actor, id: string, input: CaseCorrection, today: LocalDate, now: Date, given?: RegulationSettings): Promise<CaseView> {
  const db = app.database.db;
  const r = await scopedRecord(app, actor, id);
  const base = 'case' in r ? r.case : null;
  const u = 'unreadable' in r ? r.unreadable : null;
  if (!base && input.steps === undefined) throw new ValidationError(`${u!.reason}：请提供更正后的全部步骤`, [{ field: 'steps', message: '该档案的步骤无法读取，须整体更正' }]);
  const settings = given ?? await settingsForOrgId(app, base?.orgId ?? u!.orgId);
  const orgId = base?.orgId ?? u!.orgId;
  const name = (input.personName ?? base?.personName ?? u!.personName).trim();
  if (!name) throw new ValidationError('请填写申请人姓名', [{ field: 'personName', message: '不能为空' }]);
  const steps: CaseStep[] = input.steps
    ? input.steps.map((x) => ({ ...x, id: x.id ?? randomUUID() }) as CaseStep)
    : base!.steps;
  if (input.birthDate) toLocalDate(input.birthDate, 'birthDate');
  for (const x of steps) {
    toLocalDate(x.date, 'steps.date');
    if (x.leavingUnitOn) toLocalDate(x.leavingUnitOn, 'steps.leavingUnitOn');
    if (x.publicityStart) toLocalDate(x.publicityStart, 'steps.publicityStart');
    if (x.date > today) throw new ValidationError(`「${CASE_STEPS[x.step].name}」的日期不能晚于今天`, [{ field: 'steps', message: '日期不能晚于今天' }]);
  }
  const after: DevelopmentCase = {
    id, orgId, personName: name, memberId: base?.memberId ?? null,
    birthDate: input.birthDate !== undefined ? input.birthDate : base?.birthDate ?? null,
    ruleSet: input.ruleSet ?? base?.ruleSet ?? '2014',
    steps,
  };
  if (!after.steps.some((x) => x.step === 'application')) throw new ValidationError('发展党员档案须保留「递交入党申请书」步骤', [{ field: 'steps', message: '缺少递交入党申请书' }]);
  // An unreadable case had no judged problems: every impossible step of the correction is refused.
  validateCaseChange(base ?? { ...after, steps: [] }, after, new Set(after.steps.map((x) => x.id)), settings);
  await db.transaction(async (tx) => {
    const before = await storedDevelopmentCaseRow(tx, id);
    if (!before || !(await replaceDevelopmentCase(tx, after, now))) throw new NotFoundError(NOT_FOUND);
    await logChange(tx, actor, { recordType: 'developmentCase', recordId: id, orgId, action: 'update', before, after: { ...after, reason: input.reason?.trim() || null } }, now);
  });
  return caseView(after, settings, today);
}

/**
 * Deletes a case (readable or not) by its organization's administrator or an admin, keeping the
 * stored row in the case's history. NotFoundError when missing or out of scope.
 */
export async function deleteCase(app: AppContext, actor: Actor, id: string, reason: string | undefined, now: Date): Promise<void> {
  const r = await scopedRecord(app, actor, id);
  const orgId = 'case' in r ? r.case.orgId : r.unreadable.orgId;
  await app.database.db.transaction(async (tx) => {
    const before = await storedDevelopmentCaseRow(tx, id);
    if (!before || !(await deleteDevelopmentCase(tx, id))) throw new NotFoundError(NOT_FOUND);
    await logChange(tx, actor, { recordType: 'developmentCase', recordId: id, orgId, action: 'delete', before: { ...before, reason: reason?.trim() || null }, after: null }, now);
    await moveToRecycleBin(tx, actor, { recordType: 'developmentCase', recordId: id, orgId, label: `发展党员档案：${String(before.personName)}`, recordDate: null, data: before }, now);
  });
}
async function memberOfOrg(app: AppContext, memberId: string, orgId: string) {
  const m = await getMember(app.database.db, memberId);
  if (!m || m.orgId !== orgId) throw new ValidationError('该党员不在本支部', [{ field: 'memberId', message: '应为本支部党员' }]);
  return m;
}

/**
 * Sponsors (入党介绍人) from member ids in the actor's scope (usually of the same branch, but not
 * necessarily): full membership judged on `date`; 留党察看 is not recorded yet.
 */
async function sponsorsOf(app: AppContext, actor: Actor, ids: readonly string[], date: LocalDate): Promise<SponsorRef[]> {
  const out: SponsorRef[] = [];
  for (const id of ids) {
    const m = await getMember(app.database.db, id);
    if (!m) throw new ValidationError('找不到入党介绍人的党员记录', [{ field: 'sponsorMemberIds', message: '找不到该党员' }]);
    await assertRecordOrgInScope(app, actor, m.orgId, '找不到入党介绍人的党员记录');
    out.push({ memberId: m.id, name: m.name, isFullMember: categoryOn(m, date) === 'full', underInternalProbation: false });
  }
  return out;
}

