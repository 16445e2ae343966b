/**
 * Reporting periods: a year, a half-year, a quarter, or a custom range with a cut-off date
 * ("截至11月10日"). Dates are inclusive on both ends.
 */
import { ValidationError } from '../errors.ts';
import { fromDate, isLocalDate, toDate, type LocalDate } from './dates.ts';
import { endOfMonth } from 'date-fns';

export type Period =
  | { kind: 'year'; year: number; from: LocalDate; to: LocalDate }
  | { kind: 'half'; year: number; half: 1 | 2; from: LocalDate; to: LocalDate }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4; from: LocalDate; to: LocalDate }
  | { kind: 'custom'; year: number; from: LocalDate; to: LocalDate };

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1921 || year > 2200) {
    throw new ValidationError(`年份无效：${year}`, [{ field: 'year', message: '年份应为 1921–2200 的整数' }]);
  }
}

/** The calendar year. Throws ValidationError for a year outside 1921–2200. */
export function yearPeriod(year: number): Period {
  checkYear(year);
  return { kind: 'year', year, from: `${year}-01-01`, to: `${year}-12-31` };
}

/** 上半年 (half 1: January–June) or 下半年 (half 2: July–December). */
export function halfYearPeriod(year: number, half: number): Period {
  checkYear(year);
  if (half !== 1 && half !== 2) throw new ValidationError('半年应为 1 或 2', [{ field: 'half', message: '应为 1 或 2' }]);
  return half === 1
    ? { kind: 'half', year, half, from: `${year}-01-01`, to: `${year}-06-30` }
    : { kind: 'half', year, half, from: `${year}-07-01`, to: `${year}-12-31` };
}

/** Calendar quarter 1–4. */
export function quarterPeriod(year: number, quarter: number): Period {
  checkYear(year);
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) {
    throw new ValidationError('季度应为 1–4', [{ field: 'quarter', message: '应为 1–4' }]);
  }
  const startMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const to = fromDate(endOfMonth(toDate(`${year}-${String(startMonth + 2).padStart(2, '0')}-01`)));
  return { kind: 'quarter', year, quarter, from, to };
}

/**
 * A custom range, e.g. 2023-01-01 to 2023-11-10 for an annual summary written with a cut-off.
 * The period's `year` is the year of `from`. Throws ValidationError naming the bad field.
 */
export function customPeriod(from: string, to: string): Period {
  if (!isLocalDate(from)) throw new ValidationError(`起始日期无效：${from}`, [{ field: 'from', message: '应为 YYYY-MM-DD' }]);
  if (!isLocalDate(to)) throw new ValidationError(`截止日期无效：${to}`, [{ field: 'to', message: '应为 YYYY-MM-DD' }]);
  if (to < from) throw new ValidationError('截止日期早于起始日期', [{ field: 'to', message: '不得早于起始日期' }]);
  const year = Number(from.slice(0, 4));
  checkYear(year);
  // A full calendar year given as a range is a year.
  if (from === `${year}-01-01` && to === `${year}-12-31`) return yearPeriod(year);
  return { kind: 'custom', year, from, to };
}

/** Human label: `2023年`, `2023年上半年`, `2023年第三季度`, `2023年1月1日至11月10日`. */
export function periodLabel(p: Period): string {
  const q = ['', '第一季度', '第二季度', '第三季度', '第四季度'];
  switch (p.kind) {
    case 'year': return `${p.year}年`;
    case 'half': return `${p.year}年${p.half === 1 ? '上半年' : '下半年'}`;
    case 'quarter': return `${p.year}年${q[p.quarter]}`;
    case 'custom': {
      const [fy, fm, fd] = p.from.split('-').map(Number);
      const [ty, tm, td] = p.to.split('-').map(Number);
      return fy === ty ? `${fy}年${fm}月${fd}日至${tm}月${td}日` : `${fy}年${fm}月${fd}日至${ty}年${tm}月${td}日`;
    }
  }
}

/** How a user names a period: `year` with optional `quarter` or `half`, or `from` + `to`. */
export interface PeriodSpec {
  year?: number | undefined;
  quarter?: number | undefined;
  half?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The period a user named (CLI options, API query). Throws ValidationError when the spec is
 * incomplete or mixes forms (e.g. a quarter and a half at once).
 */
export function periodFrom(spec: PeriodSpec): Period {
  const { year, quarter, half, from, to } = spec;
  if (from !== undefined || to !== undefined) {
    if (year !== undefined || quarter !== undefined || half !== undefined) {
      throw new ValidationError('时段只能用 年份(+季度/半年) 或 起止日期 之一', [{ field: 'from', message: '不能与 year 同时使用' }]);
    }
    if (from === undefined || to === undefined) throw new ValidationError('起止日期须同时给出', [{ field: from === undefined ? 'from' : 'to', message: '缺失' }]);
    return customPeriod(from, to);
  }
  if (year === undefined) throw new ValidationError('请给出年份，或起止日期', [{ field: 'year', message: '缺失' }]);
  if (quarter !== undefined && half !== undefined) throw new ValidationError('季度和半年不能同时给出', [{ field: 'half', message: '与 quarter 冲突' }]);
  if (quarter !== undefined) return quarterPeriod(year, quarter);
  if (half !== undefined) return halfYearPeriod(year, half);
  return yearPeriod(year);
}
