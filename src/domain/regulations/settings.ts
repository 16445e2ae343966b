/**
 * Per-unit settings for every open point of regulations.md §11. Nothing here is a national
 * number the regulations fix; each default says where it comes from.
 */
import type { LocalDate } from '../common/dates.ts';

/** How often ordinary members' Party lectures are expected (BR-12; §11 item 6). `none`: no check. */
export type LectureFrequency = 'none' | 'monthly' | 'quarterly' | 'halfYearly' | 'yearly';

/** What the dues base deducts besides income tax (§11 item 3): DUES-16 or DUES-17. */
export type DuesBasePolicy = 'incomeTaxOnly' | 'incomeTaxAndSocialInsurance';

/** When a member's monthly dues change (§11 item 4): DUES-11 annual fix or DUES-10 with pay. */
export type DuesRecalculation = 'annualFix' | 'withPayChange';

/**
 * Heart-to-heart talk coverage (BR-16; §11 item 8).
 * `suggested`: every member has ≥ 1 talk with a committee member a year, and every pair of
 * committee members talks ≥ 1 a year. `perMember`: every member takes part in ≥ 1 talk. `none`.
 */
export type TalkCoverage = 'suggested' | 'perMember' | 'none';

/** Official holiday and make-up working day calendar (国务院 notice), injected for working-day counts. */
export interface HolidayCalendar {
  holidays: LocalDate[];
  /** Weekend days that are working days (调休上班). */
  makeUpWorkdays: LocalDate[];
}

export interface RegulationSettings {
  /** Default `quarterly` (a common local standard; the 条例 sets no number). */
  partyLectureFrequency: LectureFrequency;
  /**
   * Months of the following year during which a 组织生活会 still counts for the previous year
   * (§11 item 9; TV-18). 0 = calendar year only. With 3, one held in January–March of N+1 counts
   * for N and not for N+1.
   */
  organizationalLifeGraceMonths: number;
  /** The same attribution for 民主评议党员. Default 0. */
  memberAppraisalGraceMonths: number;
  /** EDU-07: 学时 per member per year. Default 32. */
  studyHoursMinimum: number;
  /** EDU-08: 学时 for secretaries and committee members; null switches the check off. Default 56. */
  leaderStudyHoursMinimum: number | null;
  /**
   * EDU-07/08 for a member on the roll for only part of a year (admitted or joined mid-year): the
   * yearly minimum pro-rated by calendar months of membership (the month of joining counts). The
   * 条例 states a yearly figure for members and sets nothing for part years; pro-rating is the
   * reading most units apply. Default true; false judges every member against the full figure.
   */
  studyHoursProRata: boolean;
  /** Default `suggested` (§11 item 8). */
  talkCoverage: TalkCoverage;
  /** BR-09 / §11 item 5: "半数以上" read as strictly more than half. Default true. */
  strictMajority: boolean;
  /** Default `incomeTaxOnly` (the 2008 中组部 Q&A definition). */
  duesBasePolicy: DuesBasePolicy;
  /** Default `annualFix` (what most ledgers do, §11 item 4). */
  duesRecalculation: DuesRecalculation;
  /** Farmers' monthly dues in 元 when the member has no amount of their own (DUES-06: 0.2–1 元). Default '0.20'. */
  farmerMonthlyDues: string;
  /** Lower and upper bound of farmers' dues in 元 (provincial overrides, §11 item 14). */
  farmerDuesRange: { min: string; max: string };
  /** Students, laid-off/unemployed and 低保 members, 元 per month (DUES-06). Default '0.20'. */
  lowIncomeMonthlyDues: string;
  /** Rounding step in 元 for computed dues (DUES-18). Default '0.01', half-up. */
  duesRoundingStep: '0.01' | '0.1' | '1';
  /** DEV-04 local waiting time from application to activist, months; null = national rule (none). */
  activistMinMonthsAfterApplication: number | null;
  /** DEV-09 publicity in working days (2026, reported). Default 5. */
  publicityWorkingDays: number;
  holidayCalendar: HolidayCalendar;
  /** ELE-11: months before a term expires when the reminder is due. Default 6. */
  termReminderMonths: number;
  /** TRF-03 letter validity, months. Default 3. */
  letterValidityMonths: number;
  /** How far ahead "due soon" looks, days. Default 30. */
  dueHorizonDays: number;
}

/** Defaults: national rules where they exist, the most common practice where §11 leaves a choice. */
export const DEFAULT_SETTINGS: RegulationSettings = {
  partyLectureFrequency: 'quarterly',
  organizationalLifeGraceMonths: 0,
  memberAppraisalGraceMonths: 0,
  studyHoursMinimum: 32,
  leaderStudyHoursMinimum: 56,
  studyHoursProRata: true,
  talkCoverage: 'suggested',
  strictMajority: true,
  duesBasePolicy: 'incomeTaxOnly',
  duesRecalculation: 'annualFix',
  farmerMonthlyDues: '0.20',
  farmerDuesRange: { min: '0.20', max: '1.00' },
  lowIncomeMonthlyDues: '0.20',
  duesRoundingStep: '0.01',
  activistMinMonthsAfterApplication: null,
  publicityWorkingDays: 5,
  holidayCalendar: { holidays: [], makeUpWorkdays: [] },
  termReminderMonths: 6,
  letterValidityMonths: 3,
  dueHorizonDays: 30,
};

/** Defaults with some settings replaced (a unit's stored overrides). */
export function withSettings(overrides: Partial<RegulationSettings>): RegulationSettings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}
