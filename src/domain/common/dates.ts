/**
 * Calendar dates as plain `YYYY-MM-DD` strings (China local dates, no time zone), and the
 * date conventions of regulations.md §10, implemented with date-fns rather than by hand.
 */
import { addMonths, addYears, format, isValid, parseISO, differenceInCalendarDays } from 'date-fns';
import { ValidationError } from '../errors.ts';

/** A calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(s: unknown): s is LocalDate {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false;
  const d = parseISO(s);
  return isValid(d) && format(d, 'yyyy-MM-dd') === s;
}

/** Checks and returns `s`; throws ValidationError naming `field` when it is not a real date. */
export function toLocalDate(s: unknown, field = 'date'): LocalDate {
  if (!isLocalDate(s)) throw new ValidationError(`${field} 不是有效日期（应为 YYYY-MM-DD）`, [{ field, message: '日期无效' }]);
  return s;
}

/** Local midnight Date for date-fns arithmetic (never leaves this module's callers as a clock). */
export function toDate(d: LocalDate): Date {
  return parseISO(d);
}

/** Formats a Date (local) as `YYYY-MM-DD`. */
export function fromDate(d: Date): LocalDate {
  return format(d, 'yyyy-MM-dd');
}

/**
 * "N months after": same day-of-month N months later, clamped to the month's last day
 * (regulations.md §10, the add_months clamp). date-fns `addMonths` clamps the same way.
 */
export function addMonthsClamped(d: LocalDate, months: number): LocalDate {
  return fromDate(addMonths(toDate(d), months));
}

/** "N years after" / anniversary: 2-29 clamps to 2-28 (regulations.md §10, §11 item 11). */
export function addYearsClamped(d: LocalDate, years: number): LocalDate {
  return fromDate(addYears(toDate(d), years));
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return differenceInCalendarDays(toDate(b), toDate(a));
}

/** `2023年11月10日`: Arabic digits, no leading zeros (GB/T 9704 7.3.5.4, DOC-13). */
export function formatChineseDate(d: LocalDate): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** `11月10日` (no year), as in "截至11月10日". */
export function formatChineseMonthDay(d: LocalDate): string {
  const [, m, day] = d.split('-').map(Number);
  return `${m}月${day}日`;
}

/** Inclusive range test on ISO dates (string order equals date order). */
export function inRange(d: LocalDate, from: LocalDate, to: LocalDate): boolean {
  return d >= from && d <= to;
}
