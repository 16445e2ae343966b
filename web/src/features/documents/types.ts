/**
 * Answers of /api/documents/* as the 总结审校 page reads them (src/api/routes/document-routes.ts).
 * Domain names (period keys, finding kinds) come from src/domain/analysis/types.ts.
 */
import type { FindingKind, SummaryPeriod } from '../../../../src/domain/analysis/types.ts';

export type DocSeverity = 'error' | 'warning' | 'info';

/** One proofreading finding; offset/length are UTF-16 offsets into the text the server read. */
export interface DocFindingItem {
  kind: FindingKind;
  severity: DocSeverity;
  offset: number;
  length: number;
  line: number;
  column: number;
  message: string;
  suggestion: string | null;
}

export interface DocAnalysis {
  title: string | null;
  org: string | null;
  year: number | null;
  period: SummaryPeriod | null;
  outline: { level: number; marker: string; text: string }[];
  sections: { results: string | null; problems: string | null; plans: string | null };
  metrics: { quote: string; value: number | null; unit: string; what: string }[];
  placeholders: { text: string; offset: number }[];
}

/** One row of the collected-summaries table: stats by fact key, null for a placeholder (X次). */
export interface SummaryRowItem {
  file: string;
  title: string | null;
  org: string | null;
  year: number | null;
  period: SummaryPeriod | null;
  stats: Partial<Record<string, number | null>>;
  otherStats: string[];
  placeholders: number;
}

/** POST /api/documents/check */
export interface DocCheck {
  analysis: DocAnalysis;
  /** The text the server read and proofread; findings' offsets point into it. */
  text: string;
  findings: DocFindingItem[];
}

/** POST /api/documents/analyze */
export interface DocAnalyzed {
  analysis: DocAnalysis;
  row: SummaryRowItem;
}
