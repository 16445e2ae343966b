import { describe, expect, it } from 'vitest';

import { signoffIndents, titleLines, widthInChars } from './layout.ts';

describe('widthInChars', () => {
  it('counts Chinese characters and full-width punctuation as 1 and ASCII digits as ½', () => {
    expect(widthInChars('2023年11月10日')).toBe(7);
    expect(widthInChars('“三会一课”，')).toBe(7);
  });
});

describe('signoffIndents (DOC-12)', () => {
  it('puts the name 2 characters in and starts the date 2 characters right of the name', () => {
    // Name 7 wide, date 6.5 wide: the date starts at name + 2, so it ends 0.5 in.
    expect(signoffIndents('州审计局党支部', '2023年10月8日')).toEqual({ name: 2, date: 0.5 });
    expect(signoffIndents('州直机关党委党建办公室', '2023年11月10日')).toEqual({ name: 2, date: 4 });
  });

  it('sets a date longer than the name 2 in and moves the name left to keep the offset', () => {
    expect(signoffIndents('一支部', '2023年11月10日')).toEqual({ name: 8, date: 2 });
  });
});

describe('titleLines (DOC-09)', () => {
  it('keeps a title that fits on one line whole', () => {
    expect(titleLines('州审计局党支部2023年度党建工作总结', '州审计局党支部')).toEqual(['州审计局党支部2023年度党建工作总结']);
  });

  it('breaks an annual summary with plan before 及', () => {
    expect(titleLines('州审计局党支部2023年党建工作总结及2024年工作计划', '州审计局党支部'))
      .toEqual(['州审计局党支部2023年党建工作总结', '及2024年工作计划']);
  });

  it('breaks after a long organization name when that balances the lines', () => {
    expect(titleLines('中共某某州审计局机关第一党支部委员会2023年第三季度工作情况报告', '中共某某州审计局机关第一党支部委员会'))
      .toEqual(['中共某某州审计局机关第一党支部委员会', '2023年第三季度工作情况报告']);
  });

  it('never splits a number, and keeps both lines within 20 characters', () => {
    const lines = titleLines('关于进一步加强和改进新时代基层党组织建设工作2023年度情况的报告', '');
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toBe('关于进一步加强和改进新时代基层党组织建设工作2023年度情况的报告');
    for (const l of lines) expect(widthInChars(l)).toBeLessThanOrEqual(20);
    expect(/\d$/.test(lines[0]!) && /^\d/.test(lines[1]!)).toBe(false);
  });
});
