/** Pure helpers of the summary page: paragraphs as editable text segments around bound numbers. */
import type { Inline } from '../../../../src/domain/report/document.ts';
import type { SourceRef } from '../../../../src/domain/stats/facts.ts';
import type { SummaryKind } from '../../../../src/domain/report/document.ts';

export type NumberInline = Extract<Inline, { type: 'number' }>;

/**
 * A paragraph split into its text segments and its numbers: `texts.length === numbers.length + 1`,
 * text i comes before number i (adjacent text inlines are joined; a paragraph that starts or
 * ends with a number has an empty segment there). This is the shape PUT …/paragraphs/:id takes.
 */
export function segmentsOf(inlines: readonly Inline[]): { texts: string[]; numbers: NumberInline[] } {
  const texts = [''];
  const numbers: NumberInline[] = [];
  for (const i of inlines) {
    if (i.type === 'text') texts[texts.length - 1] += i.text;
    else {
      numbers.push(i);
      texts.push('');
    }
  }
  return { texts, numbers };
}

/** The paragraph with new text segments around the same numbers (what the server will store). */
export function withSegments(inlines: readonly Inline[], texts: readonly string[]): Inline[] {
  const { numbers } = segmentsOf(inlines);
  if (texts.length !== numbers.length + 1) throw new RangeError(`expected ${numbers.length + 1} text segments, got ${texts.length}`);
  const out: Inline[] = [];
  texts.forEach((t, i) => {
    if (t) out.push({ type: 'text', text: t });
    const n = numbers[i];
    if (n) out.push(n);
  });
  return out;
}

/** Whether the edited segments differ from the paragraph's current ones. */
export function segmentsChanged(inlines: readonly Inline[], texts: readonly string[]): boolean {
  const cur = segmentsOf(inlines).texts;
  return cur.length !== texts.length || cur.some((t, i) => t !== texts[i]);
}

/** The `ids` parameter of GET /api/records: `type:id` pairs, each once, at most `max` (the popover shows the first ones). */
export function recordIdsParam(sources: readonly SourceRef[], max = 100): string {
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.size >= max) break;
    seen.add(`${s.type}:${s.id}`);
  }
  return [...seen].join(',');
}

export const SUMMARY_KIND_LABELS: Record<SummaryKind, string> = {
  annual: '年度总结',
  'annual-plan': '年度总结及下一年计划',
  'half-year': '半年总结',
  quarterly: '季度报告',
};

export interface PeriodChoice {
  kind: SummaryKind;
  year: number;
  quarter?: number;
  half?: number;
}

/** The body of POST /api/summaries for a choice: a quarter only for quarterly reports, a half only for half-year ones. */
export function summaryRequest(orgId: string, c: PeriodChoice): { orgId: string; kind: SummaryKind; year: number; quarter?: number; half?: number } {
  const body: ReturnType<typeof summaryRequest> = { orgId, kind: c.kind, year: c.year };
  if (c.kind === 'quarterly') body.quarter = c.quarter ?? 1;
  if (c.kind === 'half-year') body.half = c.half ?? 1;
  return body;
}
