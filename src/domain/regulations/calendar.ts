/**
 * Calendar buckets for cadence checks (months, quarters, half-years, years) and working-day
 * counting with an injected holiday calendar. Dates through date-fns (src/domain/common/dates.ts).
 */
import { addDays, eachMonthOfInterval, endOfMonth, isWeekend } from 'date-fns';
import { fromDate, toDate, type LocalDate } from '../common/dates.ts';
import type { Period } from '../common/period.ts';
import type { HolidayCalendar } from './settings.ts';
import { monthLabel, quarterLabel } from './finding.ts';

export type BucketUnit = 'month' | 'quarter' | 'half' | 'year';

/** One calendar bucket with its finding label (`2026-08`, `2026-Q3`, `2026-H2`, `2026`) and Chinese name. */
export interface Bucket {
  label: string;
  /** `2026年8月`, `2026年第三季度`, `2026年下半年`, `2026年` */
  name: string;
  from: LocalDate;
  to: LocalDate;
}

const QUARTER_NAMES = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

/** The calendar month `YYYY-MM` a date falls in. */
export function monthOf(d: LocalDate): string {
  return d.slice(0, 7);
}

/**
 * Buckets of `unit` lying wholly inside `period` that have ended before `today`
 * (a month still running cannot be missed yet), and that start on or after `notBefore`
 * (e.g. the organization's establishment date).
 */
export function closedBuckets(period: Period, unit: BucketUnit, today: LocalDate, notBefore: LocalDate | null = null): Bucket[] {
  // Memoised: a subtree check asks for the same buckets once per branch.
  const key = `${period.from}|${period.to}|${unit}|${today}|${notBefore ?? ''}`;
  const hit = bucketCache.get(key);
  if (hit) return hit;
  const out = computeBuckets(period, unit, today, notBefore);
  if (bucketCache.size > 500) bucketCache.clear();
  bucketCache.set(key, out);
  return out;
}

const bucketCache = new Map<string, Bucket[]>();

function computeBuckets(period: Period, unit: BucketUnit, today: LocalDate, notBefore: LocalDate | null): Bucket[] {
  const out: Bucket[] = [];
  const months = eachMonthOfInterval({ start: toDate(period.from), end: toDate(period.to) });
  for (const m of months) {
    const year = m.getFullYear();
    const month = m.getMonth() + 1;
    const firstMonth = unit === 'month' ? month
      : unit === 'quarter' ? (month % 3 === 1 ? month : 0)
        : unit === 'half' ? (month === 1 || month === 7 ? month : 0)
          : month === 1 ? 1 : 0;
    if (firstMonth === 0) continue;
    const span = unit === 'month' ? 1 : unit === 'quarter' ? 3 : unit === 'half' ? 6 : 12;
    const from = fromDate(m);
    const to = fromDate(endOfMonth(toDate(`${year}-${String(month + span - 1).padStart(2, '0')}-01`)));
    if (from < period.from || to > period.to || to >= today) continue;
    if (notBefore && from < notBefore) continue;
    if (unit === 'month') out.push({ label: monthLabel(year, month), name: `${year}年${month}月`, from, to });
    else if (unit === 'quarter') {
      const q = (month + 2) / 3;
      out.push({ label: quarterLabel(year, q), name: `${year}年${QUARTER_NAMES[q]}`, from, to });
    } else if (unit === 'half') out.push({ label: `${year}-H${month === 1 ? 1 : 2}`, name: `${year}年${month === 1 ? '上半年' : '下半年'}`, from, to });
    else out.push({ label: String(year), name: `${year}年`, from, to });
  }
  return out;
}

/** True when `d` is a working day: not a holiday, and either a weekday or a make-up workday. */
export function isWorkingDay(d: LocalDate, cal: HolidayCalendar): boolean {
  if (cal.holidays.includes(d)) return false;
  if (cal.makeUpWorkdays.includes(d)) return true;
  return !isWeekend(toDate(d));
}

/**
 * Last day of a period of `n` working days starting on `start` (counted as day 1 when it is a
 * working day). DEV-09 publicity; TV-11. Throws RangeError when `n` < 1.
 */
export function endOfWorkingDays(start: LocalDate, n: number, cal: HolidayCalendar): LocalDate {
  if (n < 1) throw new RangeError('n must be ≥ 1');
  let d = toDate(start);
  let count = 0;
  // Bounded: no real calendar has 60 consecutive non-working days.
  for (let i = 0; i < n + 60; i++) {
    if (isWorkingDay(fromDate(d), cal)) {
      count++;
      if (count === n) return fromDate(d);
    }
    d = addDays(d, 1);
  }
  throw new RangeError('holiday calendar leaves no working days');
}
