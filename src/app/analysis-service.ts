/**
 * Use cases for reading existing summaries (issue 5): read a .txt or .docx file, analyse it,
 * proofread it (optionally against an organization's records), and collect many summaries
 * into rows for the collected-summaries table.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import mammoth from 'mammoth';
import { analyzeWithContext } from '../domain/analysis/analyze.ts';
import { proofreadContext, type ProofreadOptions } from '../domain/analysis/proofread.ts';
import { documentPeriod } from '../domain/analysis/record-check.ts';
import { summaryRow, type SummaryRow } from '../domain/analysis/table.ts';
import type { DocFinding, SummaryAnalysis } from '../domain/analysis/types.ts';
import { ValidationError } from '../domain/errors.ts';
import type { Period } from '../domain/common/period.ts';
import type { Organization } from '../domain/org/org.ts';
import type { AppContext } from './context.ts';
import { factsFor } from './report-service.ts';

/**
 * The text of a summary file: .txt/.md as UTF-8 (GB18030 when it is not valid UTF-8, as files
 * saved by older Chinese Windows are), .docx through mammoth (paragraphs separated by blank lines).
 * Throws ValidationError for another extension or an unreadable .docx.
 */
export async function readSummaryFile(path: string): Promise<string> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.docx' && ext !== '.txt' && ext !== '.md' && ext !== '') {
    throw new ValidationError(`不支持的文件类型：${basename(path)}（支持 .txt、.docx）`, [{ field: 'file', message: '仅支持 .txt 和 .docx' }]);
  }
  return summaryText(await readFile(path), ext === '.docx' ? 'docx' : 'text', basename(path));
}

/**
 * The text of a summary given as bytes (an upload): `docx` through mammoth, `text` as UTF-8 or
 * GB18030. Throws ValidationError for an unreadable .docx.
 */
export async function summaryText(bytes: Buffer, kind: 'docx' | 'text', name = '文件'): Promise<string> {
  if (kind === 'docx') {
    try {
      const r = await mammoth.extractRawText({ buffer: bytes });
      // mammoth ends every paragraph with a blank line; one line per paragraph reads like a .txt file.
      return r.value.replace(/\n\n/g, '\n');
    } catch {
      throw new ValidationError(`无法读取 Word 文件：${name}（请确认是 .docx 格式）`, [{ field: 'file', message: '不是有效的 .docx 文件' }]);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** One analysed file. */
export interface AnalyzedFile {
  file: string;
  text: string;
  analysis: SummaryAnalysis;
}

/** Reads and analyses one summary file. */
export async function analyzeFile(path: string): Promise<AnalyzedFile> {
  const text = await readSummaryFile(path);
  return { file: path, text, analysis: analyzeWithContext(text).analysis };
}

/** Reads and analyses many files, one row each, in the order given. */
export async function analyzeFiles(paths: readonly string[]): Promise<{ files: AnalyzedFile[]; rows: SummaryRow[] }> {
  const files: AnalyzedFile[] = [];
  for (const p of paths) files.push(await analyzeFile(p));
  return { files, rows: files.map((f) => summaryRow(basename(f.file), f.analysis)) };
}

/** A checked document: its findings (ranked) with line and column for display. */
export interface CheckedDoc {
  file: string;
  text: string;
  analysis: SummaryAnalysis;
  findings: Array<DocFinding & { line: number; column: number }>;
}

/** Line and column (1-based) of an offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1, last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; last = i; }
  return { line, column: offset - last };
}

/** Proofreads a summary file. */
export async function checkDocFile(path: string, options: ProofreadOptions = {}): Promise<CheckedDoc> {
  return checkDocText(path, await readSummaryFile(path), options);
}

/** Proofreads a summary's text (`name` is for display). */
export function checkDocText(name: string, text: string, options: ProofreadOptions = {}): CheckedDoc {
  const ctx = analyzeWithContext(text);
  const findings = proofreadContext(ctx, options).map((f) => ({ ...f, ...lineColumn(text, f.offset) }));
  return { file: name, text, analysis: ctx.analysis, findings };
}

/**
 * Proofreads a summary file and compares its statistics with `org`'s records for the period the
 * document covers (or `period` when given). Throws ValidationError when the document's period
 * cannot be read and none is given.
 */
export async function checkDocAgainstRecords(app: AppContext, path: string, org: Organization, period?: Period): Promise<CheckedDoc> {
  return checkTextAgainstRecords(app, path, await readSummaryFile(path), org, period);
}

/** checkDocAgainstRecords for a text already read (an upload). */
export async function checkTextAgainstRecords(app: AppContext, name: string, text: string, org: Organization, period?: Period): Promise<CheckedDoc> {
  const ctx = analyzeWithContext(text);
  const p = period ?? documentPeriod(ctx.analysis);
  if (!p) throw new ValidationError('无法从文中读出总结的年份和时段，请指定年份和季度/半年', [{ field: 'period', message: '缺失' }]);
  const facts = await factsFor(app, org, p);
  const findings = proofreadContext(ctx, { facts }).map((f) => ({ ...f, ...lineColumn(text, f.offset) }));
  return { file: name, text, analysis: ctx.analysis, findings };
}
