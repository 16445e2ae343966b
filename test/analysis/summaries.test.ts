/**
 * Reading and proofreading on summaries written for the tests (test/fixtures/summaries): the
 * cases the real seeds exercise in the corpus tier — period mismatch, garbled formulation, typos,
 * reversed quotation marks, a doubled character over a line break, a document-sharing site's
 * markers and advertising — on text that ships with the repository.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSummary } from '../../src/domain/analysis/analyze.ts';
import { proofreadSummary } from '../../src/domain/analysis/proofread.ts';

const read = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/summaries', name), 'utf8');
const FILES = ['q3-under-annual-title.txt', 'site-copy.txt', 'reversed-quotes.txt', 'annual-with-figures.txt', 'doubled-char.txt'];

describe.each(FILES)('%s', (file) => {
  const text = read(file);
  const a = analyzeSummary(text);
  const findings = proofreadSummary(text);

  it('finds headings, sections and statistics at their offsets in the original', () => {
    expect(a.outline.length).toBeGreaterThanOrEqual(3);
    for (const h of a.outline) expect(text.slice(h.offset, h.offset + h.marker.length)).toBe(h.marker);
    expect(a.sections.results).toBeTruthy();
    expect(a.sections.problems).toBeTruthy();
    expect(a.sections.plans).toBeTruthy();
    expect(a.sections.results?.text).not.toContain(a.sections.problems!.text.slice(0, 10));
    for (const m of a.metrics) expect(text.slice(m.offset, m.offset + m.quote.length)).toBe(m.quote);
    for (const p of a.placeholders) expect(text.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
  });

  it('writes every finding in Chinese, ranks errors first, and reports every placeholder', () => {
    for (const f of findings) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.length).toBeGreaterThan(0);
    }
    const firstInfo = findings.findIndex((f) => f.severity === 'info');
    if (firstInfo >= 0) expect(findings.slice(firstInfo).filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.kind === 'placeholder')).toHaveLength(a.placeholders.length);
  });
});

describe('defects of the test summaries', () => {
  it('an annual title over a third-quarter body comes first, then the garbled formulation of the plan section', () => {
    const text = read('q3-under-annual-title.txt');
    const a = analyzeSummary(text);
    expect({ title: a.title, org: a.org, year: a.year, period: a.period, titlePeriod: a.titlePeriod })
      .toEqual({ title: 'XX党支部2024年工作情况总结报告', org: 'XX党支部', year: 2024, period: 'Q3', titlePeriod: 'annual' });
    const [first, second] = proofreadSummary(text);
    expect(first).toMatchObject({ kind: 'period-mismatch', severity: 'error', offset: 0 });
    expect(first!.message).toContain('第三季度');
    expect(second).toMatchObject({ kind: 'formulation', suggestion: '新时代中国特色社会主义' });
    expect(second!.offset).toBeGreaterThan(a.sections.plans!.offset);
    expect(a.placeholders.map((p) => p.text)).toEqual(['XX', 'X', 'X', 'X', 'X', 'X', 'XX']);
  });

  it('自已 twice, both with the fix 自己', () => {
    const typos = proofreadSummary(read('annual-with-figures.txt')).filter((f) => f.kind === 'typo' && f.suggestion === '自己');
    expect(typos).toHaveLength(2);
  });

  it('the reversed quotation marks are reported where they stand, with the mark that was meant', () => {
    const text = read('reversed-quotes.txt');
    const pairs = proofreadSummary(text).filter((f) => f.kind === 'unbalanced-pair');
    expect(pairs.map((f) => [text.slice(f.offset - 4, f.offset + 1), f.suggestion]).sort()).toEqual([
      ['中心工作“', '”'],
      ['机关党建”', '“'],
    ]);
  });

  it('the doubled 的 is found although the sentence was broken over two lines, and the line is joined', () => {
    const text = read('doubled-char.txt');
    const d = proofreadSummary(text).filter((f) => f.kind === 'doubled-char');
    expect(d).toHaveLength(1);
    expect(text.slice(d[0]!.offset - 4, d[0]!.offset + 4)).toBe('不够有力的的问题');
    expect(analyzeSummary(text).cleanText).toContain('学习的形式比较单一');
  });

  it('the site markers and advertising lines are removed, the broken word and the broken line joined', () => {
    const a = analyzeSummary(read('site-copy.txt'));
    expect(a.cleanText).not.toMatch(/##paid|素材库|代笔|客服/);
    expect(a.cleanText).toContain('层层抓好工作落实');
    expect(a.cleanText).toContain('集中轮训，队伍素质');
    expect(a.metrics.map((m) => m.quote)).toEqual(['18次', '4次', '12次']);
  });

  it('the figures of an annual summary are read in order, with what they count', () => {
    const a = analyzeSummary(read('annual-with-figures.txt'));
    expect(a.metrics.map((m) => `${m.quote}:${m.value}`)).toEqual([
      '37次:37', '301人次:301', '1次:1', '12次:12', '13次:13', '12次:12', '12次:12', '4名:4', '1名:1', '1名:1', '77次:77', '224人次:224',
    ]);
    expect(a.metrics.find((m) => m.quote === '13次')!.what).toContain('党员大会');
  });
});
