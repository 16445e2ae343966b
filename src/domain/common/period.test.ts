import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { addMonthsClamped, addYearsClamped, formatChineseDate } from './dates.ts';
import { customPeriod, periodFrom, periodLabel, quarterPeriod } from './period.ts';

describe('periods', () => {
  it('builds quarters with the right last day', () => {
    expect(quarterPeriod(2024, 1)).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterPeriod(2023, 3)).toMatchObject({ from: '2023-07-01', to: '2023-09-30' });
  });
  it('labels periods in Chinese', () => {
    expect(periodLabel(periodFrom({ year: 2023, quarter: 3 }))).toBe('2023年第三季度');
    expect(periodLabel(periodFrom({ year: 2023, half: 1 }))).toBe('2023年上半年');
    expect(periodLabel(customPeriod('2023-01-01', '2023-11-10'))).toBe('2023年1月1日至11月10日');
  });
  it('treats a full calendar year given as a range as a year', () => {
    expect(periodFrom({ from: '2023-01-01', to: '2023-12-31' }).kind).toBe('year');
  });
  it('rejects mixed or incomplete specs naming the field', () => {
    expect(() => periodFrom({ year: 2023, quarter: 1, half: 1 })).toThrow(ValidationError);
    expect(() => periodFrom({ from: '2023-01-01' })).toThrow(/同时/);
    expect(() => periodFrom({ from: '2023-02-30', to: '2023-03-01' })).toThrow(/起始日期无效/);
    expect(() => periodFrom({ from: '2023-05-01', to: '2023-03-01' })).toThrow(/早于/);
    expect(() => periodFrom({ year: 2023, quarter: 5 })).toThrow(/季度/);
  });
});

describe('date conventions (regulations.md §10)', () => {
  it('clamps "N months after" to the month end', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2026-03-15', 3)).toBe('2026-06-15');
  });
  it('clamps anniversaries of 2-29 to 2-28', () => {
    expect(addYearsClamped('2024-02-29', 1)).toBe('2025-02-28');
  });
  it('writes dates without leading zeros (DOC-13)', () => {
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
  });
});
