/** Named queries for record history (record_changes) and the recycle bin. */
import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { activities, developmentCases, duesPayments, members, organizations, recordChanges, recycleBin, users } from '../schema/index.ts';
import { inSubtree } from './org-queries.ts';

export type RecordChangeRow = typeof recordChanges.$inferSelect;
export type RecycleBinRow = typeof recycleBin.$inferSelect;

/** Appends one change. */
export async function insertRecordChange(db: DbOrTx, row: typeof recordChanges.$inferInsert): Promise<void> {
  await db.insert(recordChanges).values(row);
}

/** The changes of one record, newest first. */
export async function listRecordChanges(db: DbOrTx, recordType: string, recordId: string): Promise<RecordChangeRow[]> {
  return db.select().from(recordChanges)
    .where(and(eq(recordChanges.recordType, recordType), eq(recordChanges.recordId, recordId)))
    .orderBy(desc(recordChanges.at), desc(recordChanges.id));
}

/** The display name of an account, or null. */
export async function userDisplayName(db: DbOrTx, userId: string): Promise<string | null> {
  const [r] = await db.select({ n: users.displayName }).from(users).where(eq(users.id, userId));
  return r?.n ?? null;
}

export async function insertRecycleBinEntry(db: DbOrTx, row: typeof recycleBin.$inferInsert): Promise<void> {
  await db.insert(recycleBin).values(row);
}

/** Entries deleted at or after `since` of the organizations in the subtree at `path`, newest first. */
export async function listRecycleBinInSubtree(db: DbOrTx, path: string, since: Date): Promise<RecycleBinRow[]> {
  const subtree = db.select({ id: organizations.id }).from(organizations).where(inSubtree(path));
  return db.select().from(recycleBin)
    .where(and(inArray(recycleBin.orgId, subtree), gte(recycleBin.deletedAt, since)))
    .orderBy(desc(recycleBin.deletedAt));
}

export async function getRecycleBinEntry(db: DbOrTx, id: string): Promise<RecycleBinRow | null> {
  const [r] = await db.select().from(recycleBin).where(eq(recycleBin.id, id));
  return r ?? null;
}

/** Removes one entry; returns whether it was there (a second restore of the same entry finds nothing). */
export async function deleteRecycleBinEntry(db: DbOrTx, id: string): Promise<boolean> {
  const r = await db.delete(recycleBin).where(eq(recycleBin.id, id)).returning({ id: recycleBin.id });
  return r.length > 0;
}

/** Drops entries deleted before `before` (past the restore window). */
export async function purgeRecycleBin(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(recycleBin).where(lt(recycleBin.deletedAt, before));
}

/** Which of `ids` are members that exist (a restored record may name someone removed since). */
export async function existingMemberIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: members.id }).from(members).where(inArray(members.id, [...new Set(ids)]));
  return new Set(rows.map((r) => r.id));
}

/**
 * The organization of a live record of `recordType` (for dues, the member's): `undefined` when
 * there is no such record, `null` for an account without an organization.
 */
export async function liveRecordOrgId(db: DbOrTx, recordType: string, id: string): Promise<string | null | undefined> {
  const one = async (q: Promise<Array<{ orgId: string | null }>>) => { const [r] = await q; return r ? r.orgId : undefined; };
  switch (recordType) {
    case 'activity': return one(db.select({ orgId: activities.orgId }).from(activities).where(eq(activities.id, id)));
    case 'member': return one(db.select({ orgId: members.orgId }).from(members).where(eq(members.id, id)));
    case 'developmentCase': return one(db.select({ orgId: developmentCases.orgId }).from(developmentCases).where(eq(developmentCases.id, id)));
    case 'duesPayment': return one(db.select({ orgId: members.orgId }).from(duesPayments).innerJoin(members, eq(members.id, duesPayments.memberId)).where(eq(duesPayments.id, id)));
    case 'user': return one(db.select({ orgId: users.orgId }).from(users).where(eq(users.id, id)));
    default: return undefined;
  }
}
