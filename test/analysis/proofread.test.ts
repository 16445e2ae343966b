import { describe, expect, it } from 'vitest';
import { analyzeSummary } from '../../src/domain/analysis/analyze.ts';
import { cleanSummaryText } from '../../src/domain/analysis/clean.ts';
import { findApproximate } from '../../src/domain/analysis/fuzzy.ts';
import { parseChineseNumeral } from '../../src/domain/analysis/numerals.ts';
import { DEFAULT_FORMULATIONS, proofreadSummary, rankFindings } from '../../src/domain/analysis/proofread.ts';
import type { DocFinding } from '../../src/domain/analysis/types.ts';

/** A small summary around one body paragraph. */
function doc(body: string, title = '某局党支部2023年度党建工作总结'): string {
  return `${title}\n2023年，支部在局党组的领导下开展工作。现将全年工作总结如下：\n一、主要工作和成效\n${body}\n二、存在的问题\n学习还不够深入。\n三、下一步工作打算\n继续抓好学习。\n`;
}
const kinds = (text: string, kind: DocFinding['kind']) => proofreadSummary(text).filter((f) => f.kind === kind);
const flagged = (text: string, f: DocFinding) => text.slice(f.offset, f.offset + f.length);

describe('formulations', () => {
  it('catches a missing, an extra and a changed character, and a wrong numeral', () => {
    for (const [wrong, right] of [
      ['坚持以习近平新时代中国特社会主义思想为指导。', '习近平新时代中国特色社会主义思想'],
      ['坚定不移推进全面从严治治党。', '全面从严治党'],
      ['深入贯彻中央八项规定精精神。', '中央八项规定精神'],
      ['增强“四个意识”、坚定“三个自信”。', '四个自信'],
      ['严格落实中央八项规矩精神。', '中央八项规定精神'],
    ] as const) {
      const t = doc(wrong);
      const f = kinds(t, 'formulation');
      expect(f, wrong).toHaveLength(1);
      expect(f[0]!.suggestion).toBe(right);
    }
  });

  it('leaves correct and legitimately different wordings alone', () => {
    const t = doc('深入学习习近平新时代中国特色社会主义思想，坚持和发展中国特色社会主义，开展“我为群众办实事”和为群众办实事活动，' +
      '落实中央八项规定及其实施细则精神，不忘初心，牢记使命，推进党支部标准化、规范化建设，不断提高政治判断力、领悟力、执行力。');
    expect(kinds(t, 'formulation')).toEqual([]);
  });

  it('has a source for every formulation in the list', () => {
    for (const f of DEFAULT_FORMULATIONS) expect(f.source.length, f.text).toBeGreaterThan(5);
    expect(findApproximate('中国特社会主义', '中国特色社会主义', 1)).toEqual([{ start: 0, end: 7, distance: 1 }]);
  });
});

describe('doubled characters', () => {
  it('reports 的的 and 了了 typed by mistake', () => {
    const t = doc('支部开展的的学习活动取得了了明显成效。');
    expect(kinds(t, 'doubled-char').map((f) => flagged(t, f))).toEqual(['的的', '了了']);
  });

  it('does not report legitimate doubles', () => {
    const t = doc('常常看看人人事事时时处处层层件件，比如如何落实，为了了解情况，达到目的的手段，的的确确，不了了之，作为为民服务的窗口，' +
      '需要要求严格，以“钉钉子”精神抓落实，确保件件有落实。');
    expect(kinds(t, 'doubled-char')).toEqual([]);
  });
});

describe('typos, punctuation and dates', () => {
  it('finds 自已 but not 不能自已, and the 的/地 and 的/得 classes', () => {
    const t = doc('带头管好自已的阵地，激动得不能自已。要认真的开展学习，把工作做的很扎实，开展了深入的学习。');
    expect(kinds(t, 'typo').map((f) => [flagged(t, f), f.suggestion])).toEqual([['自已', '自己'], ['的', '地'], ['的', '得']]);
  });

  it('reports half-width punctuation, spaces and 、等 in Chinese text, not in numbers', () => {
    const t = doc('采取对账销号制度,解决一个 ,销号一个。参照《细则(试行)》，共1,000人于9:30参加；禁毒、等工作。');
    expect(kinds(t, 'punctuation').map((f) => flagged(t, f))).toEqual([',', ' ,', '(试行)', '、等']);
  });

  it('reports dates with leading zeros and suggests the GB/T 9704 form', () => {
    const t = doc('2023年01月05日召开支委会，2023年11月10日召开党员大会，2023.3.8开展活动。');
    const f = kinds(t, 'date-format');
    expect(f.map((x) => [flagged(t, x), x.suggestion])).toEqual([['2023年01月05日', '2023年1月5日'], ['2023.3.8', '2023年3月8日']]);
  });
});

describe('headings, pairs and period', () => {
  it('reports a skipped and a repeated heading number, restarting the sub-level under each heading', () => {
    const t = '某支部2023年度工作总结\n一、学习\n（一）甲\n（二）乙\n二、组织\n（一）丙\n（一）丁\n四、问题\n';
    const f = kinds(t, 'heading-sequence');
    expect(f.map((x) => [flagged(t, x), x.message.includes('重复') ? '重复' : '跳号'])).toEqual([['（一）', '重复'], ['四、', '跳号']]);
  });

  it('reads half-width and 1、 markers, but not 一是 leads, as headings', () => {
    const a = analyzeSummary('某支部2023年度工作总结\n一、学习\n(一)甲\n1、要点\n(1)细节\n一是抓学习。二是抓落实。\n2.另一要点\n');
    expect(a.outline.map((h) => [h.level, h.marker, h.text])).toEqual([
      [1, '一、', '学习'], [2, '(一)', '甲'], [3, '1、', '要点'], [4, '(1)', '细节'], [3, '2.', '另一要点'],
    ]);
  });

  it('reports unclosed book-title marks and brackets', () => {
    const t = doc('学习《党章和（试行条例。');
    expect(kinds(t, 'unbalanced-pair').map((f) => flagged(t, f))).toEqual(['《', '（']);
  });

  it('reports a half-year title over a quarterly body, not an annual body with a cut-off date', () => {
    const bad = '某支部2023年上半年党建工作总结\n现将第二季度工作情况报告如下：\n一、第二季度主要工作\n开展学习。\n';
    expect(kinds(bad, 'period-mismatch')).toHaveLength(1);
    const ok = '某支部2023年度党建工作总结\n截至11月10日，现将2023年以来工作总结如下：\n一、主要工作\n开展学习。\n';
    expect(kinds(ok, 'period-mismatch')).toEqual([]);
  });
});

describe('cleaning, numerals and ranking', () => {
  it('maps every cleaned character back to the original', () => {
    const raw = '标题\n第一行的内容很长很长很长很长很长，学##paidbegin##习\n的形式比较单一。\n【哒哒素材库】会员群更新\n';
    const c = cleanSummaryText(raw);
    expect(c.text).toBe('标题\n第一行的内容很长很长很长很长很长，学习的形式比较单一。\n');
    for (let i = 0; i < c.text.length; i++) if (c.text[i] !== '\n') expect(raw[c.origin[i]!]).toBe(c.text[i]);
  });

  it('parses Chinese numerals and refuses names', () => {
    expect([parseChineseNumeral('十'), parseChineseNumeral('二十三'), parseChineseNumeral('一百零五'), parseChineseNumeral('十四五')]).toEqual([10, 23, 105, null]);
  });

  it('ranks errors before warnings before notes, surest kinds first', () => {
    const f = (kind: DocFinding['kind'], severity: DocFinding['severity'], offset: number): DocFinding => ({ kind, severity, offset, length: 1, message: '测', suggestion: null });
    const ranked = rankFindings([f('punctuation', 'info', 0), f('placeholder', 'error', 1), f('heading-sequence', 'warning', 0), f('period-mismatch', 'error', 9)]);
    expect(ranked.map((x) => x.kind)).toEqual(['period-mismatch', 'placeholder', 'heading-sequence', 'punctuation']);
  });
});
