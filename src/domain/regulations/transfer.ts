/**
 * Dates of membership transfers and status changes (TV-27), with the §10 month clamp.
 */
import { addMonthsClamped, addYearsClamped, type LocalDate } from '../common/dates.ts';

/** EDU-11 第二十五条: away ≥ 6 months at a fixed place → transfer by this date; after it, a mobile member (EDU-16). */
export function transferDueBy(awaySince: LocalDate): LocalDate {
  return addMonthsClamped(awaySince, 6);
}

/** TRF-03: report to the receiving organization by this date (validity in months, default 3). */
export function letterReportBy(issuedOn: LocalDate, validityMonths = 3): LocalDate {
  return addMonthsClamped(issuedOn, validityMonths);
}

/** EDU-10 第二十四条: out of contact ≥ 6 months → 停止党籍 possible from this date. */
export function suspensionEligibleFrom(outOfContactSince: LocalDate): LocalDate {
  return addMonthsClamped(outOfContactSince, 6);
}

/** EDU-10: still unreachable 2 years after suspension → removal review from this date. */
export function removalReviewFrom(suspendedOn: LocalDate): LocalDate {
  return addYearsClamped(suspendedOn, 2);
}

/** EDU-17 第三十四条: a graduate's relationship kept at the university at most 2 years. */
export function graduateTransferBy(keptFrom: LocalDate): LocalDate {
  return addYearsClamped(keptFrom, 2);
}

/** EDU-14 第三十条: 限期改正 lasts at most 1 year. */
export function correctionEndsBy(imposedOn: LocalDate): LocalDate {
  return addYearsClamped(imposedOn, 1);
}
