/**
 * Bounded work per upload (issue 13, Why 3): the zip guard refuses before inflating, the roster
 * reader stops at its row limit, the text has a character limit, proofreading stays linear, and
 * the parse pool keeps the event loop free and stops a task past its time limit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../src/contract/uploads.ts';
import { checkDocText, lineColumnOf, summaryText } from '../../src/app/parsing.ts';
import { checkDocTextOffThread, closeParsePool, readSummaryOffThread, validateRosterOffThread } from '../../src/app/parse-pool.ts';
import { TooLargeError, UnavailableError, ValidationError } from '../../src/domain/errors.ts';
import { readRosterSheet } from '../../src/render/xlsx-roster.ts';
import { assertZipWithinLimits } from '../../src/render/zip-guard.ts';
import { hugeRosterXlsx, lyingDocx, manyEntriesDocx, pathologicalText, smallDocx, zipBombDocx } from '../factories/hostile-files.ts';

const ZIP = { entries: UPLOAD_LIMITS.zipEntries, uncompressedBytes: UPLOAD_LIMITS.zipUncompressedBytes };

afterAll(closeParsePool);

/** Runs `work` while sampling how late a 20 ms timer fires; returns the result and the worst lag. */
async function withLoopLag<T>(work: () => Promise<T>): Promise<{ value: T | Error; maxLagMs: number }> {
  let maxLagMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - last - 20);
    last = now;
  }, 20);
  try {
    return { value: await work().catch((e: Error) => e), maxLagMs };
  } finally {
    clearInterval(timer);
  }
}

describe('text: linear proofreading and a character limit', () => {
  it('finds line and column for a million offsets in a million-character line at once (was one scan per finding)', () => {
    const text = '“（'.repeat(500_000);
    const at = lineColumnOf(text);
    const started = performance.now();
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum += at(i).column;
    expect(sum).toBe((text.length * (text.length + 1)) / 2);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(lineColumnOf('ab\ncd\n\nef')(7)).toEqual({ line: 4, column: 1 });
  });

  it('proofreads a pathological text at the character limit in bounded time, and refuses one character more', () => {
    const text = '“（'.repeat(UPLOAD_LIMITS.textChars / 2);
    const started = performance.now();
    const checked = checkDocText('x', text);
    expect(checked.findings.length).toBeGreaterThan(50_000);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(() => checkDocText('x', `${text}“`)).toThrow(TooLargeError);
    expect(() => checkDocText('x', `${text}“`)).toThrow(/100,000 字的上限/);
  });

  it('refuses the 1.8 MB text of issue 13 by its character limit', async () => {
    const bytes = Buffer.from(pathologicalText());
    await expect(summaryText(bytes, 'text')).rejects.toThrow(TooLargeError);
    await expect(summaryText(Buffer.alloc(UPLOAD_LIMITS.textBytes + 1, 0x61), 'text')).rejects.toThrow(/2 MB 的上限/);
  });
});

describe('.docx/.xlsx: the zip guard', () => {
  it('reads a real .docx', async () => {
    const summary = await assertZipWithinLimits(await smallDocx(), ZIP, 'Word 文件');
    expect(summary.names).toContain('word/document.xml');
    expect(await summaryText(await smallDocx('某某党支部工作总结'), 'docx')).toContain('某某党支部工作总结');
  });

  it('refuses a zip bomb by its declared size, without inflating it', async () => {
    const bomb = await zipBombDocx(150);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    await expect(assertZipWithinLimits(bomb, ZIP, 'Word 文件')).rejects.toThrow(TooLargeError);
    await expect(summaryText(bomb, 'docx')).rejects.toThrow(/解压后过大（上限 100 MB）/);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses an archive whose directory understates what it unpacks to, after inflating no more than declared', async () => {
    const liar = await lyingDocx(150);
    const before = process.memoryUsage().rss;
    await expect(assertZipWithinLimits(liar, ZIP, 'Word 文件')).rejects.toThrow(ValidationError);
    await expect(summaryText(liar, 'docx')).rejects.toThrow(/压缩内容与目录不符/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses an archive of more entries than the limit', async () => {
    await expect(assertZipWithinLimits(await manyEntriesDocx(1500), ZIP, 'Word 文件')).rejects.toThrow(/文件过多（上限 1000 个）/);
  });

  it('refuses a 1,000,000-row workbook at the row limit without loading it', async () => {
    const bytes = await hugeRosterXlsx(1_000_000);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const err = await readRosterSheet(bytes).catch((e: Error) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as Error).message).toMatch(/超过 20,000 行的上限/);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  }, 180_000);
});

describe('the parse pool', () => {
  it('reads and proofreads in a worker while the event loop stays free', async () => {
    const read = await readSummaryOffThread(Buffer.from('某某党支部2025年第一季度工作总结\n一、主要工作\n召开支委会3次。'), 'text');
    expect(read.analysis.title).toBe('某某党支部2025年第一季度工作总结');
    const { value, maxLagMs } = await withLoopLag(() => checkDocTextOffThread('x', '“（'.repeat(UPLOAD_LIMITS.textChars / 2)));
    expect(value).not.toBeInstanceOf(Error);
    expect((value as { findings: unknown[] }).findings.length).toBeGreaterThan(50_000);
    expect(maxLagMs).toBeLessThan(1_000);
  }, 120_000);

  it('carries the error kinds back from the worker', async () => {
    await expect(readSummaryOffThread(Buffer.from('not a zip'), 'docx')).rejects.toThrow(ValidationError);
    await expect(readSummaryOffThread(await zipBombDocx(150), 'docx')).rejects.toThrow(TooLargeError);
    const result = await validateRosterOffThread(await hugeRosterXlsx(30_000), { today: '2025-06-10' }).catch((e: Error) => e);
    expect(result).toBeInstanceOf(TooLargeError);
  }, 120_000);

  it('stops a task past its time limit with a clear error', async () => {
    const err = await checkDocTextOffThread('x', '“（'.repeat(UPLOAD_LIMITS.textChars / 2), {}, 50).catch((e: Error) => e);
    expect(err).toBeInstanceOf(UnavailableError);
    expect((err as Error).message).toMatch(/秒仍未完成，已停止/);
    // The pool still works afterwards.
    const read = await readSummaryOffThread(Buffer.from('测试'), 'text');
    expect(read.text).toBe('测试');
  }, 120_000);
});
