/**
 * Pure shaping for the 合规提醒 page: period labels, rule titles, findings filtered and ordered,
 * due items with their urgency, and the branches' open counts.
 */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { RULES } from '../../../../src/domain/regulations/rules.ts';
import type { ComplianceDue, ComplianceFinding, OrgOpen } from './types.ts';

const QUARTERS = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

/** `2026-07` → `2026年7月`, `2026-Q3` → `2026年第三季度`, `2026` → `2026年`; anything else as given. */
export function periodLabel(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年${QUARTERS[Number(quarter[2])]}`;
  if (/^\d{4}$/.test(period)) return `${period}年`;
  return period;
}

/** The short title of a rule (`支部委员会会议一般每月召开1次…`); the id itself for a rule the UI does not know. */
export function ruleTitle(ruleId: string): string {
  return (RULES as Record<string, { title: string }>)[ruleId]?.title ?? ruleId;
}

export const SEVERITY_LABELS = { error: '错误', warning: '提醒' } as const;
export const SEVERITY_COLORS = { error: 'error', warning: 'warning' } as const;

export type SeverityFilter = 'all' | 'error' | 'warning';

/**
 * Findings to list: of one severity or all, of one organization or all; errors first, then by
 * period (newest first, so this month's gap is on top), then by organization name and rule.
 */
export function visibleFindings(
  findings: readonly ComplianceFinding[], severity: SeverityFilter, orgId: string | null, orgName: (id: string) => string,
): ComplianceFinding[] {
  return findings
    .filter((f) => (severity === 'all' || f.severity === severity) && (!orgId || f.orgId === orgId))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)
      || b.period.localeCompare(a.period)
      || orgName(a.orgId).localeCompare(orgName(b.orgId), 'zh-CN')
      || a.ruleId.localeCompare(b.ruleId));
}

/** How pressing a due item is on `today`: overdue, open now (within its window), or coming. */
export type Urgency = 'overdue' | 'open' | 'coming';

export interface DueRow extends ComplianceDue {
  urgency: Urgency;
  /** Days from today to `latest` (negative when overdue). */
  daysLeft: number;
  /** `2026-11-21 前`, `2026-12-14 至 2027-06-14`. */
  window: string;
}

export const URGENCY_LABELS: Record<Urgency, string> = { overdue: '已逾期', open: '办理期内', coming: '即将开始' };
export const URGENCY_COLORS: Record<Urgency, string> = { overdue: 'error', open: 'processing', coming: 'default' };

/** Due items with their urgency on `today` (YYYY-MM-DD), the most pressing first (by latest date). */
export function dueRows(dues: readonly ComplianceDue[], today: string): DueRow[] {
  const t = parseISO(today);
  return dues.map((d) => {
    const daysLeft = differenceInCalendarDays(parseISO(d.latest), t);
    const urgency: Urgency = daysLeft < 0 ? 'overdue' : !d.earliest || d.earliest <= today ? 'open' : 'coming';
    const window = d.earliest && d.earliest !== d.latest ? `${d.earliest} 至 ${d.latest}` : `${d.latest} 前`;
    return { ...d, urgency, daysLeft, window };
  }).sort((a, b) => a.latest.localeCompare(b.latest) || a.subject.localeCompare(b.subject, 'zh-CN'));
}

/** `还有 3 天`, `今天到期`, `已逾期 20 天`. */
export function daysText(daysLeft: number): string {
  if (daysLeft === 0) return '今天到期';
  return daysLeft > 0 ? `还有 ${daysLeft} 天` : `已逾期 ${-daysLeft} 天`;
}

/** Rule counts of an organization, the most frequent first, as `BR-09 ×2`. */
export function ruleCounts(byRule: OrgOpen['byRule']): { ruleId: string; count: number }[] {
  return Object.entries(byRule).map(([ruleId, count]) => ({ ruleId, count })).sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
}

/** The branches of a 党委 with something open first (errors, then warnings, then due items), then by name. */
export function openByOrg(byOrg: readonly OrgOpen[], selfId: string): OrgOpen[] {
  return byOrg.filter((o) => o.orgId !== selfId)
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.dues - a.dues || a.name.localeCompare(b.name, 'zh-CN'));
}

/** `105,559.50 元` from 分 (integer arithmetic: amounts stay exact). */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.trunc(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')} 元`;
}
