/**
 * What the regulations engine reports: findings (something the records show was missed or done
 * wrongly) and due items (something that has to happen soon). Both carry the rule id and its
 * citation so the secretary, the CLI and the summary can say which article applies.
 */
import type { LocalDate } from '../common/dates.ts';
import { RULES, type RuleId } from './rules.ts';

/** `error` for rules worded 应当/必须, `warning` for rules worded 一般 or resting on weak sources. */
export type Severity = 'error' | 'warning';

/**
 * One problem found in the records.
 * `period` is a label: a month `2026-08`, a quarter `2026-Q3` or a year `2026`.
 * `recordIds` are the ids of the records concerned (activities, members, cases, terms, payments);
 * empty when the problem is that a record is missing altogether.
 */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  orgId: string;
  period: string;
  /** Written for the secretary, in Simplified Chinese. */
  message: string;
  recordIds: string[];
  /** Regulation and article, e.g. `《中国共产党支部工作条例（试行）》第十二条`. */
  citation: string;
}

/** Something due: between `earliest` (null: any time now) and `latest` (inclusive dates). */
export interface Due {
  ruleId: RuleId;
  orgId: string;
  /** What or whom it concerns, e.g. a person's name or `支部委员会换届`. */
  subject: string;
  earliest: LocalDate | null;
  latest: LocalDate;
  message: string;
  recordIds: string[];
}

/**
 * Builds a finding for `ruleId`, taking severity and citation from the rule table (RULES).
 * `severity` overrides the table for the few checks whose soft variant is a note (e.g. BR-14
 * "not in Q4").
 */
export function makeFinding(
  ruleId: RuleId,
  orgId: string,
  period: string,
  message: string,
  recordIds: string[] = [],
  severity?: Severity,
): Finding {
  const rule = RULES[ruleId];
  return { ruleId, severity: severity ?? rule.severity, orgId, period, message, recordIds, citation: rule.citation };
}

/** Label for a calendar month: `2026-08`. */
export function monthLabel(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Label for a calendar quarter: `2026-Q3`. */
export function quarterLabel(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}

/** Stable order for display and tests: errors first, then by organization, period and rule. */
export function sortFindings(list: Finding[]): Finding[] {
  return [...list].sort((a, b) =>
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)
    || a.orgId.localeCompare(b.orgId) || a.period.localeCompare(b.period) || a.ruleId.localeCompare(b.ruleId));
}
