/** Named queries for members. Encrypted columns never leave this module except on request. */
import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Member, MemberCategory, MemberStatus, Position } from '../../domain/member/member.ts';
import { maskIdNumber } from '../../domain/member/mask.ts';
import type { DbOrTx } from '../client.ts';
import { members } from '../schema/index.ts';

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

function toMember(r: DomainRow): Member {
  return {
    ...r,
    gender: r.gender as Member['gender'],
    category: r.category as MemberCategory,
    status: r.status as MemberStatus,
    positions: r.positions as Position[],
  };
}

/** Inserts members in multi-row batches (Drizzle's per-row builder is slow for imports). */
export async function insertMembers(db: DbOrTx, rows: readonly MemberRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(members).values(rows.slice(i, i + 500).map((m) => ({ ...m })));
  }
}

/** Domain records of the members of these organizations (for statistics and rules). */
export async function membersForOrgs(db: DbOrTx, orgIds: readonly string[]): Promise<Member[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.select(domainColumns).from(members).where(inArray(members.orgId, [...orgIds]));
  return rows.map(toMember);
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
  return rows.map(listed);
}

/**
 * The listed form of a row. The stored mask is masked once more: masking is idempotent, and a
 * mask stored under an older, weaker rule (region + last 4, undone by the birth date) never leaves.
 */
function listed(r: DomainRow & { idNumberMasked: string | null; phoneMasked: string | null }): MemberListItem {
  return { ...toMember(r), idNumberMasked: r.idNumberMasked === null ? null : maskIdNumber(r.idNumberMasked), phoneMasked: r.phoneMasked };
}

/** One member (masked), or null. */
export async function getMember(db: DbOrTx, id: string): Promise<MemberListItem | null> {
  const [r] = await db
    .select({ ...domainColumns, idNumberMasked: members.idNumberMasked, phoneMasked: members.phoneMasked })
    .from(members).where(eq(members.id, id));
  return r ? listed(r) : null;
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
