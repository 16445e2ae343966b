/** Pure shaping for the 发展党员 board: cases by stage, step names, next steps with their urgency. */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { CASE_STAGES, CASE_STEPS, type CaseStepKey } from '../../../../src/domain/regulations/development.ts';
import type { CaseView, NextStepItem } from './types.ts';

export { CASE_STAGES };

/** `递交入党申请书`… for a step key; the key itself for one the UI does not know. */
export function stepName(step: CaseStepKey | string | null): string {
  if (!step) return '尚未开始';
  return (CASE_STEPS as Record<string, { name: string }>)[step]?.name ?? step;
}

/** The date of the case's latest recorded step, or null when none is recorded. */
export function lastStepDate(c: CaseView): string | null {
  return c.case.steps.reduce<string | null>((d, s) => (d === null || s.date > d ? s.date : d), null);
}

/**
 * The cases in five columns, one per stage (1–5); a case of an unknown stage goes to the first.
 * Within a column, the cases with an error first, then the nearest deadline first, then by name.
 */
export function byStage(cases: readonly CaseView[]): CaseView[][] {
  const cols: CaseView[][] = CASE_STAGES.map(() => []);
  for (const c of cases) (cols[c.stage >= 1 && c.stage <= 5 ? c.stage - 1 : 0] ?? cols[0]!).push(c);
  const deadline = (c: CaseView) => nextDeadline(c.nextSteps)?.latest ?? '9999-12-31';
  const hasError = (c: CaseView) => c.findings.some((f) => f.severity === 'error');
  return cols.map((col) => col.sort((a, b) => Number(hasError(b)) - Number(hasError(a))
    || deadline(a).localeCompare(deadline(b)) || a.case.personName.localeCompare(b.case.personName, 'zh-CN')));
}

export type StepUrgency = 'overdue' | 'soon' | 'open' | 'later';

export const STEP_URGENCY_COLORS: Record<StepUrgency, string> = { overdue: 'error', soon: 'warning', open: 'processing', later: 'default' };

export interface NextStepRow extends NextStepItem {
  urgency: StepUrgency;
  /** `2026-11-21 前`, `2026-12-14 起`, `2026-12-14 至 2027-06-14`, `随时`. */
  window: string;
}

/**
 * A next step's window and urgency on `today`: overdue once `latest` passed, soon within
 * `soonDays` of it, open when it may be done now, later when its earliest date is still ahead.
 */
export function nextStepRow(n: NextStepItem, today: string, soonDays = 30): NextStepRow {
  const window = n.earliest && n.latest ? (n.earliest === n.latest ? `${n.latest}` : `${n.earliest} 至 ${n.latest}`)
    : n.latest ? `${n.latest} 前` : n.earliest ? `${n.earliest} 起` : '随时';
  let urgency: StepUrgency = 'open';
  if (n.earliest && n.earliest > today) urgency = 'later';
  if (n.latest) {
    const left = differenceInCalendarDays(parseISO(n.latest), parseISO(today));
    if (left < 0) urgency = 'overdue';
    else if (left <= soonDays && urgency !== 'later') urgency = 'soon';
  }
  return { ...n, urgency, window };
}

/** The next step with the nearest deadline (none when no step has one). */
export function nextDeadline(steps: readonly NextStepItem[]): NextStepItem | null {
  return steps.filter((s) => s.latest).sort((a, b) => a.latest!.localeCompare(b.latest!))[0] ?? null;
}

/** Today's calendar day in China, `YYYY-MM-DD` (the server judges dates by the same calendar). */
export function todayInChina(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now);
}
