/**
 * Shapes of the summary analysis (reading an existing 工作总结) and of the proofreading
 * findings (审校). All offsets are UTF-16 code-unit offsets into the text that was passed in
 * (before cleaning), so a user interface can highlight them in the original.
 */

/** The period a summary covers: `annual`, `half-year`, a quarter, or `other` (e.g. 前三季度). */
export type SummaryPeriod = 'annual' | 'half-year' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'other';

/** One heading: level 1 `一、`, 2 `（一）`, 3 `1.`/`1、`, 4 `（1）` (GB/T 9704 7.3.3, DOC-10). */
export interface OutlineEntry {
  level: 1 | 2 | 3 | 4;
  /** The marker as written (`一、`, `(一)`, `1、`, …). */
  marker: string;
  /** The ordinal the marker stands for (一 → 1). */
  ordinal: number;
  /** Heading text without its marker; for a run-in heading, up to its first 。 */
  text: string;
  /** Offset of the marker in the original text. */
  offset: number;
}

/** Approximation written next to a number: 30余人次, 近200人, 1000多篇, 约50人. */
export type Approximation = '余' | '多' | '近' | '约';

/** A statistic: a number with its unit and the phrase it measures. */
export interface Metric {
  /** The number with its unit as written (`12次`, `30余人次`, `X项`). */
  quote: string;
  /** The value; null when the number is a leftover placeholder (`X次`). */
  value: number | null;
  unit: string;
  /** The phrase it measures (`召开支委会议`, `预备党员`). */
  what: string;
  approx: Approximation | null;
  /** Offset of the quote in the original text. */
  offset: number;
  /** The clause around the number (used to match it to recorded facts). */
  clause: string;
  /** The sentence around the number. */
  sentence: string;
  /** Which section it stands in. */
  section: SectionKind | null;
}

/** A leftover template placeholder (X, XX, ××, xx, ***). */
export interface Placeholder {
  text: string;
  offset: number;
}

export type SectionKind = 'results' | 'problems' | 'plans';

/** A section's text (cleaned) and where it starts in the original text. */
export interface SectionSpan {
  kind: SectionKind;
  text: string;
  offset: number;
}

/** Everything read from one summary. */
export interface SummaryAnalysis {
  /** The cleaned text: site markers and advertising removed, broken lines joined. */
  cleanText: string;
  title: string | null;
  org: string | null;
  year: number | null;
  /** The period the document covers: the title's when explicit, else the body's, else the title's implied one. */
  period: SummaryPeriod | null;
  /** The period the title states (a bare `2023年…总结` implies annual). */
  titlePeriod: SummaryPeriod | null;
  /** Whether the title states its period explicitly (年度, 季度, 上半年…). */
  titlePeriodExplicit: boolean;
  /** The period the body states in its lead-in (现将……如下) or first level-1 heading. */
  bodyPeriod: { period: SummaryPeriod; offset: number; quote: string } | null;
  outline: OutlineEntry[];
  /** `第一部分`/`第二部分` lines of an annual summary with next year's plan. */
  parts: Array<{ text: string; offset: number }>;
  sections: { results: SectionSpan | null; problems: SectionSpan | null; plans: SectionSpan | null };
  metrics: Metric[];
  placeholders: Placeholder[];
}

/** The proofreading finding kinds (issue 5). */
export type FindingKind =
  | 'placeholder' | 'period-mismatch' | 'heading-sequence' | 'unbalanced-pair' | 'doubled-char'
  | 'formulation' | 'punctuation' | 'typo' | 'date-format' | 'record-mismatch';

export const FINDING_KINDS: readonly FindingKind[] = [
  'placeholder', 'period-mismatch', 'heading-sequence', 'unbalanced-pair', 'doubled-char',
  'formulation', 'punctuation', 'typo', 'date-format', 'record-mismatch',
];

export type Severity = 'error' | 'warning' | 'info';

/** One proofreading finding; `offset`/`length` point into the original text. */
export interface DocFinding {
  kind: FindingKind;
  severity: Severity;
  offset: number;
  length: number;
  /** What is wrong, in Chinese. */
  message: string;
  /** The suggested replacement or action, in Chinese; null when there is none. */
  suggestion: string | null;
}
