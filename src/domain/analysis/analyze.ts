/**
 * Reading an existing summary (issue 5, item 1): `analyzeSummary(text)` cleans it and returns
 * its title, organization, year, period, outline, sections, statistics and placeholders.
 * Pure; offsets point into the text passed in.
 */
import { cleanSummaryText, toOriginal, type CleanedText } from './clean.ts';
import { extractMetrics } from './metrics.ts';
import { findPlaceholders } from './placeholders.ts';
import {
  headingOf, orgOfTitle, periodOfPhrase, sectionOfLines, splitLines, titlePeriodOf,
  type RawHeading, type TextLine,
} from './structure.ts';
import { PART_START } from './clean.ts';
import type { SectionKind, SectionSpan, SummaryAnalysis, SummaryPeriod } from './types.ts';

/** The analysis with what the proofreading checks need besides it: the cleaned text and its lines. */
export interface AnalysisContext {
  analysis: SummaryAnalysis;
  original: string;
  cleaned: CleanedText;
  lines: TextLine[];
  headings: RawHeading[];
  titleLine: number;
  /** Section of each line. */
  lineSections: Array<SectionKind | null>;
}

/** Analyses a summary given as plain text (a .txt file, or a .docx file's raw text). */
export function analyzeSummary(text: string): SummaryAnalysis {
  return analyzeWithContext(text).analysis;
}

/** Like analyzeSummary, also returning the cleaned text and lines (for the proofreading checks). */
export function analyzeWithContext(original: string): AnalysisContext {
  const cleaned = cleanSummaryText(original);
  const text = cleaned.text;
  const orig = (start: number) => toOriginal(cleaned, start, start + 1)[0];
  const lines = splitLines(text);
  const titleLine = lines.findIndex((l) => l.text.trim() !== '');
  const titleText = titleLine >= 0 ? lines[titleLine]!.text.trim() : '';
  const title = titleText !== '' && titleText.length <= 80 && !/[。；]/.test(titleText) ? titleText : null;

  const headings: RawHeading[] = [];
  const headingByLine = new Map<number, RawHeading>();
  const parts: SummaryAnalysis['parts'] = [];
  lines.forEach((l, i) => {
    if (i === titleLine && title !== null) return;
    const trimmed = l.text.trim();
    if (PART_START.test(trimmed) && trimmed.length <= 40) {
      parts.push({ text: trimmed, offset: orig(l.start + l.text.indexOf(trimmed)) });
      return;
    }
    const h = headingOf(l, i);
    if (h) { headings.push(h); headingByLine.set(i, h); }
  });

  const tp = title ? titlePeriodOf(title) : { period: null, explicit: false };
  const bodyPeriod = findBodyPeriod(text, headings);
  const period: SummaryPeriod | null = tp.explicit ? tp.period : (bodyPeriod?.period ?? tp.period);
  const yearMatch = (title ? /(\d{4})年/.exec(title) : null) ?? /(\d{4})年/.exec(text.slice(0, 400));
  const year = yearMatch ? Number(yearMatch[1]) : null;

  const lineSections = sectionOfLines(lines, headingByLine, title !== null ? titleLine : -1);
  const sections: SummaryAnalysis['sections'] = { results: null, problems: null, plans: null };
  for (const kind of ['results', 'problems', 'plans'] as const) {
    const idx = lineSections.flatMap((s, i) => (s === kind ? [i] : []));
    const body = idx.map((i) => lines[i]!.text.trim()).filter((t) => t !== '');
    if (body.length === 0) continue;
    const span: SectionSpan = { kind, text: body.join('\n'), offset: orig(lines[idx[0]!]!.start) };
    sections[kind] = span;
  }

  const lineOfOffset = (pos: number): number => {
    let lo = 0, hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= pos) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const metrics = extractMetrics(text).map((m) => ({
    quote: m.quote, value: m.value, unit: m.unit, what: m.what, approx: m.approx,
    offset: orig(m.start), clause: m.clause, sentence: m.sentence,
    section: lineSections[lineOfOffset(m.start)] ?? null,
  }));
  const placeholders = findPlaceholders(text).map((p) => ({ text: p.text, offset: orig(p.start) }));

  const analysis: SummaryAnalysis = {
    cleanText: text,
    title,
    org: title ? orgOfTitle(title) : null,
    year,
    period,
    titlePeriod: tp.period,
    titlePeriodExplicit: tp.explicit,
    bodyPeriod: bodyPeriod ? { ...bodyPeriod, offset: orig(bodyPeriod.offset) } : null,
    outline: headings.map((h) => ({ level: h.level, marker: h.marker, ordinal: h.ordinal, text: h.text, offset: orig(h.start) })),
    parts,
    sections,
    metrics,
    placeholders,
  };
  return { analysis, original, cleaned, lines, headings, titleLine, lineSections };
}

/**
 * The period the body states: in the lead-in before the first heading (现将第三季度工作情况报告如下),
 * else in the first level-1 heading (一、第三季度主要工作情况). Offsets in the cleaned text.
 */
function findBodyPeriod(text: string, headings: RawHeading[]): { period: SummaryPeriod; offset: number; quote: string } | null {
  const firstL1 = headings.find((h) => h.level === 1);
  const opening = text.slice(0, firstL1 ? firstL1.start : Math.min(text.length, 2000));
  const lead = /现将([^。：:\n]{0,60}?)(?:如下|报告|汇报|总结)/.exec(opening);
  if (lead) {
    const p = periodOfPhrase(lead[1]!);
    if (p) return { period: p, offset: lead.index, quote: lead[0] };
  }
  if (firstL1) {
    const p = periodOfPhrase(firstL1.text, false);
    if (p) return { period: p, offset: firstL1.start, quote: firstL1.text };
  }
  return null;
}

/**
 * The analysis as printed by `zhibu analyze --format json`: exactly
 * `{title, org, year, period, outline: [{level, marker, text}], sections: {results, problems, plans},
 * metrics: [{quote, value, unit, what}], placeholders: [{text, offset}]}`; a section is its text or null.
 */
export function analysisToJson(a: SummaryAnalysis): {
  title: string | null; org: string | null; year: number | null; period: SummaryPeriod | null;
  outline: Array<{ level: number; marker: string; text: string }>;
  sections: { results: string | null; problems: string | null; plans: string | null };
  metrics: Array<{ quote: string; value: number | null; unit: string; what: string }>;
  placeholders: Array<{ text: string; offset: number }>;
} {
  return {
    title: a.title, org: a.org, year: a.year, period: a.period,
    outline: a.outline.map((h) => ({ level: h.level, marker: h.marker, text: h.text })),
    sections: { results: a.sections.results?.text ?? null, problems: a.sections.problems?.text ?? null, plans: a.sections.plans?.text ?? null },
    metrics: a.metrics.map((m) => ({ quote: m.quote, value: m.value, unit: m.unit, what: m.what })),
    placeholders: a.placeholders.map((p) => ({ text: p.text, offset: p.offset })),
  };
}
