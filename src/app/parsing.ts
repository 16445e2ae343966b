/**
 * The heavy, database-free half of reading uploads: a summary's bytes to text (.docx through
 * mammoth after the zip-bomb guard, .txt as UTF-8 or GB18030), a text to its analysis and
 * proofreading findings, and a roster's bytes to its sheet. Each one is bounded by
 * UPLOAD_LIMITS (src/contract/uploads.ts). The server runs them in worker threads
 * (parse-pool.ts, parse-worker.ts) so the event loop never waits on them; the CLI calls them
 * directly.
 */
import mammoth from 'mammoth';
import { UPLOAD_LIMITS, formatBytes } from '../contract/uploads.ts';
import { analyzeWithContext } from '../domain/analysis/analyze.ts';
import { proofreadContext, type ProofreadOptions } from '../domain/analysis/proofread.ts';
import type { DocFinding, SummaryAnalysis } from '../domain/analysis/types.ts';
import { TooLargeError, ValidationError } from '../domain/errors.ts';
import type { RosterSheet } from '../domain/member/roster.ts';
import { readRosterSheet } from '../render/xlsx-roster.ts';
import { assertZipWithinLimits } from '../render/zip-guard.ts';

const ZIP_LIMITS = { entries: UPLOAD_LIMITS.zipEntries, uncompressedBytes: UPLOAD_LIMITS.zipUncompressedBytes };

/**
 * Throws TooLargeError when `text` is longer than the stated character limit (UPLOAD_LIMITS.textChars).
 * `name` names the file in the message.
 */
export function assertTextWithinLimit(text: string, name = '文件'): void {
  if (text.length > UPLOAD_LIMITS.textChars) {
    throw new TooLargeError(`${name}的正文有 ${text.length.toLocaleString('en-US')} 字，超过 ${UPLOAD_LIMITS.textChars.toLocaleString('en-US')} 字的上限；请拆分后分别审校`);
  }
}

/**
 * The text of a summary given as bytes: `docx` through mammoth (after assertZipWithinLimits),
 * `text` as UTF-8 or GB18030 (files saved by older Chinese Windows). Throws ValidationError for
 * an unreadable .docx, TooLargeError beyond the byte, archive or character limits.
 */
export async function summaryText(bytes: Buffer, kind: 'docx' | 'text', name = '文件'): Promise<string> {
  let text: string;
  if (kind === 'docx') {
    if (bytes.length > UPLOAD_LIMITS.docxBytes) throw new TooLargeError(`Word 文件超过 ${formatBytes(UPLOAD_LIMITS.docxBytes)} 的上限：${name}`);
    if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw unreadableDocx(name);
    await assertZipWithinLimits(bytes, ZIP_LIMITS, `Word 文件${name === '文件' ? '' : `“${name}”`}`);
    try {
      const r = await mammoth.extractRawText({ buffer: bytes });
      // mammoth ends every paragraph with a blank line; one line per paragraph reads like a .txt file.
      text = r.value.replace(/\n\n/g, '\n');
    } catch {
      throw unreadableDocx(name);
    }
  } else {
    if (bytes.length > UPLOAD_LIMITS.textBytes) throw new TooLargeError(`文本文件超过 ${formatBytes(UPLOAD_LIMITS.textBytes)} 的上限：${name}`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
  }
  assertTextWithinLimit(text, name);
  return text;
}

function unreadableDocx(name: string): ValidationError {
  return new ValidationError(`无法读取 Word 文件：${name}（请确认是 .docx 格式）`, [{ field: 'file', message: '不是有效的 .docx 文件' }]);
}

/**
 * A function from an offset in `text` to its line and column (1-based). The line starts are
 * found once and searched by bisection: a text with many findings costs O(n + f log n), where
 * scanning from the start for every finding was quadratic (issue 13: a 1.8 MB text stalled 111 s).
 */
export function lineColumnOf(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Line and column (1-based) of one offset in `text` (for many offsets use lineColumnOf). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineColumnOf(text)(offset);
}

/** A checked document: its findings (ranked) with line and column for display. */
export interface CheckedDoc {
  file: string;
  text: string;
  analysis: SummaryAnalysis;
  findings: Array<DocFinding & { line: number; column: number }>;
}

/** A summary read from an upload: its text and analysis. */
export interface ReadSummary {
  text: string;
  analysis: SummaryAnalysis;
}

/** Reads and analyses a summary upload (see summaryText for the errors). */
export async function readSummary(bytes: Buffer, kind: 'docx' | 'text', name = '文件'): Promise<ReadSummary> {
  const text = await summaryText(bytes, kind, name);
  return { text, analysis: analyzeWithContext(text).analysis };
}

/** Proofreads a summary's text (`name` is for display). TooLargeError beyond the character limit. */
export function checkDocText(name: string, text: string, options: ProofreadOptions = {}): CheckedDoc {
  assertTextWithinLimit(text, name);
  const ctx = analyzeWithContext(text);
  const at = lineColumnOf(text);
  // Built field by field: an object spread here cost seconds on 100,000 findings.
  const findings = proofreadContext(ctx, options).map((f) => {
    const { line, column } = at(f.offset);
    return { kind: f.kind, severity: f.severity, offset: f.offset, length: f.length, message: f.message, suggestion: f.suggestion, line, column };
  });
  return { file: name, text, analysis: ctx.analysis, findings };
}

/** A roster's sheet from its bytes, within the stated limits (readRosterSheet). */
export function readRoster(bytes: Buffer): Promise<RosterSheet> {
  return readRosterSheet(bytes);
}
