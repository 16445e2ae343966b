/**
 * Use cases for party dues (党费): set a member's monthly rate (2008 rule, DUES-02…06), record
 * payments, the yearly ledger (台账) per member, the collection rate, and the ledger as .xlsx.
 * Money is integer 分 throughout; 元 only at the edges (input strings, display).
 * Every use case takes the acting user; a member or organization outside the scope is NotFoundError.
 */
import { groupBy } from '../domain/common/collections.ts';
import { randomUUID } from 'node:crypto';
import type { LocalDate } from '../domain/common/dates.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Member } from '../domain/member/member.ts';
import type { Organization } from '../domain/org/org.ts';
import { DEFAULT_SETTINGS, type RegulationSettings } from '../domain/regulations/settings.ts';
import {
  collectionRates, DUES_CATEGORIES, dueForMonth, memberLedger, monthlyDues, onRollInMonth, monthRange, monthsOfYear, toFen,
  type DuesCalculation, type DuesCategory, type DuesPayment, type LedgerRow,
} from '../domain/regulations/dues.ts';
import { insertDuesPayments, paymentsForOrgs, ratesForMembers, ratesForOrgs, upsertDuesRates, type DuesRateRecord } from '../db/queries/dues-queries.ts';
import { getMember, membersForOrgs } from '../db/queries/member-queries.ts';
import { writeDuesLedgerXlsx, type DuesLedgerSheet } from '../render/xlsx-dues.ts';
import { assertOrgInScope, assertRecordOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import type { DuesLedger, LedgerLine } from './views.ts';

export type { DuesLedger, LedgerLine };
import { settingsFor, settingsForOrgId } from './settings-service.ts';
import { orgSubtree } from './org-service.ts';

const MEMBER_NOT_FOUND = '找不到该党员';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function checkMonth(m: string, field: string): void {
  if (!MONTH.test(m)) throw new ValidationError(`月份格式应为 YYYY-MM：${m}`, [{ field, message: '应为 YYYY-MM' }]);
}

async function scopedMember(app: AppContext, actor: Actor, memberId: string): Promise<Member> {
  assertRole(actor, MANAGERS);
  const m = await getMember(app.database.db, memberId);
  if (!m) throw new NotFoundError(MEMBER_NOT_FOUND);
  await assertRecordOrgInScope(app, actor, m.orgId, MEMBER_NOT_FOUND);
  return m;
}

/** A member's monthly rate from a month on. `base` in 元 (string), null for fixed-amount categories. */
export interface RateInput {
  /** First month the rate applies, `YYYY-MM`. */
  from: string;
  category: DuesCategory;
  base: string | null;
  /** Farmers: the member's own amount within the unit's range (DUES-06), 元. */
  farmerAmount?: string | undefined;
}

/**
 * Sets (or replaces) a member's rate from `input.from` on, computed by `monthlyDues` (DUES-02
 * brackets, DUES-05 retirees, DUES-06 fixed amounts). Returns the stored rate and how it was
 * found. Throws ValidationError for a bad month or base (the domain's message), NotFoundError by scope.
 */
export async function setDuesRate(app: AppContext, actor: Actor, memberId: string, input: RateInput, given?: RegulationSettings): Promise<{ rate: DuesRateRecord; calculation: DuesCalculation }> {
  const m = await scopedMember(app, actor, memberId);
  const settings = given ?? await settingsForOrgId(app, m.orgId);
  checkMonth(input.from, 'from');
  const calculation = monthlyDues(input.category, input.base, settings, input.farmerAmount);
  const rate: DuesRateRecord = {
    memberId: m.id, from: input.from, amountFen: calculation.amountFen, category: input.category,
    baseFen: calculation.base === null ? null : toFen(calculation.base),
  };
  await app.database.db.transaction(async (tx) => { await upsertDuesRates(tx, [rate]); });
  return { rate, calculation };
}

/** A member's rates, oldest first. NotFoundError by scope. */
export async function listDuesRates(app: AppContext, actor: Actor, memberId: string): Promise<DuesRateRecord[]> {
  const m = await scopedMember(app, actor, memberId);
  return ratesForMembers(app.database.db, [m.id]);
}

/** Payments for one or more months handed in on one day. */
export interface PaymentInput {
  months: string[];
  /** 元 per month; default the amount due for each month by the member's rates. */
  amount?: string | undefined;
  paidOn: LocalDate;
}

/**
 * Records a member's payments, one row per month (a quarterly payment is three rows with the same
 * date). Throws ValidationError for a bad month, a date after `today`, a negative amount, or a
 * month with nothing due and no amount given; NotFoundError by scope.
 */
export async function recordDuesPayments(app: AppContext, actor: Actor, memberId: string, input: PaymentInput, today: LocalDate, given?: RegulationSettings): Promise<DuesPayment[]> {
  const m = await scopedMember(app, actor, memberId);
  const settings = given ?? await settingsForOrgId(app, m.orgId);
  if (input.months.length === 0) throw new ValidationError('请至少选择一个月份', [{ field: 'months', message: '不能为空' }]);
  input.months.forEach((x) => checkMonth(x, 'months'));
  if (new Set(input.months).size !== input.months.length) throw new ValidationError('月份有重复', [{ field: 'months', message: '月份重复' }]);
  if (input.paidOn > today) throw new ValidationError('交纳日期不能晚于今天', [{ field: 'paidOn', message: '日期不能晚于今天' }]);
  let fixedFen: number | null = null;
  if (input.amount !== undefined) {
    const n = Number(input.amount);
    if (!Number.isFinite(n) || n < 0) throw new ValidationError('交纳金额应为不小于0的数字（元）', [{ field: 'amount', message: '应为金额（元）' }]);
    fixedFen = toFen(input.amount);
  }
  const rates = await ratesForMembers(app.database.db, [m.id]);
  const rows: DuesPayment[] = input.months.map((month) => {
    const amountFen = fixedFen ?? dueForMonth(rates, month, settings.duesRecalculation);
    if (amountFen === 0 && fixedFen === null) throw new ValidationError(`${month}没有应交党费（尚未设置交纳标准），请填写金额`, [{ field: 'amount', message: '请填写金额' }]);
    return { id: randomUUID(), memberId: m.id, month, amountFen, paidOn: input.paidOn };
  });
  await app.database.db.transaction(async (tx) => { await insertDuesPayments(tx, rows); });
  return rows;
}



const collator = new Intl.Collator('zh-CN');

/**
 * Builds the ledger of `org` and its subtree for `year` (pure over loaded records): every member
 * owing dues in some month of the year (DUES-08: from the admission month, until leaving), by
 * branch then name in pinyin order.
 */
export function buildLedger(org: Organization, year: number, members: readonly Member[], rates: readonly DuesRateRecord[], payments: readonly DuesPayment[], today: LocalDate, settings: RegulationSettings, branchOrder: ReadonlyMap<string, number> = new Map()): DuesLedger {
  const months = monthsOfYear(year);
  const ratesBy = groupBy(rates, (r) => r.memberId);
  const paysBy = groupBy(payments, (p) => p.memberId);
  const todayMonth = today.slice(0, 7);
  const all: LedgerRow[] = [];
  const lines: LedgerLine[] = [];
  for (const m of members) {
    if (m.status === 'removed' || m.status === 'deceased') continue;
    const rs = ratesBy.get(m.id) ?? [];
    const rows = memberLedger(m, rs, paysBy.get(m.id) ?? [], months, settings);
    const paidFen = rows.reduce((s, r) => s + r.paidFen, 0);
    if (rows.every((r) => r.status === 'notDue') && paidFen === 0) continue;
    all.push(...rows);
    const firstDue = rows.find((r) => r.dueFen > 0);
    const inForce = [...rs].filter((r) => r.from <= (firstDue?.month ?? `${year}-12`)).at(-1) ?? rs[0];
    lines.push({
      memberId: m.id, name: m.name, orgId: m.orgId,
      categoryLabel: inForce ? DUES_CATEGORIES[inForce.category] : null,
      monthlyFen: firstDue?.dueFen ?? inForce?.amountFen ?? 0,
      months: rows, paidFen,
      owedFen: rows.filter((r) => r.month < todayMonth).reduce((s, r) => s + Math.max(0, r.dueFen - r.paidFen), 0),
    });
  }
  lines.sort((a, b) => (branchOrder.get(a.orgId) ?? 0) - (branchOrder.get(b.orgId) ?? 0) || collator.compare(a.name, b.name));
  return { orgId: org.id, orgName: org.name, year, lines, collection: collectionRates(all) };
}

/** The ledger of `org` (with its subtree) for `year`, judged on `today`. Scope as usual. */
export async function duesLedger(app: AppContext, actor: Actor, org: Organization, year: number, today: LocalDate, given?: RegulationSettings): Promise<DuesLedger> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const settings = given ?? await settingsFor(app, org);
  const db = app.database.db;
  const subtree = await orgSubtree(app, org);
  const ids = subtree.map((o) => o.id);
  const [members, rates, payments] = await Promise.all([
    membersForOrgs(db, ids), ratesForOrgs(db, ids), paymentsForOrgs(db, ids, `${year}-01`, `${year}-12`),
  ]);
  return buildLedger(org, year, members, rates, payments, today, settings, new Map(subtree.map((o, i) => [o.id, i])));
}

/** Collection rate per month and for the year (paid up to the amount due / due). */
export async function duesCollection(app: AppContext, actor: Actor, org: Organization, year: number, today: LocalDate, settings?: RegulationSettings): Promise<DuesLedger['collection']> {
  return (await duesLedger(app, actor, org, year, today, settings)).collection;
}

/** The ledger as an .xlsx 台账 (see src/render/xlsx-dues.ts), with its file name. */
export async function exportDuesLedger(app: AppContext, actor: Actor, org: Organization, year: number, today: LocalDate, settings?: RegulationSettings): Promise<{ bytes: Buffer; filename: string }> {
  const ledger = await duesLedger(app, actor, org, year, today, settings);
  const sheet: DuesLedgerSheet = {
    title: `${org.name}${year}年党费收缴台账`,
    rows: ledger.lines.map((l) => ({
      name: l.name, category: l.categoryLabel, monthlyFen: l.monthlyFen,
      paidFen: l.months.map((r) => (r.paidFen > 0 ? r.paidFen : null)), totalPaidFen: l.paidFen, owedFen: l.owedFen,
    })),
  };
  return { bytes: await writeDuesLedgerXlsx(sheet), filename: `${sheet.title}.xlsx` };
}


/**
 * Ledger rows (分) of `members` for the months of [from, to], for the summary's dues facts;
 * undefined when no rate is recorded for any of them (dues kept outside Zhibu).
 */
export async function ledgerRowsFor(app: AppContext, orgIds: readonly string[], members: readonly Member[], from: LocalDate, to: LocalDate, settings: RegulationSettings = DEFAULT_SETTINGS, paidBy?: LocalDate): Promise<LedgerRow[] | undefined> {
  const db = app.database.db;
  const [rates, allPayments] = await Promise.all([ratesForOrgs(db, orgIds), paymentsForOrgs(db, orgIds, from.slice(0, 7), to.slice(0, 7))]);
  // `paidBy`: the ledger as it stood that day (dues counted by payment date).
  const payments = paidBy ? allPayments.filter((p) => p.paidOn <= paidBy) : allPayments;
  if (rates.length === 0) return undefined;
  const months = monthRange(from.slice(0, 7), to.slice(0, 7));
  const ratesBy = groupBy(rates, (r) => r.memberId);
  const paysBy = groupBy(payments, (p) => p.memberId);
  // Who owes which month comes from the membership periods (memberLedger), never from today's status.
  // A month off this scope's roll (before a transfer in, after a transfer out) belongs to another ledger.
  return members.flatMap((m) => memberLedger(m, ratesBy.get(m.id) ?? [], paysBy.get(m.id) ?? [], months, settings)
    .filter((r) => onRollInMonth(m, r.month)));
}
