/**
 * Corpus tier (runs when ../shared/seeds exists): issue 5 acceptance on the five real seeds: outline, statistics and placeholders against
 * hand-written expectations, and the proofreading findings a careful reader expects — with no
 * false alarm among the errors and warnings.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSummary } from '../../src/domain/analysis/analyze.ts';
import { proofreadSummary } from '../../src/domain/analysis/proofread.ts';
import expected from '../fixtures/analysis/seeds-expected.json' with { type: 'json' };
import { corpusTitle, readSeed, SEEDS_PRESENT } from './seeds-dir.ts';

interface SeedExpectation {
  file: string;
  title: string;
  org: string | null;
  year: number;
  period: string;
  titlePeriod: string;
  outline: Array<[number, string, string]>;
  sections: { results: string; problems: string; plans: string };
  metrics: Array<[string, number | null, string, string]>;
  notMetrics: string[];
  placeholders: number;
  findings: Array<[string, string]>;
  accepted: Array<[string, string]>;
}

const seeds = Object.entries(expected.seeds as unknown as Record<string, SeedExpectation>);
const read = readSeed;

describe.skipIf(!SEEDS_PRESENT).each(seeds)(corpusTitle('seed %s'), (_id, exp) => {
  // Read lazily: the suite body runs even when skipped, and the seeds are absent then.
  const text = SEEDS_PRESENT ? read(exp.file) : '';
  const a = analyzeSummary(text);

  it('reads title, organization, year and period', () => {
    expect({ title: a.title, org: a.org, year: a.year, period: a.period, titlePeriod: a.titlePeriod })
      .toEqual({ title: exp.title, org: exp.org, year: exp.year, period: exp.period, titlePeriod: exp.titlePeriod });
  });

  it('finds exactly the level-1 and level-2 headings', () => {
    const got = a.outline.filter((h) => h.level <= 2).map((h) => [h.level, h.marker, h.text]);
    expect(got).toEqual(exp.outline);
    for (const h of a.outline) expect(text.slice(h.offset, h.offset + h.marker.length)).toBe(h.marker);
  });

  it('splits results, problems and plans', () => {
    expect(a.sections.results?.text).toContain(exp.sections.results);
    expect(a.sections.problems?.text).toContain(exp.sections.problems);
    expect(a.sections.plans?.text).toContain(exp.sections.plans);
    // A section never swallows another's opening line.
    expect(a.sections.results?.text).not.toContain(exp.sections.problems);
    expect(a.sections.problems?.text).not.toContain(exp.sections.plans);
  });

  it('lists every statistic a careful reader would list, in order', () => {
    let from = 0;
    for (const [quote, value, unit, word] of exp.metrics) {
      const i = a.metrics.findIndex((m, k) => k >= from && m.quote === quote && m.value === value && m.unit === unit && m.what.includes(word));
      expect(i, `${quote} (${word})`).toBeGreaterThanOrEqual(0);
      from = i + 1;
      const m = a.metrics[i]!;
      expect(text.slice(m.offset, m.offset + m.quote.length)).toBe(m.quote);
    }
  });

  it('takes no date, year, ordinal, cohort or name for a statistic', () => {
    for (const not of exp.notMetrics) {
      for (let i = text.indexOf(not); i >= 0; i = text.indexOf(not, i + 1)) {
        const inside = a.metrics.filter((m) => m.offset >= i && m.offset < i + not.length);
        expect(inside.map((m) => m.quote), `${not} at ${i}`).toEqual([]);
      }
    }
  });

  it('finds every placeholder, with its offset in the original', () => {
    expect(a.placeholders).toHaveLength(exp.placeholders);
    for (const p of a.placeholders) {
      expect(p.text).toMatch(/^(X+|x+|×+|\*{3,})$/);
      expect(text.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
    }
  });

  const findings = SEEDS_PRESENT ? proofreadSummary(text) : [];
  const flagged = (f: { offset: number; length: number }) => text.slice(f.offset, f.offset + f.length);

  it('reports the known defects and every placeholder', () => {
    const got = findings.map((f) => [f.kind, flagged(f)]);
    for (const want of exp.findings) expect(got).toContainEqual(want);
    expect(findings.filter((f) => f.kind === 'placeholder')).toHaveLength(exp.placeholders);
  });

  it('raises no false alarm among its errors and warnings, and ranks the surest first', () => {
    const accepted = new Set(exp.accepted.map(([k, t]) => `${k}|${t}`));
    for (const f of findings.filter((x) => x.severity !== 'info' && x.kind !== 'placeholder')) {
      expect(accepted.has(`${f.kind}|${flagged(f)}`), `${f.kind} ${flagged(f)}: ${f.message}`).toBe(true);
    }
    // The top ten are errors or warnings, never informational style notes.
    for (const f of findings.slice(0, 10)) expect(f.severity).not.toBe('info');
    for (const f of findings) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.length).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(!SEEDS_PRESENT)(corpusTitle('seed-specific defects'), () => {
  it('000: the annual title over a third-quarter body comes first, then the broken formulation of the plan section', () => {
    const text = read('000_0369b655c02adc51.txt');
    const [first, second] = proofreadSummary(text);
    expect(first).toMatchObject({ kind: 'period-mismatch', severity: 'error', offset: 0 });
    expect(first!.message).toContain('第三季度');
    expect(second).toMatchObject({ kind: 'formulation', suggestion: '新时代中国特色社会主义' });
    const plans = analyzeSummary(text).sections.plans!;
    expect(second!.offset).toBeGreaterThan(plans.offset);
  });

  it('003: 自已 twice, both with the fix 自己', () => {
    const typos = proofreadSummary(read('003_6f3713c76475a20e.txt')).filter((f) => f.kind === 'typo' && f.suggestion === '自己');
    expect(typos).toHaveLength(2);
  });

  it('002: the reversed quotation marks are reported where they stand, with the mark that was meant', () => {
    const text = read('002_d063b326d03a95c2.txt');
    const pairs = proofreadSummary(text).filter((f) => f.kind === 'unbalanced-pair');
    expect(pairs.map((f) => [text.slice(f.offset - 4, f.offset + 1), f.suggestion])).toEqual([
      ['机关党建”', '“'],
      ['中心工作“', '”'],
    ]);
  });

  it('004: the doubled 的 is found although the sentence was broken over two lines', () => {
    const text = read('004_09bcb4797df57e9b.txt');
    const d = proofreadSummary(text).filter((f) => f.kind === 'doubled-char');
    expect(d).toHaveLength(1);
    expect(text.slice(d[0]!.offset - 4, d[0]!.offset + 4)).toBe('办法不多的的情况');
    // and the broken line was joined in the cleaned text
    expect(analyzeSummary(text).cleanText).toContain('学习的形式比较单一');
  });

  it('001: the advertising lines and the site markers are removed, the broken word joined', () => {
    const a = analyzeSummary(read('001_6708dfa4ebde6404.txt'));
    expect(a.cleanText).not.toMatch(/##paid|素材库|代笔|客服/);
    expect(a.cleanText).toContain('层层抓好工作落实');
  });
});
