/**
 * The summary draft's document model: what the composer produces and every renderer
 * (docx, Markdown, JSON, the web page) consumes. Numbers are inline nodes bound to facts,
 * so each one can be traced to the records behind it.
 */
import type { LocalDate } from '../common/dates.ts';
import type { Period } from '../common/period.ts';
import type { FactKey, SourceRef } from '../stats/facts.ts';

/** annual (年度总结), annual-plan (总结及下一年计划), quarterly (季度报告), half-year (半年总结). */
export type SummaryKind = 'annual' | 'annual-plan' | 'quarterly' | 'half-year';
export const SUMMARY_KINDS: readonly SummaryKind[] = ['annual', 'annual-plan', 'quarterly', 'half-year'];

/** Plain text, or a number bound to a fact (rendered as `text` followed by `unit`). */
/** A count of regulations findings stated in the problems section, e.g. `findings.EDU-07`. */
export type FindingKey = `findings.${string}`;
/**
 * A count the composer takes from the records it names (`records.themedPartyDay.examples`): its
 * value is the number of its sources.
 */
export type RecordCountKey = `records.${string}`;

/**
 * What a sentence rests on: the records behind it, or a line of the year's themes table
 * (config/themes.json, `key` names the entry). The editor shows it beside the sentence.
 */
export type Binding =
  | { kind: 'records'; sources: SourceRef[] }
  | { kind: 'themes'; key: string };

/** One sentence of a paragraph: its text (numbers written with their units) and its binding. */
export interface SentenceBinding {
  text: string;
  binding: Binding;
}

export type Inline =
  | { type: 'text'; text: string }
  | {
      type: 'number';
      /** The fact it states, or a count of findings (problems section). */
      factKey: FactKey | FindingKey | RecordCountKey;
      value: number;
      /** The number as written, Arabic digits (`12`, `93.5`). */
      text: string;
      /** Unit written right after the number (`次`, `人次`, `%`). */
      unit: string;
      sources: SourceRef[];
    };

export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block =
  | { type: 'title'; text: string }
  /** 第一部分 / 第二部分 in an annual summary with next year's plan. */
  | { type: 'part'; id: string; text: string }
  /** `一、` (level 1), `（一）` (level 2), `1.` (level 3), `（1）` (level 4). */
  | { type: 'heading'; id: string; level: HeadingLevel; marker: string; text: string }
  /**
   * `sentences`, when present, splits the paragraph's text into its sentences with their bindings
   * (their texts concatenated are the paragraph's text).
   */
  | { type: 'paragraph'; id: string; inlines: Inline[]; sentences?: SentenceBinding[] }
  /** 落款: organization name and date, right-aligned (GB/T 9704 7.3.5.2). */
  | { type: 'signoff'; orgName: string; date: LocalDate; dateText: string };

/** A statement left out for want of data, listed for the user to add. */
export interface CouldBeAdded {
  /** The fact it would have stated, when there is one. */
  factKey: FactKey | null;
  /** What could be added, in Chinese. */
  text: string;
}

export interface DraftDocument {
  kind: SummaryKind;
  title: string;
  orgId: string;
  orgName: string;
  period: Period;
  blocks: Block[];
  couldBeAdded: CouldBeAdded[];
}

/** The text of a paragraph's inlines, numbers written with their units. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === 'text' ? i.text : i.text + i.unit)).join('');
}

/** Chinese numerals for level-1 and level-2 heading markers (一 … 二十). */
export function chineseOrdinal(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 1 || n > 99 || !Number.isInteger(n)) throw new RangeError(`heading ordinal out of range: ${n}`);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : digits[tens]!) + '十' + (ones ? digits[ones]! : '');
}

/** The heading marker for a level and 1-based ordinal: `一、`, `（一）`, `1.`, `（1）` (DOC-10). */
export function headingMarker(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1: return `${chineseOrdinal(n)}、`;
    case 2: return `（${chineseOrdinal(n)}）`;
    case 3: return `${n}.`;
    case 4: return `（${n}）`;
  }
}

/**
 * The document as plain text, one block per line (title, headings with their markers,
 * paragraphs, sign-off). The analysis features read this back (round-trip test).
 */
export function toPlainText(doc: DraftDocument): string {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'title': lines.push(b.text); break;
      case 'part': lines.push(b.text); break;
      case 'heading': lines.push(b.marker + b.text); break;
      case 'paragraph': lines.push(inlineText(b.inlines)); break;
      case 'signoff': lines.push(b.orgName, b.dateText); break;
    }
  }
  return lines.join('\n') + '\n';
}
