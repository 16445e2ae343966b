/**
 * The collected-summaries table (issue 5, item 5): one row per document with its title,
 * organization, period and main statistics in columns, for a committee comparing its branches.
 */
import type { FactKey } from '../stats/facts.ts';
import { classifyMetrics } from './record-check.ts';
import type { SummaryAnalysis, SummaryPeriod } from './types.ts';

/** The main statistics, as columns, in this order. */
export const TABLE_COLUMNS: ReadonlyArray<{ key: FactKey; label: string }> = [
  { key: 'activities.branchCommitteeMeeting', label: '支委会（次）' },
  { key: 'activities.generalMembershipMeeting', label: '党员大会（次）' },
  { key: 'activities.partySubgroupMeeting', label: '党小组会（次）' },
  { key: 'activities.partyLecture', label: '党课（次）' },
  { key: 'activities.themedPartyDay', label: '主题党日（次）' },
  { key: 'studySessions', label: '学习（次）' },
  { key: 'studyParticipations', label: '参学（人次）' },
  { key: 'volunteerServices', label: '志愿服务（次）' },
  { key: 'volunteerParticipations', label: '志愿服务（人次）' },
  { key: 'development.admittedProbationary', label: '接收预备党员（名）' },
  { key: 'development.becameFull', label: '预备党员转正（名）' },
  { key: 'members.total', label: '党员（名）' },
];

/** Chinese names of the periods, for tables and messages. */
export const PERIOD_LABELS: Record<SummaryPeriod, string> = {
  annual: '年度', 'half-year': '半年', Q1: '第一季度', Q2: '第二季度', Q3: '第三季度', Q4: '第四季度', other: '其他',
};

/** One row of the collected-summaries table. */
export interface SummaryRow {
  file: string;
  title: string | null;
  org: string | null;
  year: number | null;
  period: SummaryPeriod | null;
  /** Value per column key: a number, null for a placeholder (X次); absent when not stated. */
  stats: Partial<Record<FactKey, number | null>>;
  /** The results' other statistics, as phrase + quote (`分类制定整改措施92条`). */
  otherStats: string[];
  placeholders: number;
}

/**
 * The row of one analysed summary. A column takes the first statistic of the results (or of an
 * unsectioned text) that states it; the problems' and plans' numbers are left out.
 */
export function summaryRow(file: string, a: SummaryAnalysis): SummaryRow {
  const keys = classifyMetrics(a.metrics);
  const columns = new Set(TABLE_COLUMNS.map((c) => c.key));
  const stats: SummaryRow['stats'] = {};
  const otherStats: string[] = [];
  a.metrics.forEach((m, i) => {
    if (m.section === 'problems' || m.section === 'plans') return;
    const key = keys[i];
    if (key && columns.has(key) && !(key in stats)) stats[key] = m.value;
    else otherStats.push(`${m.what}${m.quote}`);
  });
  return { file, title: a.title, org: a.org, year: a.year, period: a.period, stats, otherStats, placeholders: a.placeholders.length };
}
