// The GB/T 9704 layout for real: a generated multi-page summary is rendered to .docx, converted
// to PDF by LibreOffice (with fonts/fonts.conf), and measured from `pdftotext -tsv`, which writes
// the same word and line bounding boxes as `pdftotext -bbox`, one per row. Needs the packages of
// scripts/apt-packages-render.txt; skipped where LibreOffice is missing, except in CI.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { renderDocx } from '../../src/render/docx.ts';
import { convertDocxToPdf } from '../../src/render/pdf.ts';
import { makeLongDraft } from '../factories/draft.ts';

const MM = 72 / 25.4; // PDF points per millimetre
const A4 = { width: 210 * MM, height: 297 * MM };
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const TOLERANCE = 1 * MM; // DOC-04: 37 ± 1 mm, 28 ± 1 mm

function has(cmd: string, versionFlag: string): boolean {
  try {
    execFileSync(cmd, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const toolsPresent = has('soffice', '--version') && has('pdftotext', '-v');

interface Line {
  page: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  text: string;
}

/** Lines of the PDF with their boxes (points, origin top left) and text, in reading order. */
function pdfLines(pdf: string): { pages: { width: number; height: number }[]; lines: Line[] } {
  const tsv = execFileSync('pdftotext', ['-tsv', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages: { width: number; height: number }[] = [];
  const lines = new Map<string, Line>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12) continue;
    const [level, page, par, block, line, , left, top, width, height] = c.slice(0, 10).map(Number) as number[];
    const text = c.slice(11).join('\t');
    if (level === 1) pages[page! - 1] = { width: width!, height: height! };
    const key = `${page}/${par}/${block}/${line}`;
    if (level === 4) lines.set(key, { page: page!, left: left!, top: top!, right: left! + width!, bottom: top! + height!, text: '' });
    // Words of a line are split at spaces (and at the gap LibreOffice puts between Chinese and
    // digits); joined without them, the line's text is its characters.
    if (level === 5) lines.get(key)!.text += text;
  }
  return { pages, lines: [...lines.values()] };
}

const PAGE_NUMBER = /^—(\d+)—$/;
const HEADING_START = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/;
const CLOSING_PUNCTUATION = /[，。、；：？！”’）》]$/;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe.skipIf(!toolsPresent && !process.env.CI)('GB/T 9704 layout rendered by LibreOffice', () => {
  const outDir = join(process.cwd(), 'test-artifacts', 'render');
  let pages: { width: number; height: number }[];
  let body: Line[];
  let footers: Line[];
  let pitch: number;
  let gridTop: number;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    const docx = join(outDir, 'long-summary.docx');
    writeFileSync(docx, await renderDocx(makeLongDraft(3)));
    const pdf = await convertDocxToPdf(docx, outDir);
    // Page images for a person to look at (not asserted on).
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(outDir, 'long-summary')]);
    const parsed = pdfLines(pdf);
    pages = parsed.pages;
    footers = parsed.lines.filter((l) => PAGE_NUMBER.test(l.text));
    // The title (22 pt) is set apart by its height; body lines are 16 pt.
    body = parsed.lines.filter((l) => !PAGE_NUMBER.test(l.text) && l.bottom - l.top < 24);
    const steps: number[] = [];
    for (let i = 1; i < body.length; i++) {
      const [a, b] = [body[i - 1]!, body[i]!];
      if (a.page === b.page && b.top - a.top < 40) steps.push(b.top - a.top);
    }
    pitch = median(steps);
    gridTop = median(pages.slice(1).map((_, i) => body.find((l) => l.page === i + 2)!.top));
  }, 180_000);

  it('produces at least three A4 pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(A4.width, 0);
      expect(p.height).toBeCloseTo(A4.height, 0);
    }
  });

  it('spaces lines at 225 mm / 22 (DOC-06)', () => {
    expect(Math.abs(pitch - (225 * MM) / 22)).toBeLessThan(0.15);
  });

  it('puts every body line on one of 22 grid lines, and fills every page that ends mid-text (DOC-06)', () => {
    const slot = (l: Line) => (l.top - gridTop) / pitch;
    for (const l of body) {
      expect(Math.abs(slot(l) - Math.round(slot(l))), `off-grid: p.${l.page} ${l.text}`).toBeLessThan(0.1);
      expect(Math.round(slot(l))).toBeGreaterThanOrEqual(0);
      expect(Math.round(slot(l))).toBeLessThanOrEqual(21);
    }
    const last = pages.length;
    let full = 0;
    for (let p = 1; p < last; p++) {
      const lines = body.filter((l) => l.page === p);
      if (Math.round(slot(lines.at(-1)!)) === 21) { full++; continue; }
      // A page ends early only where a heading was kept with its text, or where the paragraph
      // before the sign-off went over with it (GB/T 9704 7.3.5).
      const next = body.find((l) => l.page === p + 1)!;
      expect(HEADING_START.test(next.text) || p + 1 === last, `page ${p} ends at slot ${slot(lines.at(-1)!)}`).toBe(true);
    }
    expect(full).toBeGreaterThanOrEqual(Math.ceil((last - 1) / 2));
  });

  it('sets full lines of 28 characters, 26 after the 2-character indent (DOC-06, DOC-10)', () => {
    // A line is full when the next one continues its paragraph (starts at the left margin).
    const full = body
      .map((l, i) => ({ l, next: body[i + 1] }))
      .filter(({ l, next }) => next !== undefined && Math.abs(next.left - MARGIN.left) < 2 && !/[\u0020-\u007e]/.test(l.text));
    expect(full.length).toBeGreaterThan(60);
    let exact = 0;
    for (const { l, next } of full) {
      const capacity = 28 - Math.round((l.left - MARGIN.left) / 15.75);
      const n = [...l.text].length;
      if (n === capacity) { exact++; continue; }
      // Chinese line breaking: closing punctuation may hang past the margin as an extra
      // character, and may not start a line, which pulls one character down with it.
      const hanging = n === capacity + 1 && CLOSING_PUNCTUATION.test(l.text);
      const pulled = n === capacity - 1 && CLOSING_PUNCTUATION.test(next!.text.slice(0, 2));
      // A number is never split: one that does not fit goes down whole.
      const numberDown = n >= capacity - 2 && /^\d/.test(next!.text);
      expect(hanging || pulled || numberDown, `p.${l.page}: ${n} characters for ${capacity}: ${l.text}`).toBe(true);
    }
    expect(exact / full.length).toBeGreaterThan(0.75);
  });

  it('never breaks a line inside a number', () => {
    for (let i = 1; i < body.length; i++) {
      const [a, b] = [body[i - 1]!, body[i]!];
      expect(/\d$/.test(a.text) && /^\d/.test(b.text), `${a.text} / ${b.text}`).toBe(false);
    }
  });

  it('keeps the margins: top 37 mm, left 28 mm, right 26 mm, bottom 35 mm, each within 1 mm (DOC-04)', () => {
    // With exact line spacing LibreOffice (like Word) puts a line's extra leading above the
    // characters, so a line's box ends at the bottom of its grid line: the text block starts one
    // pitch above the first line's box bottom and ends at the 22nd line's box bottom.
    const firstBottom = body.find((l) => l.page === 2)!.bottom;
    expect(Math.abs(firstBottom - pitch - MARGIN.top)).toBeLessThan(TOLERANCE);
    const continuation = body.filter((l) => l.left < MARGIN.left + 10);
    expect(Math.abs(Math.min(...continuation.map((l) => l.left)) - MARGIN.left)).toBeLessThan(TOLERANCE);
    const full28 = body.filter((l) => [...l.text].length === 28 && !/[\u0020-\u007e]/.test(l.text));
    for (const l of full28) expect(Math.abs(A4.width - l.right - MARGIN.right)).toBeLessThan(TOLERANCE);
    const slot21 = body.filter((l) => Math.round((l.top - gridTop) / pitch) === 21);
    expect(slot21.length).toBeGreaterThan(0);
    for (const l of slot21) expect(Math.abs(A4.height - l.bottom - MARGIN.bottom)).toBeLessThan(TOLERANCE);
  });

  it('numbers every page "— N —" below the text block, odd pages right and even pages left, one character in (DOC-14)', () => {
    expect(footers.map((f) => f.page)).toEqual(pages.map((_, i) => i + 1));
    const oneChar = 14; // 4号 = 14 pt
    for (const f of footers) {
      expect(Number(PAGE_NUMBER.exec(f.text)![1])).toBe(f.page);
      expect(f.top).toBeGreaterThan(A4.height - MARGIN.bottom);
      expect(f.top).toBeLessThan(A4.height - MARGIN.bottom + 12 * MM);
      if (f.page % 2 === 1) expect(Math.abs(A4.width - MARGIN.right - oneChar - f.right)).toBeLessThan(TOLERANCE);
      else expect(Math.abs(MARGIN.left + oneChar - f.left)).toBeLessThan(TOLERANCE);
    }
  });

  it('signs off on the last page, the name right-aligned 2 characters in', () => {
    const last = body.filter((l) => l.page === pages.length);
    const name = last.find((l) => l.text === '州审计局党支部')!;
    expect(name).toBeDefined();
    expect(Math.abs(A4.width - MARGIN.right - 2 * 15.75 - name.right)).toBeLessThan(TOLERANCE);
    expect(last.at(-1)!.text).toBe('2023年11月10日');
    // The sign-off does not stand alone: body text precedes it on the page.
    expect(last.length).toBeGreaterThan(2);
  });
});
