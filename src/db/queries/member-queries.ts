/** Named queries for members. Encrypted columns never leave this module except on request. */
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Membership } from '../../domain/member/membership.ts';
import type { Member, MemberCategory, MemberStatus, Position } from '../../domain/member/member.ts';
import { maskIdNumber } from '../../domain/member/mask.ts';
import type { DbOrTx } from '../client.ts';
import { members } from '../schema/index.ts';
import { everMemberOf, insertMemberships, membershipsInOrgs, membershipsOfMembers } from './membership-queries.ts';

/** A member as stored: the domain record plus the protected columns (already encrypted/masked). */
export interface MemberRecord extends Member {
  idNumberEnc: string | null;
  idNumberMasked: string | null;
  idNumberHash: string | null;
  phoneEnc: string | null;
  phoneMasked: string | null;
}

/** A member as listed: masked personal data only. */
export interface MemberListItem extends Member {
  idNumberMasked: string | null;
  phoneMasked: string | null;
}

const domainColumns = {
  id: members.id, orgId: members.orgId, subgroupId: members.subgroupId, name: members.name,
  gender: members.gender, ethnicity: members.ethnicity, birthDate: members.birthDate, education: members.education,
  category: members.category, appliedOn: members.appliedOn, admittedOn: members.admittedOn, fullOn: members.fullOn,
  status: members.status, leftOn: members.leftOn, positions: members.positions,
};

type DomainRow = { [K in keyof typeof domainColumns]: (typeof members.$inferSelect)[K] };

function toMember(r: DomainRow, periods: ReadonlyMap<string, Membership[]>): Member {
  return {
    ...r,
    memberships: periods.get(r.id) ?? [],
    gender: r.gender as Member['gender'],
    category: r.category as MemberCategory,
    status: r.status as MemberStatus,
    positions: r.positions as Position[],
  };
}

/**
 * Inserts members in multi-row batches (Drizzle's per-row builder is slow for imports), with
 * their membership periods: a member without a period would be on no roll at all.
 */
export async function insertMembers(db: DbOrTx, rows: readonly MemberRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(members).values(rows.slice(i, i + 500).map(({ memberships: _p, ...m }) => ({ ...m })));
  }
  await insertMemberships(db, rows.flatMap((m) => m.memberships));
}

/**
 * Domain records of everyone who ever belonged to these organizations (for statistics and rules),
 * each holding only the periods spent in them — the roll at any date comes from those periods
 * (membership.ts), so someone who joined today does not appear in a closed period.
 */
export async function membersForOrgs(db: DbOrTx, orgIds: readonly string[]): Promise<Member[]> {
  if (orgIds.length === 0) return [];
  const periods = await membershipsInOrgs(db, orgIds);
  const rows = await db.select(domainColumns).from(members)
    .where(or(inArray(members.orgId, [...orgIds]), everMemberOf(db, members.id, orgIds)));
  return rows.map((r) => toMember(r, periods));
}


export interface MemberFilter {
  search?: string | undefined;
  category?: MemberCategory | undefined;
  status?: MemberStatus | undefined;
  subgroupId?: string | undefined;
}

/** Members of these organizations with masked personal data, ordered by name (pinyin order is applied by the caller). */
export async function listMembers(db: DbOrTx, orgIds: readonly string[], f: MemberFilter = {}): Promise<MemberListItem[]> {
  if (orgIds.length === 0) return [];
  const conds: SQL[] = [inArray(members.orgId, [...orgIds])];
  if (f.search) conds.push(ilike(members.name, `%${f.search.replace(/[%_\\]/g, (c) => '\\' + c)}%`));
  if (f.category) conds.push(eq(members.category, f.category));
  if (f.status) conds.push(eq(members.status, f.status));
  if (f.subgroupId) conds.push(eq(members.subgroupId, f.subgroupId));
  const rows = await db
    .select({ ...domainColumns, idNumberMasked: members.idNumberMasked, phoneMasked: members.phoneMasked })
    .from(members).where(and(...conds)).orderBy(asc(members.name));
  const periods = await membershipsOfMembers(db, rows.map((r) => r.id));
  return rows.map((r) => listed(r, periods));
}

/**
 * The listed form of a row. The stored mask is masked once more: masking is idempotent, and a
 * mask stored under an older, weaker rule (region + last 4, undone by the birth date) never leaves.
 */
function listed(r: DomainRow & { idNumberMasked: string | null; phoneMasked: string | null }, periods: ReadonlyMap<string, Membership[]>): MemberListItem {
  return { ...toMember(r, periods), idNumberMasked: r.idNumberMasked === null ? null : maskIdNumber(r.idNumberMasked), phoneMasked: r.phoneMasked };
}

/** One member (masked), or null. */
export async function getMember(db: DbOrTx, id: string): Promise<MemberListItem | null> {
  const [r] = await db
    .select({ ...domainColumns, idNumberMasked: members.idNumberMasked, phoneMasked: members.phoneMasked })
    .from(members).where(eq(members.id, id));
  if (!r) return null;
  return listed(r, await membershipsOfMembers(db, [r.id]));
}

/** Which of these blind-index hashes already belong to a member. */
export async function existingIdNumberHashes(db: DbOrTx, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db.select({ h: members.idNumberHash }).from(members).where(inArray(members.idNumberHash, [...hashes]));
  return new Set(rows.map((r) => r.h!).filter(Boolean));
}

/** Number of members in these organizations. */
export async function countMembers(db: DbOrTx, orgIds: readonly string[]): Promise<number> {
  if (orgIds.length === 0) return 0;
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(members).where(inArray(members.orgId, [...orgIds]));
  return r?.n ?? 0;
}

/** Members whose id is `ref` or whose name is exactly `ref` (current branch among `orgIds` when given). */
export async function findMembersByRef(db: DbOrTx, ref: string, orgIds?: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const conds: SQL[] = [isUuid ? or(eq(members.id, ref), eq(members.name, ref))! : eq(members.name, ref)];
  if (orgIds) conds.push(inArray(members.orgId, [...orgIds]));
  return db.select({ id: members.id, name: members.name }).from(members).where(and(...conds));
}
