/**
 * Use cases for reading existing summaries (issue 5): read a .txt or .docx file, analyse it,
 * proofread it (optionally against an organization's records), and collect many summaries
 * into rows for the collected-summaries table.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { analyzeWithContext } from '../domain/analysis/analyze.ts';
import type { ProofreadOptions } from '../domain/analysis/proofread.ts';
import { documentPeriod } from '../domain/analysis/record-check.ts';
import { summaryRow, type SummaryRow } from '../domain/analysis/table.ts';
import type { SummaryAnalysis } from '../domain/analysis/types.ts';
import { ValidationError } from '../domain/errors.ts';
import type { Period } from '../domain/common/period.ts';
import type { Organization } from '../domain/org/org.ts';
import type { AppContext } from './context.ts';
import { factsFor } from './report-service.ts';
import { checkDocText, summaryText, type CheckedDoc, type ReadSummary } from './parsing.ts';
import { checkDocTextOffThread, readSummaryOffThread } from './parse-pool.ts';

export { checkDocText, lineColumn, lineColumnOf, summaryText, type CheckedDoc } from './parsing.ts';

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

/** Proofreads a summary file. */
export async function checkDocFile(path: string, options: ProofreadOptions = {}): Promise<CheckedDoc> {
  return checkDocText(path, await readSummaryFile(path), options);
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
  const p = period ?? documentPeriodOf(analyzeWithContext(text).analysis);
  return checkDocText(name, text, { facts: await factsFor(app, org, p) });
}

/** The period a summary covers, as read from it; ValidationError when it cannot be read. */
export function documentPeriodOf(analysis: SummaryAnalysis): Period {
  const p = documentPeriod(analysis);
  if (!p) throw new ValidationError('无法从文中读出总结的年份和时段，请指定年份和季度/半年', [{ field: 'period', message: '缺失' }]);
  return p;
}

/**
 * Reads and analyses an uploaded summary in the parse pool (off the main thread, time-limited).
 * ValidationError for an unreadable file, TooLargeError beyond UPLOAD_LIMITS, UnavailableError
 * past the time limit.
 */
export function readUpload(bytes: Buffer, kind: 'docx' | 'text'): Promise<ReadSummary> {
  return readSummaryOffThread(bytes, kind);
}

/**
 * Proofreads an uploaded summary in the parse pool; with `org`, also against its records for
 * `period` (default: the period the document names; ValidationError when it names none).
 * Errors as readUpload.
 */
export async function checkUpload(app: AppContext, bytes: Buffer, kind: 'docx' | 'text', org?: Organization, period?: Period): Promise<CheckedDoc> {
  const read = await readUpload(bytes, kind);
  if (!org) return checkDocTextOffThread('upload', read.text);
  const facts = await factsFor(app, org, period ?? documentPeriodOf(read.analysis));
  return checkDocTextOffThread('upload', read.text, { facts });
}
