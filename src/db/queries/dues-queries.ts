/** Named queries for party dues (党费): monthly rates per member and payments per month, in 分. */
import { asc, inArray, or, sql } from 'drizzle-orm';
import { DUES_CATEGORY_LIST, type DuesCategory, type DuesPayment, type DuesRate } from '../../domain/regulations/dues.ts';
import type { DbOrTx } from '../client.ts';
import { duesPayments, duesRates, members } from '../schema/index.ts';
import { everMemberOf } from './membership-queries.ts';

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
    .where(or(inArray(members.orgId, [...orgIds]), everMemberOf(db, duesRates.memberId, orgIds)))
    .orderBy(asc(duesRates.memberId), asc(duesRates.fromMonth));
  return rows.map((x) => toRate(x.r));
}

/** Rates of some members, oldest first. */
export async function ratesForMembers(db: DbOrTx, memberIds: readonly string[]): Promise<DuesRateRecord[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.select().from(duesRates).where(inArray(duesRates.memberId, [...memberIds])).orderBy(asc(duesRates.memberId), asc(duesRates.fromMonth));
  return rows.map(toRate);
}

/**
 * Payments for months in [fromMonth, toMonth] (`YYYY-MM`) by members of these organizations.
 * Returned as one JSON value: a 党委's year is ~60k payments, and PGlite spends ~10 µs per row
 * returned row by row (bench/check-db.bench.ts).
 */
export async function paymentsForOrgs(db: DbOrTx, orgIds: readonly string[], fromMonth: string, toMonth: string): Promise<DuesPayment[]> {
  if (orgIds.length === 0) return [];
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(${duesPayments.id}, ${duesPayments.memberId}, ${duesPayments.month}, ${duesPayments.amountFen}, ${duesPayments.paidOn})
      order by ${duesPayments.memberId}, ${duesPayments.month}, ${duesPayments.paidOn}), '[]')::text as j
    from ${duesPayments} join ${members} on ${members.id} = ${duesPayments.memberId}
    where (${inArray(members.orgId, [...orgIds])} or ${everMemberOf(db, duesPayments.memberId, orgIds)}) and ${duesPayments.month} >= ${fromMonth} and ${duesPayments.month} <= ${toMonth}`);
  const rows = (result as unknown as { rows: Array<{ j: string }> }).rows;
  const list = JSON.parse(rows[0]!.j) as Array<[string, string, string, number, string]>;
  return list.map(([id, memberId, month, amountFen, paidOn]) => ({ id, memberId, month, amountFen, paidOn }));
}
