/**
 * The regulations engine's public entry points (pure). The app layer loads records, calls these
 * and stores or presents the results; see docs/rules.md for what each rule id covers.
 */
export { checkOrganization, checkSubtree, type CheckResult, type OrganizationCheckInput, type OrgOpenSummary, type SubtreeCheckResult, type SubtreeRecords } from './check.ts';
export { makeFinding, sortFindings, type Due, type Finding, type Severity } from './finding.ts';
export { RULES, RULE_IDS, type RuleDef, type RuleId } from './rules.ts';
export { DEFAULT_SETTINGS, withSettings, type RegulationSettings } from './settings.ts';
export {
  addStep, caseEvents, checkCase, countSteps, CASE_STAGES, CASE_STEP_LIST, CASE_STEPS, defaultRuleSet, developmentDues, fullMembershipDate,
  nextSteps, probationEnd, stepsInDateOrder, validateCaseChange, type CaseStep, type MeetingVote, type CaseStepKey, type DevelopmentCase, type NextStep, type RuleSetVersion, type SponsorRef,
} from './development.ts';
export {
  collectionRates, describeDuesCalculation, duesBase, duesWindowStart, DUES_LOOKBACK_MONTHS, DUES_CATEGORIES, DUES_CATEGORY_LIST, fenToYuan, memberLedger, monthlyDues, monthsOfYear, toFen,
  type DuesCalculation, type DuesCategory, type DuesPayment, type DuesRate, type LedgerRow,
} from './dues.ts';
export { studyHoursByMember, type MemberStudyHours } from './study-hours.ts';
export { annualWindowEnd } from './cadence.ts';
export { defaultTermYears, structureFor, termDates } from './org-rules.ts';
