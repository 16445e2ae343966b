/** Named queries for party dues (党费): monthly rates per member and payments per month, in 分. */
import { and, asc, gte, inArray, lte, sql } from 'drizzle-orm';
import { DUES_CATEGORY_LIST, type DuesCategory, type DuesPayment, type DuesRate } from '../../domain/regulations/dues.ts';
import type { DbOrTx } from '../client.ts';
import { duesPayments, duesRates, members } from '../schema/index.ts';

/** A stored rate: the domain's DuesRate plus how it was found (category, base in 分). */
export interface DuesRateRecord extends DuesRate {
  category: DuesCategory;
  /** Monthly base in 分; null for the fixed-amount categories. */
  baseFen: number | null;
}

function toRate(r: typeof duesRates.$inferSelect): DuesRateRecord {
  const category = DUES_CATEGORY_LIST.includes(r.category as DuesCategory) ? (r.category as DuesCategory) : 'employed';
  return { memberId: r.memberId, from: r.fromMonth, amountFen: r.amountFen, category, baseFen: r.baseFen };
}

/** Inserts or replaces rates (one per member and first month), in batches. */
export async function upsertDuesRates(db: DbOrTx, rows: readonly DuesRateRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(duesRates)
      .values(rows.slice(i, i + 1000).map((r) => ({ memberId: r.memberId, fromMonth: r.from, amountFen: r.amountFen, category: r.category, baseFen: r.baseFen })))
      .onConflictDoUpdate({
        target: [duesRates.memberId, duesRates.fromMonth],
        set: { amountFen: sql`excluded.amount_fen`, category: sql`excluded.category`, baseFen: sql`excluded.base_fen` },
      });
  }
}

/** Inserts payments, in batches. */
export async function insertDuesPayments(db: DbOrTx, rows: readonly DuesPayment[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(duesPayments).values(rows.slice(i, i + 1000).map((p) => ({ ...p })));
  }
}

/**
 * Every rate of the members of these organizations (all months: the amount due in a month may
 * come from a rate set years before), oldest first.
 */
export async function ratesForOrgs(db: DbOrTx, orgIds: readonly string[]): Promise<DuesRateRecord[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.select({ r: duesRates }).from(duesRates)
    .innerJoin(members, sql`${members.id} = ${duesRates.memberId}`)
    .where(inArray(members.orgId, [...orgIds]))
    .orderBy(asc(duesRates.memberId), asc(duesRates.fromMonth));
  return rows.map((x) => toRate(x.r));
}

/** Rates of some members, oldest first. */
export async function ratesForMembers(db: DbOrTx, memberIds: readonly string[]): Promise<DuesRateRecord[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.select().from(duesRates).where(inArray(duesRates.memberId, [...memberIds])).orderBy(asc(duesRates.memberId), asc(duesRates.fromMonth));
  return rows.map(toRate);
}

/** Payments for months in [fromMonth, toMonth] (`YYYY-MM`) by members of these organizations. */
export async function paymentsForOrgs(db: DbOrTx, orgIds: readonly string[], fromMonth: string, toMonth: string): Promise<DuesPayment[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.select({ p: duesPayments }).from(duesPayments)
    .innerJoin(members, sql`${members.id} = ${duesPayments.memberId}`)
    .where(and(inArray(members.orgId, [...orgIds]), gte(duesPayments.month, fromMonth), lte(duesPayments.month, toMonth)))
    .orderBy(asc(duesPayments.memberId), asc(duesPayments.month), asc(duesPayments.paidOn));
  return rows.map((x) => x.p);
}
