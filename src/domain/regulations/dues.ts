/**
 * Party membership dues (党费), 《关于中国共产党党费收缴、使用和管理的规定》 (中组发〔2008〕3号).
 * Money is computed with decimal.js and stored as integer 分 (1 元 = 100 分); never floats.
 * Brackets are flat rates on the whole base with inclusive upper bounds (DUES-02, TV-01/02).
 */
import { Decimal } from 'decimal.js';
import { addMonths, endOfMonth } from 'date-fns';
import { fromDate, toDate, type LocalDate } from '../common/dates.ts';
import { ValidationError } from '../errors.ts';
import type { Member } from '../member/member.ts';
import { belongedDuring } from '../member/membership.ts';
import { makeFinding, type Finding } from './finding.ts';
import { RULES, type RuleId } from './rules.ts';
import { DEFAULT_SETTINGS, type DuesBasePolicy, type RegulationSettings } from './settings.ts';

/** Dues categories (kebab-case, as on the command line), with their Chinese names. */
export const DUES_CATEGORIES = {
  employed: '在职党员',
  retired: '离退休党员',
  'annual-salary': '实行年薪制的党员',
  'self-employed': '没有固定工资收入的党员',
  farmer: '农民党员',
  student: '学生党员',
  unemployed: '下岗失业党员',
  'low-income': '享受最低生活保障的党员',
} as const;
export type DuesCategory = keyof typeof DUES_CATEGORIES;
export const DUES_CATEGORY_LIST = Object.keys(DUES_CATEGORIES) as DuesCategory[];

interface Bracket { upTo: Decimal | null; rate: Decimal; text: string }
const b = (upTo: number | null, rate: string, text: string): Bracket => ({ upTo: upTo === null ? null : new Decimal(upTo), rate: new Decimal(rate), text });

/** DUES-02: employed members (also annual-salary and self-employed bases, DUES-03/04). */
export const EMPLOYED_BRACKETS: readonly Bracket[] = [
  b(3000, '0.005', '3000元以下（含3000元）的，交纳月工资收入的0.5%'),
  b(5000, '0.01', '3000元以上至5000元（含5000元）的，交纳1%'),
  b(10000, '0.015', '5000元以上至10000元（含10000元）的，交纳1.5%'),
  b(null, '0.02', '10000元以上的，交纳2%'),
];
/** DUES-05: retirees. */
export const RETIRED_BRACKETS: readonly Bracket[] = [
  b(5000, '0.005', '5000元以下（含5000元）的按0.5%交纳'),
  b(null, '0.01', '5000元以上的按1%交纳'),
];

/** The monthly amount for one member and how it was found. */
export interface DuesCalculation {
  category: DuesCategory;
  /** Base in 元 with two decimals, or null for the fixed-amount categories. */
  base: string | null;
  /** Rate as a percentage string (`1.5%`), or null for fixed amounts. */
  rate: string | null;
  /** Monthly amount in 元, two decimals (`122.70`). */
  amount: string;
  amountFen: number;
  ruleId: RuleId;
  /** The rule applied, in Chinese, with its citation. */
  ruleText: string;
}

function toDecimal(v: Decimal.Value, field: string): Decimal {
  let d: Decimal;
  const invalid = () => new ValidationError(`${field}不是有效金额`, [{ field, message: '应为数字（元）' }]);
  try { d = new Decimal(v); } catch { throw invalid(); }
  // NaN and ±Infinity are not amounts at all; only a real number below zero is "negative".
  if (!d.isFinite()) throw invalid();
  if (d.isNegative()) throw new ValidationError(`${field}不能为负数`, [{ field, message: '应为不小于0的金额（元）' }]);
  return d;
}

function rounded(amount: Decimal, settings: RegulationSettings): Decimal {
  // DUES-18: no national rule; half-up at the unit's step (分 by default).
  const dp = settings.duesRoundingStep === '0.01' ? 2 : settings.duesRoundingStep === '0.1' ? 1 : 0;
  return amount.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
}

/** Converts 元 to integer 分. */
export function toFen(yuan: Decimal.Value): number {
  return new Decimal(yuan).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** Formats integer 分 as 元 with two decimals (`1234` → `12.34`). */
export function fenToYuan(fen: number): string {
  return new Decimal(fen).dividedBy(100).toFixed(2);
}

function bracketFor(brackets: readonly Bracket[], base: Decimal): Bracket {
  return brackets.find((x) => x.upTo === null || base.lessThanOrEqualTo(x.upTo)) ?? brackets[brackets.length - 1]!;
}

/**
 * Monthly dues for a member of `category` with monthly `base` in 元 (string or Decimal;
 * ignored for the fixed categories). For farmers, `farmerAmount` is the member's own amount
 * within the 0.2–1 元 range (default: the unit's setting). Throws ValidationError for a
 * negative or missing base, or a farmer amount outside the range (DUES-06).
 */
export function monthlyDues(
  category: DuesCategory,
  base: Decimal.Value | null,
  settings: RegulationSettings = DEFAULT_SETTINGS,
  farmerAmount?: Decimal.Value,
): DuesCalculation {
  const cite = (id: RuleId) => `（${RULES[id].citation}）`;
  if (category === 'farmer') {
    const amount = toDecimal(farmerAmount ?? settings.farmerMonthlyDues, '农民党员党费');
    checkFarmerDues(amount, settings, false);
    return fixed(category, amount, 'DUES-06', `农民党员每月交纳党费${settings.farmerDuesRange.min}元至${settings.farmerDuesRange.max}元${cite('DUES-06')}`);
  }
  if (category === 'student' || category === 'unemployed' || category === 'low-income') {
    const amount = toDecimal(settings.lowIncomeMonthlyDues, '党费');
    return fixed(category, amount, 'DUES-06', `${DUES_CATEGORIES[category]}每月交纳党费${amount.toFixed(2)}元${cite('DUES-06')}`);
  }
  if (base === null || base === undefined || base === '') {
    throw new ValidationError(`${DUES_CATEGORIES[category]}须提供计算基数`, [{ field: 'base', message: '请填写月计算基数（元）' }]);
  }
  // The bracket is chosen on the base as printed, rounded half-up to the 分: a base of 3000.004
  // prints as 3000.00 and takes the 0.5% bracket, never the next one (DUES-02 boundaries inclusive).
  const baseD = toDecimal(base, '计算基数').toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const retired = category === 'retired';
  const bracket = bracketFor(retired ? RETIRED_BRACKETS : EMPLOYED_BRACKETS, baseD);
  const amount = rounded(baseD.times(bracket.rate), settings);
  const ruleId: RuleId = retired ? 'DUES-05' : category === 'annual-salary' ? 'DUES-03' : category === 'self-employed' ? 'DUES-04' : 'DUES-02';
  const intro = retired ? '离退休党员按实际领取的离退休费总额' : category === 'annual-salary' ? '实行年薪制的党员按当月实际领取的薪酬收入，' : category === 'self-employed' ? '没有固定工资收入的党员按上季度月平均纯收入，' : '在职党员按月工资收入（税后），';
  return {
    category,
    base: baseD.toFixed(2),
    rate: `${bracket.rate.times(100).toString()}%`,
    amount: amount.toFixed(2),
    amountFen: toFen(amount),
    ruleId,
    ruleText: `${intro}${bracket.text}（全额按比例计算，不分段累进）${cite(ruleId)}`,
  };
}

function fixed(category: DuesCategory, amount: Decimal, ruleId: RuleId, ruleText: string): DuesCalculation {
  return { category, base: null, rate: null, amount: amount.toFixed(2), amountFen: toFen(amount), ruleId, ruleText };
}

/**
 * DUES-06: a farmer's monthly amount must lie within the unit's range (national 0.2–1 元),
 * unless it is marked as a voluntary extra payment. Throws ValidationError otherwise (TV-06).
 */
export function checkFarmerDues(amount: Decimal.Value, settings: RegulationSettings, voluntaryExtra: boolean): void {
  const a = new Decimal(amount);
  const { min, max } = settings.farmerDuesRange;
  if (!voluntaryExtra && (a.lessThan(min) || a.greaterThan(max))) {
    throw new ValidationError(`农民党员每月交纳党费应为${min}元至${max}元（${RULES['DUES-06'].citation}）；多交部分请标记为自愿多交`,
      [{ field: 'amount', message: `应在${min}–${max}元之间` }]);
  }
}

/** `describeDuesCalculation` result: the amount in 元 and the rule text applied. */
export interface DuesDescription { amount: string; ruleText: string; rate: string | null }

/** Monthly amount and the rule applied, for `zhibu dues calc` (national defaults). */
export function describeDuesCalculation(category: DuesCategory, base: Decimal.Value | null, settings: RegulationSettings = DEFAULT_SETTINGS): DuesDescription {
  const c = monthlyDues(category, base, settings);
  return { amount: c.amount, rate: c.rate, ruleText: c.ruleText };
}

/** One pay item of a monthly base computation (TV-04). */
export interface PayItem { name: string; amount: Decimal.Value; inBase: boolean }

/**
 * Monthly dues base in 元 (DUES-01/16/17): the included items minus personal income tax; under
 * `incomeTaxAndSocialInsurance` also minus the member's own social-insurance, 住房公积金 and
 * 职业年金 contributions (`personalContributions`). Throws ValidationError when negative.
 */
export function duesBase(items: readonly PayItem[], incomeTax: Decimal.Value, personalContributions: Decimal.Value, policy: DuesBasePolicy): Decimal {
  let sum = new Decimal(0);
  for (const it of items) if (it.inBase) sum = sum.plus(toDecimal(it.amount, it.name));
  sum = sum.minus(toDecimal(incomeTax, '个人所得税'));
  if (policy === 'incomeTaxAndSocialInsurance') sum = sum.minus(toDecimal(personalContributions, '个人缴纳社保公积金'));
  if (sum.isNegative()) throw new ValidationError('计算基数为负数，请核对收入项目', [{ field: 'items', message: '扣除项大于收入项' }]);
  return sum;
}

/** Average monthly net income of the previous quarter, for DUES-04 (three monthly amounts in 元). */
export function previousQuarterAverage(months: readonly [Decimal.Value, Decimal.Value, Decimal.Value]): Decimal {
  return months.reduce<Decimal>((s, m) => s.plus(toDecimal(m, '月收入')), new Decimal(0)).dividedBy(3);
}

// ─── Ledger ────────────────────────────────────────────────────────────────────────────────

/** A calendar month `YYYY-MM`. */
export type Month = string;

/** The member's monthly amount from month `from` on (until the next rate), in 分. */
export interface DuesRate { memberId: string; from: Month; amountFen: number }

/** A payment for one month's dues; a quarterly payment is three rows with the same `paidOn`. */
export interface DuesPayment { id: string; memberId: string; month: Month; amountFen: number; paidOn: LocalDate }

export type LedgerStatus = 'notDue' | 'paid' | 'partial' | 'unpaid';

/** One row of a member's ledger (台账). Amounts in 分. */
export interface LedgerRow {
  memberId: string;
  month: Month;
  dueFen: number;
  paidFen: number;
  /** Date of the last payment for the month. */
  paidOn: LocalDate | null;
  paymentIds: string[];
  status: LedgerStatus;
}

/** The twelve months of `year`. */
export function monthsOfYear(year: number): Month[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

function addMonth(m: Month, n: number): Month {
  return fromDate(addMonths(toDate(`${m}-01`), n)).slice(0, 7);
}

/**
 * The amount due for `month` from the member's rates (sorted or not), in 分.
 * `annualFix` (DUES-11): the rate in force in January of that year (or the member's first rate
 * of the year when they started later); `withPayChange` (DUES-10): the latest rate from on or before the month.
 */
export function dueForMonth(rates: readonly DuesRate[], month: Month, policy: RegulationSettings['duesRecalculation']): number {
  const sorted = rates.length < 2 ? rates : [...rates].sort((x, y) => x.from.localeCompare(y.from));
  const upTo = (m: Month) => { let r: DuesRate | undefined; for (const x of sorted) if (x.from <= m) r = x; return r; };
  if (policy === 'withPayChange') return upTo(month)?.amountFen ?? 0;
  const jan = upTo(`${month.slice(0, 4)}-01`);
  return (jan ?? upTo(month))?.amountFen ?? 0;
}

/** True when the member (periods as loaded) was on the roll on at least one day of `month`. */
export function onRollInMonth(member: Pick<Member, 'status' | 'memberships'>, month: Month): boolean {
  return belongedDuring(member, `${month}-01`, fromDate(endOfMonth(toDate(`${month}-01`))));
}

/**
 * A member's ledger over `months`. Dues are owed from the month the general meeting admitted
 * the member (DUES-08, TV-07), in the months the member was on the roll (membership periods of
 * the member as loaded, on at least one day of the month: the month of leaving is owed); other
 * months are `notDue`.
 */
export function memberLedger(member: Member, rates: readonly DuesRate[], payments: readonly DuesPayment[], months: readonly Month[], settings: RegulationSettings): LedgerRow[] {
  const startMonth = member.admittedOn ? member.admittedOn.slice(0, 7) : null;
  const onRollIn = (month: Month) => onRollInMonth(member, month);
  const byMonth = new Map<Month, DuesPayment[]>();
  for (const p of payments) {
    if (p.memberId !== member.id) continue;
    const l = byMonth.get(p.month);
    if (l) l.push(p); else byMonth.set(p.month, [p]);
  }
  return months.map((month) => {
    const ps = byMonth.get(month) ?? [];
    const paidFen = ps.reduce((s, p) => s + p.amountFen, 0);
    const paidOn = ps.reduce<LocalDate | null>((d, p) => (d === null || p.paidOn > d ? p.paidOn : d), null);
    const inRoll = (startMonth === null || month >= startMonth) && onRollIn(month);
    const dueFen = inRoll ? dueForMonth(rates, month, settings.duesRecalculation) : 0;
    const status: LedgerStatus = !inRoll || dueFen === 0 ? (paidFen > 0 ? 'paid' : 'notDue') : paidFen >= dueFen ? 'paid' : paidFen > 0 ? 'partial' : 'unpaid';
    return { memberId: member.id, month, dueFen, paidFen, paidOn, paymentIds: ps.map((p) => p.id), status };
  });
}

/** Due and collected amounts (分) and the collection rate (percent, one decimal; null when nothing was due). */
export interface CollectionRate { label: string; dueFen: number; paidFen: number; rate: string | null }

/**
 * Collection rate per month and for all months together, from many members' ledger rows.
 * Paid amounts count up to the amount due, so voluntary extra payments do not lift the rate.
 */
export function collectionRates(rows: readonly LedgerRow[]): { months: CollectionRate[]; total: CollectionRate } {
  const per = new Map<Month, { d: number; p: number }>();
  for (const r of rows) {
    const cur = per.get(r.month) ?? { d: 0, p: 0 };
    cur.d += r.dueFen;
    cur.p += Math.min(r.paidFen, r.dueFen);
    per.set(r.month, cur);
  }
  const rate = (d: number, p: number) => (d === 0 ? null : `${new Decimal(p).times(100).dividedBy(d).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)}%`);
  const months = [...per.entries()].sort(([a], [c]) => a.localeCompare(c)).map(([label, v]) => ({ label, dueFen: v.d, paidFen: v.p, rate: rate(v.d, v.p) }));
  const d = months.reduce((s, m) => s + m.dueFen, 0);
  const p = months.reduce((s, m) => s + m.paidFen, 0);
  return { months, total: { label: 'total', dueFen: d, paidFen: p, rate: rate(d, p) } };
}

function monthName(m: Month): string {
  return `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;
}

/**
 * Months before a check period whose dues are still judged with it: arrears do not vanish when a
 * new year starts, and six consecutive months (DUES-14) may begin in the previous year.
 */
export const DUES_LOOKBACK_MONTHS = 12;

/** First month of the dues window judged with a period starting in `fromMonth`. */
export function duesWindowStart(fromMonth: Month): Month {
  return addMonth(fromMonth, -DUES_LOOKBACK_MONTHS);
}

/**
 * Dues findings for one member's ledger rows (months in order, possibly starting before the
 * period: see DUES_LOOKBACK_MONTHS), judged on `today`. `judgeFrom` is the first month of the
 * period asked for (default: the first row's month); the lookback months count for the
 * findings but a finding is reported only if it reaches into the period.
 * - EDU-03: arrears, months already over with less paid than due (党员应当按期交纳党费),
 *   including months of earlier years still unpaid;
 * - DUES-13: one payment date covering more than 6 earlier months (补交超过6个月, 第十二条, TV-07);
 * - DUES-14 / PC-04: 6 or more consecutive calendar months with dues outstanding and no payment at
 *   all (review for 自行脱党, 第十三条, 党章第九条), across calendar years. When every one of those
 *   months was then paid back by payments covering at most 6 months each (accepted under 第十二条),
 *   the finding is a warning noting the back payment, not an error.
 */
export function checkMemberDues(orgId: string, member: Member, rows: readonly LedgerRow[], payments: readonly DuesPayment[], today: LocalDate, judgeFrom?: Month): Finding[] {
  const out: Finding[] = [];
  const todayMonth = today.slice(0, 7);
  const from = judgeFrom ?? rows[0]?.month ?? todayMonth;
  const past = rows.filter((r) => r.month < todayMonth);
  const unpaid = past.filter((r) => r.status === 'unpaid' || r.status === 'partial');
  if (unpaid.length > 0) {
    const owed = unpaid.reduce((s, r) => s + r.dueFen - r.paidFen, 0);
    const last = unpaid[unpaid.length - 1]!.month;
    out.push(makeFinding('EDU-03', orgId, (last >= from ? last : from).slice(0, 4),
      `${member.name}欠交党费${unpaid.length}个月（${unpaid.map((r) => monthName(r.month)).join('、')}），合计${fenToYuan(owed)}元`,
      [member.id]));
  }
  const mine = payments.filter((p) => p.memberId === member.id);
  const paysByMonth = new Map<Month, DuesPayment[]>();
  for (const p of mine) {
    const l = paysByMonth.get(p.month);
    if (l) l.push(p); else paysByMonth.set(p.month, [p]);
  }
  const byDate = new Map<LocalDate, Set<Month>>();
  for (const p of mine) {
    if (p.month >= p.paidOn.slice(0, 7)) continue;
    const s = byDate.get(p.paidOn) ?? new Set<Month>();
    s.add(p.month);
    byDate.set(p.paidOn, s);
  }
  for (const [paidOn, ms] of byDate) {
    if (ms.size > 6 && paidOn.slice(0, 7) >= from) {
      const sorted = [...ms].sort();
      out.push(makeFinding('DUES-13', orgId, paidOn.slice(0, 7),
        `${member.name}于${paidOn}一次补交${ms.size}个月党费（${monthName(sorted[0]!)}至${monthName(sorted[sorted.length - 1]!)}），补交超过6个月`,
        [member.id, ...mine.filter((p) => p.paidOn === paidOn).map((p) => p.id)]));
    }
  }
  // Consecutive calendar months in which something was owed at the month's end and nothing was paid.
  const paidMonths = new Set(mine.map((p) => p.paidOn.slice(0, 7)));
  const settled = new Map<Month, { month: Month; paidOn: LocalDate } | null>();
  for (const x of past) if (x.dueFen > 0) settled.set(x.month, settledIn(x, paysByMonth.get(x.month) ?? []));
  const runs: Month[][] = [];
  let run: Month[] = [];
  for (const r of past) {
    let owing = false;
    for (const [m, s] of settled) if (m <= r.month && (s === null || s.month > r.month)) { owing = true; break; }
    if (owing && !paidMonths.has(r.month)) run.push(r.month);
    else { if (run.length > 0) runs.push(run); run = []; }
  }
  if (run.length > 0) runs.push(run);
  const longest = runs.filter((x) => x.length >= 6 && x[x.length - 1]! >= from).sort((a, b) => b.length - a.length)[0];
  if (longest) {
    const span = `连续${longest.length}个月（${monthName(longest[0]!)}至${monthName(longest[longest.length - 1]!)}）未交纳党费`;
    // Paid back afterwards, each payment covering at most 6 months: accepted under 第十二条.
    const owedMonths = longest.filter((m) => settled.has(m));
    const backPayments = owedMonths.map((m) => settled.get(m) ?? null);
    const madeGood = backPayments.length > 0 && backPayments.every((x) => x !== null && (byDate.get(x.paidOn)?.size ?? 0) <= 6);
    if (madeGood) {
      const dates = [...new Set(backPayments.map((x) => x!.paidOn))].sort();
      out.push(makeFinding('DUES-14', orgId, longest[longest.length - 1]!,
        `${member.name}${span}，已于${dates.join('、')}补交（补交未超过6个月，按${RULES['DUES-13'].citation}办理），记录备查`,
        [member.id], 'warning'));
    } else {
      out.push(makeFinding('DUES-14', orgId, longest[longest.length - 1]!,
        `${member.name}${span}，应审查是否按自行脱党处理`,
        [member.id]));
    }
  }
  return out;
}

/** The payment that completed the row's dues (its date and calendar month), or null if never (`payments`: those for the row's month). */
function settledIn(row: LedgerRow, payments: readonly DuesPayment[]): { month: Month; paidOn: LocalDate } | null {
  const ps = [...payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  let s = 0;
  for (const p of ps) {
    s += p.amountFen;
    if (s >= row.dueFen) return { month: p.paidOn.slice(0, 7), paidOn: p.paidOn };
  }
  return null;
}

/** The months from `from` to `to` inclusive (`YYYY-MM`). */
export function monthRange(from: Month, to: Month): Month[] {
  // Memoised: a subtree check asks for the same range once per branch.
  const key = `${from}|${to}`;
  const hit = rangeCache.get(key);
  if (hit) return [...hit];
  const out = computeRange(from, to);
  if (rangeCache.size > 200) rangeCache.clear();
  rangeCache.set(key, out);
  return [...out];
}

const rangeCache = new Map<string, Month[]>();

function computeRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonth(m, 1)) out.push(m);
  return out;
}
