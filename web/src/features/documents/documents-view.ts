/**
 * Pure shaping for the 总结审校 page: which files are accepted and how they are sent, the table's
 * columns from a summary row, findings ordered for reading, and the quoted text around a finding.
 */
import { PERIOD_LABELS, TABLE_COLUMNS } from '../../../../src/domain/analysis/table.ts';
import type { FindingKind } from '../../../../src/domain/analysis/types.ts';
import type { FactKey } from '../../../../src/domain/stats/facts.ts';
import type { DocCheck, DocFindingItem, DocSeverity, SummaryRowItem } from './types.ts';

export { PERIOD_LABELS };

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const TEXT_MIME = 'text/plain; charset=utf-8';

/** The kind of an uploaded file by its name: `.docx`, `.txt`, or null for anything else. */
export function fileKind(name: string): 'docx' | 'text' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.txt')) return 'text';
  return null;
}

/** The content type the API expects for a file, by its name; null for an unsupported file. */
export function contentTypeOf(name: string): string | null {
  const kind = fileKind(name);
  return kind === 'docx' ? DOCX_MIME : kind === 'text' ? TEXT_MIME : null;
}

/**
 * The main statistics shown as columns: those of the domain's summary table (src/domain/analysis/table.ts),
 * in its order. Column titles drop the unit in brackets, which the cells do not repeat.
 */
export const STAT_COLUMNS: ReadonlyArray<{ key: FactKey; label: string; unit: string }> = TABLE_COLUMNS.map((c) => {
  const m = /^(.*)（(.+)）$/.exec(c.label);
  return { key: c.key, label: m?.[1] ?? c.label, unit: m?.[2] ?? '' };
});

/** What a statistics cell shows: a number, 未填 for a placeholder (X次), or nothing when not stated. */
export type StatCell = { kind: 'value'; value: number } | { kind: 'placeholder' } | { kind: 'absent' };

export function statCell(row: Pick<SummaryRowItem, 'stats'>, key: string): StatCell {
  if (!(key in row.stats)) return { kind: 'absent' };
  const v = row.stats[key];
  return v === null || v === undefined ? { kind: 'placeholder' } : { kind: 'value', value: v };
}

/** `2023年第三季度`, `2025年度`…: the year when read, then the period. */
export function yearPeriodText(row: Pick<SummaryRowItem, 'year' | 'period'>): string {
  if (row.year && row.period === 'annual') return `${row.year}年度`;
  return `${row.year ? `${row.year}年` : ''}${periodText(row.period)}`;
}

/** `第三季度`, `年度` …; `未识别` when the period could not be read. */
export function periodText(period: SummaryRowItem['period']): string {
  return period ? PERIOD_LABELS[period] : '未识别';
}

const SEVERITY_ORDER: Record<DocSeverity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABELS: Record<DocSeverity, string> = { error: '错误', warning: '提醒', info: '提示' };
export const SEVERITY_COLORS: Record<DocSeverity, string> = { error: 'error', warning: 'warning', info: 'default' };

/**
 * Findings for reading: errors first, then warnings, then notes; within each, in the server's
 * order (it ranks the weightier kinds, a period mismatch or a broken formulation, before the
 * many placeholders).
 */
export function orderFindings(findings: readonly DocFindingItem[]): DocFindingItem[] {
  return findings.map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/** Chinese names of the finding kinds, for the filter of the findings drawer. */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  placeholder: '占位符', 'period-mismatch': '时段不一致', 'heading-sequence': '标题序号', 'unbalanced-pair': '引号括号不配对',
  'doubled-char': '重复字', formulation: '规范提法', punctuation: '标点', typo: '错别字', 'date-format': '日期格式',
  'record-mismatch': '与记录不符',
};

const KIND_ORDER = Object.keys(FINDING_KIND_LABELS) as FindingKind[];

/** The kinds present among the findings with their counts, most frequent first (ties in the kinds' order). */
export function kindCounts(findings: readonly DocFindingItem[]): { kind: FindingKind; label: string; count: number }[] {
  const counts = new Map<FindingKind, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, label: FINDING_KIND_LABELS[kind], count }))
    .sort((a, b) => b.count - a.count || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** Errors and warnings of a check (notes are not counted). */
export function severityCounts(check: Pick<DocCheck, 'findings'> | null | undefined): { errors: number; warnings: number } {
  let errors = 0, warnings = 0;
  for (const f of check?.findings ?? []) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** The text around a finding: up to `radius` characters either side, not crossing a line break. */
export interface Excerpt {
  before: string;
  match: string;
  after: string;
  /** Whether text was cut at either end (an ellipsis is shown). */
  cutBefore: boolean;
  cutAfter: boolean;
}

/**
 * The excerpt of `text` at `offset`/`length` (UTF-16 offsets, as the API gives them); null when
 * the offset lies outside the text (the text was read differently from the server's).
 */
export function excerptAt(text: string, offset: number, length: number, radius = 24): Excerpt | null {
  if (offset < 0 || offset > text.length) return null;
  const end = Math.min(text.length, offset + Math.max(0, length));
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  const from = Math.max(lineStart, offset - radius);
  const to = Math.min(lineEnd, end + radius);
  // The context stops at line ends; a match that itself spans one is kept whole.
  return {
    before: text.slice(from, offset).replace(/^[\s\u3000]+/, ''),
    match: text.slice(offset, end),
    after: text.slice(end, to).replace(/[\s\u3000]+$/, ''),
    cutBefore: from > lineStart,
    cutAfter: to < lineEnd,
  };
}

/** `中共州审计局党支部委员会` and `州审计局党支部` name the same organization. */
function normalizeOrgName(name: string): string {
  return name.replace(/\s+/g, '').replace(/^(中国共产党|中共)/, '').replace(/委员会$/, '');
}

/**
 * The organization (of those the user may see) that a document names, for comparing its
 * numbers with the records; null when the document names none of them (a branch elsewhere, a
 * template's `XX党支部`), so that its numbers are not compared with another organization's records.
 */
export function matchOrg<T extends { id: string; name: string }>(docOrg: string | null, orgs: readonly T[]): T | null {
  if (!docOrg) return null;
  const want = normalizeOrgName(docOrg);
  if (!want || /[XＸ×x]{1,3}/.test(want.slice(0, 3))) return null;
  return orgs.find((o) => normalizeOrgName(o.name) === want) ?? null;
}

/** The name of the downloaded table; the server's name when it gave one. */
export function tableFileName(serverName: string | null): string {
  return serverName ?? '工作总结汇总表.xlsx';
}

/** The statistics columns that at least one row states (a number or a placeholder), in table order. */
export function visibleStatColumns(rows: readonly Pick<SummaryRowItem, 'stats'>[]): typeof STAT_COLUMNS {
  return STAT_COLUMNS.filter((c) => rows.some((r) => c.key in r.stats));
}

/** An organization and every organization under it, from the flat list of GET /api/orgs. */
export function orgAndDescendants<T extends { id: string; parentId: string | null }>(orgs: readonly T[], rootId: string): T[] {
  const children = new Map<string, T[]>();
  for (const o of orgs) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
  const out: T[] = [];
  const root = orgs.find((o) => o.id === rootId);
  const queue = root ? [root] : [];
  for (let o = queue.shift(); o; o = queue.shift()) {
    out.push(o);
    queue.push(...(children.get(o.id) ?? []));
  }
  return out;
}
