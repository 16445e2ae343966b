/** Named queries for membership periods (src/domain/member/membership.ts). */
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Membership, MembershipEndKind, MembershipStartKind } from '../../domain/member/membership.ts';
import type { DbOrTx } from '../client.ts';
import { memberships } from '../schema/index.ts';

const columns = {
  id: memberships.id, memberId: memberships.memberId, orgId: memberships.orgId,
  startedOn: memberships.startedOn, startKind: memberships.startKind,
  endedOn: memberships.endedOn, endKind: memberships.endKind,
  cameFrom: memberships.cameFrom, wentTo: memberships.wentTo,
};

type Row = { [K in keyof typeof columns]: (typeof memberships.$inferSelect)[K] };

function toMembership(r: Row): Membership {
  return { ...r, startKind: r.startKind as MembershipStartKind, endKind: r.endKind as MembershipEndKind | null };
}

/**
 * A condition on a member id column: the member was ever on the roll of one of these organizations
 * (a subquery, for rosters and dues that follow the member's periods rather than its current branch).
 */
export function everMemberOf(db: DbOrTx, memberIdColumn: AnyPgColumn, orgIds: readonly string[]): SQL {
  return inArray(memberIdColumn, db.select({ id: memberships.memberId }).from(memberships).where(inArray(memberships.orgId, [...orgIds])));
}

/** Inserts periods in multi-row batches. */
export async function insertMemberships(db: DbOrTx, rows: readonly Membership[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(memberships).values(rows.slice(i, i + 500).map((p) => ({ ...p })));
  }
}

/** Every period of these members, oldest first (a null start sorts first), grouped by member id. */
export async function membershipsOfMembers(db: DbOrTx, memberIds: readonly string[]): Promise<Map<string, Membership[]>> {
  const out = new Map<string, Membership[]>();
  if (memberIds.length === 0) return out;
  const rows = await db.select(columns).from(memberships)
    .where(inArray(memberships.memberId, [...memberIds]))
    .orderBy(asc(memberships.memberId), asc(memberships.startedOn), asc(memberships.createdAt));
  for (const r of rows) {
    const list = out.get(r.memberId);
    if (list) list.push(toMembership(r)); else out.set(r.memberId, [toMembership(r)]);
  }
  return out;
}

/** The periods spent in these organizations, grouped by member id. */
export async function membershipsInOrgs(db: DbOrTx, orgIds: readonly string[]): Promise<Map<string, Membership[]>> {
  const out = new Map<string, Membership[]>();
  if (orgIds.length === 0) return out;
  const rows = await db.select(columns).from(memberships)
    .where(inArray(memberships.orgId, [...orgIds]))
    .orderBy(asc(memberships.memberId), asc(memberships.startedOn), asc(memberships.createdAt));
  for (const r of rows) {
    const list = out.get(r.memberId);
    if (list) list.push(toMembership(r)); else out.set(r.memberId, [toMembership(r)]);
  }
  return out;
}

/** The member's open period, or null when it has none. */
export async function openMembership(db: DbOrTx, memberId: string): Promise<Membership | null> {
  const [r] = await db.select(columns).from(memberships)
    .where(and(eq(memberships.memberId, memberId), isNull(memberships.endedOn)));
  return r ? toMembership(r) : null;
}

/** Closes a period on `endedOn` with how it ended. */
export async function closeMembership(db: DbOrTx, id: string, end: { endedOn: string; endKind: MembershipEndKind; wentTo: string | null }): Promise<void> {
  await db.update(memberships).set(end).where(eq(memberships.id, id));
}
