/**
 * Proofreading a summary before it is submitted (审校, issue 5 item 2). Each check returns
 * findings with an offset into the original text, a severity, a Chinese message and a suggested
 * fix; `proofreadSummary` runs them all and ranks the findings so that the surest come first.
 * The formulation, typo and doubled-character lists are data (./data/*.json), with sources.
 */
import doublesData from './data/doubles.json' with { type: 'json' };
import formulationsData from './data/formulations.json' with { type: 'json' };
import typosData from './data/typos.json' with { type: 'json' };
import { analyzeWithContext, type AnalysisContext } from './analyze.ts';
import { toOriginal } from './clean.ts';
import { defaultTolerance, findApproximate, type Tolerance } from './fuzzy.ts';
import { compareWithFacts } from './record-check.ts';
import type { Facts } from '../stats/facts.ts';
import type { DocFinding, FindingKind, Severity, SummaryPeriod } from './types.ts';

/** An official formulation to check, with where it comes from. */
export interface Formulation {
  text: string;
  source: string;
  tolerance?: Tolerance;
}

/** A common typo: a literal (`自已`) or a regular expression, with its correction and source. */
export interface TypoRule {
  wrong: string;
  right: string;
  source: string;
  /** A regular expression (JavaScript syntax) instead of the literal `wrong`. */
  regex?: string;
  /** Capture group whose text is the error (default: the whole match). */
  group?: number;
  /** Correct words that contain the literal (不能自已). */
  except?: string[];
  severity?: Severity;
}

/** The bundled formulation list (data/formulations.json). */
export const DEFAULT_FORMULATIONS: readonly Formulation[] = formulationsData.formulations as Formulation[];
/** The bundled typo list (data/typos.json). */
export const DEFAULT_TYPOS: readonly TypoRule[] = typosData.typos as TypoRule[];

export interface ProofreadOptions {
  /** Formulations to check (default: the bundled list; pass an extended copy to add the year's themes). */
  formulations?: readonly Formulation[];
  typos?: readonly TypoRule[];
  /** The organization's recorded facts for the document's period: enables record-mismatch findings. */
  facts?: Facts;
}

type Ctx = AnalysisContext;
type Emit = (f: DocFinding) => void;

/** A finding on `[start, end)` of the cleaned text. */
function at(ctx: Ctx, start: number, end: number, kind: FindingKind, severity: Severity, message: string, suggestion: string | null): DocFinding {
  const [offset, length] = toOriginal(ctx.cleaned, start, end);
  return { kind, severity, offset, length, message, suggestion };
}

const PERIOD_NAMES: Record<SummaryPeriod, string> = {
  annual: '年度', 'half-year': '半年', Q1: '第一季度', Q2: '第二季度', Q3: '第三季度', Q4: '第四季度', other: '非整季度时段',
};

/** Title period vs body period (年度 title over a 第三季度 body). */
export function checkPeriod(ctx: Ctx, emit: Emit): void {
  const a = ctx.analysis;
  if (!a.title || !a.titlePeriod || !a.bodyPeriod || a.titlePeriod === a.bodyPeriod.period) return;
  const line = ctx.lines[ctx.titleLine]!;
  const start = line.start + line.text.indexOf(a.title);
  const titleSays = a.titlePeriodExplicit ? `标题写的是${PERIOD_NAMES[a.titlePeriod]}` : `标题未写明时段，按${PERIOD_NAMES[a.titlePeriod]}总结理解`;
  const body = PERIOD_NAMES[a.bodyPeriod.period];
  const year = a.year ? `${a.year}年` : '';
  const suggestion = a.bodyPeriod.period.startsWith('Q')
    ? `统一时段：标题改为“${a.org ?? ''}${year}${body}工作情况报告”，或把正文改为${PERIOD_NAMES[a.titlePeriod]}的内容`
    : `统一标题和正文的时段`;
  emit(at(ctx, start, start + a.title.length, 'period-mismatch', a.bodyPeriod.period === 'other' ? 'warning' : 'error',
    `标题与正文时段不一致：${titleSays}，正文写的是${body}（“${a.bodyPeriod.quote}”）`, suggestion));
}

/** Leftover placeholders; a placeholder standing for a number says so. */
export function checkPlaceholders(ctx: Ctx, emit: Emit): void {
  const numeric = new Set(ctx.analysis.metrics.filter((m) => m.value === null).map((m) => m.offset));
  for (const p of ctx.analysis.placeholders) {
    const isNumber = numeric.has(p.offset);
    emit({
      kind: 'placeholder', severity: 'error', offset: p.offset, length: p.text.length,
      message: isNumber ? `数字未填写：残留占位符“${p.text}”` : `残留占位符“${p.text}”`,
      suggestion: isNumber ? '填入台账中的实际数字；没有记录的事项删去' : '填入实际名称或内容',
    });
  }
}

/** Heading numbers that skip or repeat within a level (一、二、四 / （一）（一）). */
export function checkHeadings(ctx: Ctx, emit: Emit): void {
  const counters = [0, 0, 0, 0, 0];
  const partLines = new Set(ctx.lines.flatMap((l, i) => (/^\s*第[一二三四五六七八九十]部分/.test(l.text) ? [i] : [])));
  let hi = 0;
  for (let li = 0; li < ctx.lines.length; li++) {
    if (partLines.has(li)) counters.fill(0);
    const h = ctx.headings[hi];
    if (!h || h.line !== li) continue;
    hi++;
    const expected = counters[h.level]! + 1;
    if (h.ordinal !== expected) {
      const what = h.ordinal === counters[h.level] ? '重复' : h.ordinal < expected ? '倒序' : '跳号';
      emit(at(ctx, h.start, h.start + h.marker.length, 'heading-sequence', 'warning',
        `第${h.level}级标题序号${what}：“${h.marker}”前一个是第${counters[h.level]}个`, `核对序号，应为第${expected}个`));
    }
    counters[h.level] = h.ordinal;
    for (let d = h.level + 1; d <= 4; d++) counters[d] = 0;
  }
}

const PAIRS: Array<{ open: string; close: string; name: string }> = [
  { open: '“', close: '”', name: '双引号' },
  { open: '‘', close: '’', name: '单引号' },
  { open: '《', close: '》', name: '书名号' },
  { open: '（(', close: '）)', name: '括号' },
  { open: '【', close: '】', name: '方括号' },
  { open: '〈', close: '〉', name: '单书名号' },
];

/**
 * Unbalanced quotation marks, brackets and book-title marks, per paragraph. A closing quote
 * where an opening one is due (机关党建”围绕中心) and an opening one where a closing one is due
 * (“中心工作“紧密) are reported where they stand, and read as the mark that was meant.
 */
export function checkPairs(ctx: Ctx, emit: Emit): void {
  for (const line of ctx.lines) {
    const t = line.text;
    for (const pair of PAIRS) {
      const sameShape = pair.open === '“' || pair.open === '‘';
      const stack: number[] = [];
      for (let i = 0; i < t.length; i++) {
        const c = t[i]!;
        if (pair.open.includes(c)) {
          if (sameShape && stack.length > 0) {
            emit(at(ctx, line.start + i, line.start + i + 1, 'unbalanced-pair', 'error',
              `${pair.name}不配对：此处应为后引号“${pair.close}”`, pair.close));
            stack.pop();
          } else stack.push(i);
        } else if (pair.close.includes(c)) {
          if (stack.length > 0) stack.pop();
          else if (sameShape) {
            emit(at(ctx, line.start + i, line.start + i + 1, 'unbalanced-pair', 'error',
              `${pair.name}不配对：此处应为前引号“${pair.open}”`, pair.open));
            stack.push(i);
          } else {
            emit(at(ctx, line.start + i, line.start + i + 1, 'unbalanced-pair', 'error',
              `${pair.name}不配对：“${c}”前面没有对应的前半个`, `补上前半个${pair.name}或删去此处`));
          }
        }
      }
      for (const i of stack) {
        emit(at(ctx, line.start + i, line.start + i + 1, 'unbalanced-pair', 'error',
          `${pair.name}不配对：“${t[i]}”在本段没有对应的后半个`, `补上后半个${pair.name}`));
      }
    }
  }
}

const DOUBLE_CHARS = new Set(doublesData.chars);
const DOUBLE_WORDS = new Set(doublesData.words);
const HAN = /[\u4e00-\u9fff]/;

/** A function word typed twice (的的, 了了), unless a word explains it (目的的, 为了了解, 的的确确). */
export function checkDoubled(ctx: Ctx, emit: Emit): void {
  const t = ctx.cleaned.text;
  for (let i = 0; i + 1 < t.length; i++) {
    const c = t[i]!;
    if (c !== t[i + 1] || !DOUBLE_CHARS.has(c)) continue;
    const prev = t[i - 1] ?? '';
    const next = t[i + 2] ?? '';
    if (HAN.test(prev) && DOUBLE_WORDS.has(prev + c)) continue;
    if (HAN.test(next) && DOUBLE_WORDS.has(c + next)) continue;
    if (doublesData.legit.some((w) => { const k = w.indexOf(c + c); return k >= 0 && t.startsWith(w, i - k); })) continue;
    emit(at(ctx, i, i + 2, 'doubled-char', 'error', `“${c}${c}”疑为重复录入`, c));
    i++;
  }
}

/** Official formulations with a missing, extra or changed character, from the formulation list. */
export function checkFormulations(ctx: Ctx, emit: Emit, formulations: readonly Formulation[]): void {
  const t = ctx.cleaned.text;
  const hits: Array<{ start: number; end: number; f: Formulation }> = [];
  for (const f of formulations) {
    for (const m of findApproximate(t, f.text, f.tolerance ?? defaultTolerance(f.text.length))) hits.push({ start: m.start, end: m.end, f });
  }
  // Overlapping hits (中国特色社会主义 inside 新时代中国特色社会主义): keep the longest formulation.
  hits.sort((a, b) => b.f.text.length - a.f.text.length || a.start - b.start);
  const kept: typeof hits = [];
  for (const h of hits) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  for (const h of kept) {
    const found = t.slice(h.start, h.end);
    emit(at(ctx, h.start, h.end, 'formulation', 'error', `规范提法有误：“${found}”应为“${h.f.text}”（出处：${h.f.source}）`, h.f.text));
  }
}

/** Common typos from the typo list (自已 → 自己, 的/地/得). */
export function checkTypos(ctx: Ctx, emit: Emit, typos: readonly TypoRule[]): void {
  const t = ctx.cleaned.text;
  for (const rule of typos) {
    const severity = rule.severity ?? 'error';
    const message = `疑似错别字：“${rule.wrong}”应为“${rule.right}”（依据：${rule.source}）`;
    if (rule.regex) {
      const re = new RegExp(rule.regex, 'gd');
      for (let m = re.exec(t); m; m = re.exec(t)) {
        const span = m.indices?.[rule.group ?? 0];
        if (span) emit(at(ctx, span[0], span[1], 'typo', severity, message, rule.right));
        if (m[0] === '') re.lastIndex++;
      }
      continue;
    }
    for (let i = t.indexOf(rule.wrong); i >= 0; i = t.indexOf(rule.wrong, i + 1)) {
      const excepted = (rule.except ?? []).some((w) => {
        const k = w.indexOf(rule.wrong);
        return k >= 0 && t.startsWith(w, i - k);
      });
      if (!excepted) emit(at(ctx, i, i + rule.wrong.length, 'typo', severity, message, rule.right));
    }
  }
}

/**
 * Punctuation of Chinese text (GB/T 15834-2011): half-width , ; : ? ! ( ) next to Chinese
 * characters, spaces before punctuation, doubled marks, 顿号 before 等, and 顿号 between quoted
 * items (4.5.3.5, informational).
 */
export function checkPunctuation(ctx: Ctx, emit: Emit): void {
  const t = ctx.cleaned.text;
  const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
  const near = (i: number, dir: -1 | 1): string => {
    let j = i + dir;
    while (j >= 0 && j < t.length && (t[j] === ' ' || t[j] === '\t')) j += dir;
    return t[j] ?? '';
  };
  const done = new Set<number>();
  // Half-width brackets around Chinese: (试行) → （试行）.
  for (const m of t.matchAll(/\(([^()\n]{1,40})\)/g)) {
    if (!HAN.test(m[1]!) && !HAN.test(near(m.index, -1))) continue;
    done.add(m.index); done.add(m.index + m[0].length - 1);
    emit(at(ctx, m.index, m.index + m[0].length, 'punctuation', 'warning', `中文中使用了半角括号“${m[0]}”`, `（${m[1]}）`));
  }
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (done.has(i)) continue;
    if (c in FULL || c === '(' || c === ')') {
      if (c === ':' && /\d/.test(t[i - 1] ?? '') && /\d/.test(t[i + 1] ?? '')) continue; // 9:30
      if (c === ',' && /\d/.test(t[i - 1] ?? '') && /\d/.test(t[i + 1] ?? '')) continue; // 1,000
      if (!HAN.test(near(i, -1)) && !HAN.test(near(i, 1))) continue;
      let s = i, e = i + 1;
      while (s > 0 && (t[s - 1] === ' ' || t[s - 1] === '\t')) s--;
      while (e < t.length && (t[e] === ' ' || t[e] === '\t')) e++;
      const full = FULL[c] ?? (c === '(' ? '（' : '）');
      emit(at(ctx, s, e, 'punctuation', 'warning', `中文中使用了半角标点“${c}”`, full));
      continue;
    }
    if ((c === ' ' || c === '\u3000') && /[，。、；：！？]/.test(t[i + 1] ?? '') && HAN.test(t[i - 1] ?? '')) {
      emit(at(ctx, i, i + 1, 'punctuation', 'warning', '标点前有多余的空格', '删去空格'));
      continue;
    }
    if (/[，。、；：]/.test(c) && t[i + 1] === c) {
      emit(at(ctx, i, i + 2, 'punctuation', 'warning', `标点“${c}”重复`, c));
      i++;
      continue;
    }
    if (c === '、' && t[i + 1] === '等') {
      emit(at(ctx, i, i + 2, 'punctuation', 'warning', '顿号后紧跟“等”：并列成分与“等”之间不用顿号', '等'));
      continue;
    }
    if (c === '、' && t[i - 1] === '”' && t[i + 1] === '“') {
      emit(at(ctx, i, i + 1, 'punctuation', 'info', '标有引号的并列成分之间通常不用顿号（GB/T 15834-2011 4.5.3.5）', '删去顿号'));
    }
  }
}

/** Dates with leading zeros (2023年01月05日) or written with dots or dashes (DOC-13). */
export function checkDates(ctx: Ctx, emit: Emit): void {
  const t = ctx.cleaned.text;
  for (const m of t.matchAll(/(\d{4}年)?(\d{1,2})月(?:(\d{1,2})日)?/g)) {
    const [whole, y = '', mo = '', d] = m;
    if (!mo.startsWith('0') && !(d ?? '').startsWith('0')) continue;
    if (/\d/.test(t[m.index - 1] ?? '')) continue;
    const fixed = `${y}${Number(mo)}月${d !== undefined ? `${Number(d)}日` : ''}`;
    emit(at(ctx, m.index, m.index + whole.length, 'date-format', 'warning', `日期“${whole}”的月、日不应编虚位（不写前导0）`, fixed));
  }
  for (const m of t.matchAll(/(?<![\d.])(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})(?![\d.])/g)) {
    const [whole, y, mo, d] = m;
    emit(at(ctx, m.index, m.index + whole.length, 'date-format', 'info', `正文中的日期“${whole}”宜写成“年月日”的形式`, `${y}年${Number(mo)}月${Number(d)}日`));
  }
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Within a severity, the kinds whose findings are surest come first. */
const KIND_RANK: Record<FindingKind, number> = {
  'period-mismatch': 0, formulation: 1, typo: 2, 'doubled-char': 3, 'unbalanced-pair': 4,
  'record-mismatch': 5, placeholder: 6, 'heading-sequence': 7, 'date-format': 8, punctuation: 9,
};

/** Orders findings: severity, then how sure the kind is, then position. */
export function rankFindings(findings: readonly DocFinding[]): DocFinding[] {
  return [...findings].sort((a, b) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.offset - b.offset);
}

/** Runs every check on an analysed document and returns the findings, ranked. */
export function proofreadContext(ctx: Ctx, options: ProofreadOptions = {}): DocFinding[] {
  const out: DocFinding[] = [];
  const emit: Emit = (f) => out.push(f);
  checkPeriod(ctx, emit);
  checkPlaceholders(ctx, emit);
  checkHeadings(ctx, emit);
  checkPairs(ctx, emit);
  checkDoubled(ctx, emit);
  checkFormulations(ctx, emit, options.formulations ?? DEFAULT_FORMULATIONS);
  checkTypos(ctx, emit, options.typos ?? DEFAULT_TYPOS);
  checkPunctuation(ctx, emit);
  checkDates(ctx, emit);
  if (options.facts) out.push(...compareWithFacts(ctx.analysis, options.facts));
  return rankFindings(out);
}

/** Proofreads a summary given as plain text; findings point into `text`, ranked surest first. */
export function proofreadSummary(text: string, options: ProofreadOptions = {}): DocFinding[] {
  return proofreadContext(analyzeWithContext(text), options);
}
