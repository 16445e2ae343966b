/**
 * The structure of a summary: title, organization, year, period, heading outline and the three
 * sections (results, problems, plans), read from the cleaned text (report-genre.md, "Structure").
 */
import { HEADING_START, PART_START } from './clean.ts';
import { parseChineseNumeral } from './numerals.ts';
import type { SectionKind, SummaryPeriod } from './types.ts';

/** One line of the cleaned text with its start offset (in the cleaned text). */
export interface TextLine {
  text: string;
  start: number;
}

/** Splits the cleaned text into lines. */
export function splitLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

/** A heading found in a line (offsets in the cleaned text). */
export interface RawHeading {
  line: number;
  level: 1 | 2 | 3 | 4;
  marker: string;
  ordinal: number;
  text: string;
  start: number;
}

const LEVELS: Array<{ level: 1 | 2 | 3 | 4; re: RegExp; chinese: boolean }> = [
  { level: 1, re: /^([一二三四五六七八九十]{1,3})、/, chinese: true },
  { level: 2, re: /^[（(]([一二三四五六七八九十]{1,3})[）)]/, chinese: true },
  { level: 3, re: /^(\d{1,2})(?:[.．](?!\d)|、)/, chinese: false },
  { level: 4, re: /^[（(](\d{1,2})[）)]/, chinese: false },
];

/** The heading on `line`, if it starts with a marker of one of the four levels. */
export function headingOf(line: TextLine, index: number): RawHeading | null {
  const trimmed = line.text.replace(/^[\s\u3000]+/, '');
  if (!HEADING_START.test(trimmed)) return null;
  for (const { level, re, chinese } of LEVELS) {
    const m = re.exec(trimmed);
    if (!m) continue;
    const ordinal = chinese ? parseChineseNumeral(m[1]!) : Number(m[1]);
    if (ordinal === null || ordinal < 1) return null;
    const rest = trimmed.slice(m[0].length).trim();
    if (rest === '') return null;
    // A run-in heading ("（一）加强理论武装。持续深入……") ends at its first full stop.
    const stop = rest.indexOf('。');
    const text = stop >= 0 && stop < rest.length - 1 ? rest.slice(0, stop) : rest.replace(/[。.]$/, '');
    return { line: index, level, marker: m[0], ordinal, text, start: line.start + (line.text.length - trimmed.length) };
  }
  return null;
}

/**
 * The period a phrase names: a quarter (第三季度, 三季度), a half (上半年, 下半年), the first
 * three quarters (other), or a year (年度, 全年, 一年来, `2023年`). Null when it names none.
 */
export function periodOfPhrase(s: string, allowYear = true): SummaryPeriod | null {
  if (/前三季度|1[-—~～至]9月|一至九月/.test(s)) return 'other';
  const q = /第?([一二三四1-4])季度/.exec(s);
  if (q) return (`Q${'一二三四'.includes(q[1]!) ? '一二三四'.indexOf(q[1]!) + 1 : q[1]}`) as SummaryPeriod;
  if (/[上下]半年|1[-—~～至]6月/.test(s)) return 'half-year';
  if (allowYear && /年度|全年|一年来|年以来|\d{4}年(?!第|[上下]半|前|\d)/.test(s)) return 'annual';
  return null;
}

/** The title's period, and whether the title states it (年度, 季度, 半年) or only implies annual. */
export function titlePeriodOf(title: string): { period: SummaryPeriod | null; explicit: boolean } {
  const first = title.split(/及|和(?=\d{4}年)/)[0] ?? title;
  const p = periodOfPhrase(first, false);
  if (p) return { period: p, explicit: true };
  if (/年度|全年/.test(first)) return { period: 'annual', explicit: true };
  if (/\d{4}年/.test(first) && /总结|报告|汇报/.test(title)) return { period: 'annual', explicit: false };
  return { period: null, explicit: false };
}

/** The organization named in the title: the text before its year (`XX党支部2023年…` → `XX党支部`). */
export function orgOfTitle(title: string): string | null {
  const m = /\d{4}年/.exec(title);
  if (!m) return null;
  const org = title.slice(0, m.index).replace(/关于$/, '').trim();
  return org === '' ? null : org;
}

const PROBLEM_WORDS = /问题|不足|差距|短板|薄弱/;
const PLAN_WORDS = /下一步|下步|计划|打算|思路|展望|今后|工作安排/;
/** A line that opens the problems inside a section (`存在问题：`, `……还存在以下不足：`). */
const PROBLEM_LEAD = /^(?:存在(?:的)?(?:主要)?(?:问题|不足)[：:]|主要问题[：:])|存在(?:以下|如下|的)?(?:一些)?(?:问题|不足)[：:]\s*$/;
/** A line that opens the plans inside a section (`第四季度工作计划：`, `针对存在的问题，……`). */
const PLAN_LEAD = /^(?:下一步|下步|.{0,10}工作(?:计划|打算|安排|思路)[：:]|针对(?:以上|上述|存在的|这些)?(?:问题|不足))/;
const DATE_LINE = /^\s*\d{4}年\d{1,2}月\d{1,2}日\s*$/;

/**
 * Which section each line belongs to (null: title, opening, sign-off). The results start at the
 * first level-1 heading; a level-1 heading or 第N部分 naming problems or plans starts those; inside
 * a combined heading (存在问题及下一步打算) a plan lead line starts the plans.
 */
export function sectionOfLines(lines: TextLine[], headings: Map<number, RawHeading>, titleLine: number): Array<SectionKind | null> {
  const out: Array<SectionKind | null> = new Array(lines.length).fill(null);
  let current: SectionKind | null = null;
  let partIsPlan = false;
  let combined = false;
  // Sign-off: a trailing date line and the short organization line above it.
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.text.trim() === '') end--;
  if (end > 0 && DATE_LINE.test(lines[end - 1]!.text)) {
    end--;
    const prev = lines[end - 1]?.text.trim() ?? '';
    if (prev.length > 0 && prev.length <= 30 && !/[，。；]/.test(prev)) end--;
  }
  for (let i = 0; i < end; i++) {
    if (i === titleLine) continue;
    const text = lines[i]!.text.trim();
    const h = headings.get(i);
    if (PART_START.test(text)) {
      partIsPlan = PLAN_WORDS.test(text);
      current = partIsPlan ? 'plans' : current;
      combined = false;
      continue;
    }
    if (h && h.level === 1) {
      const pb = PROBLEM_WORDS.test(h.text);
      const pl = PLAN_WORDS.test(h.text);
      if (pb && pl) { current = 'problems'; combined = true; }
      else if (pb) { current = 'problems'; combined = false; }
      else if (pl) { current = 'plans'; combined = false; }
      else if (current === null && !partIsPlan) current = 'results';
      continue;
    }
    if (text !== '' && !h) {
      if (current !== 'plans' && (current === 'problems' || current === 'results') && PROBLEM_LEAD.test(text) && !(combined && current === 'problems' && PLAN_LEAD.test(text))) {
        current = 'problems';
      } else if ((current === 'problems' || combined) && PLAN_LEAD.test(text)) {
        current = 'plans';
        combined = false;
      }
    }
    out[i] = current;
  }
  return out;
}
