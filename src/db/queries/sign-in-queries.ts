/** Named queries for QR sign-in scans (see src/domain/activity/sign-in.ts). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { attendance, members, signInScans } from '../schema/index.ts';

export type SignInScanRow = typeof signInScans.$inferSelect;

/** Records a scan; a member's second scan of the same meeting keeps the first. Returns the stored scan. */
export async function insertScan(db: DbOrTx, row: typeof signInScans.$inferInsert): Promise<SignInScanRow> {
  await db.insert(signInScans).values(row).onConflictDoNothing({ target: [signInScans.activityId, signInScans.memberId] });
  const [r] = await db.select().from(signInScans).where(and(eq(signInScans.activityId, row.activityId), eq(signInScans.memberId, row.memberId)));
  return r!;
}

/** The scans of a meeting with the members' names, in scan order. */
export async function scansOf(db: DbOrTx, activityId: string) {
  return db.select({
    id: signInScans.id, memberId: signInScans.memberId, name: members.name, at: signInScans.at,
    outcome: signInScans.outcome, reason: signInScans.reason,
  }).from(signInScans).innerJoin(members, eq(members.id, signInScans.memberId))
    .where(eq(signInScans.activityId, activityId)).orderBy(asc(signInScans.at));
}

/** One scan, or null. */
export async function getScan(db: DbOrTx, id: string): Promise<SignInScanRow | null> {
  const [r] = await db.select().from(signInScans).where(eq(signInScans.id, id));
  return r ?? null;
}

/** Sets a scan's outcome. */
export async function setScanOutcome(db: DbOrTx, id: string, outcome: string): Promise<void> {
  await db.update(signInScans).set({ outcome }).where(eq(signInScans.id, id));
}

/** The secretary's recorded attendance of one member at a meeting, or undefined. */
export async function recordedAttendance(db: DbOrTx, activityId: string, memberId: string): Promise<string | undefined> {
  const [r] = await db.select({ status: attendance.status }).from(attendance)
    .where(and(eq(attendance.activityId, activityId), eq(attendance.memberId, memberId)));
  return r?.status;
}

/**
 * Marks the member 出席 only where nothing is recorded: a recorded 请假 or 缺席 is never
 * overwritten (the insert does nothing on conflict). Returns whether a row was added.
 */
export async function markPresentIfUnrecorded(db: DbOrTx, activityId: string, memberId: string): Promise<boolean> {
  const rows = await db.insert(attendance).values({ activityId, memberId, status: 'present', reason: null })
    .onConflictDoNothing({ target: [attendance.activityId, attendance.memberId] }).returning({ m: attendance.memberId });
  return rows.length > 0;
}

/** The secretary's decision: the member attended (replaces a recorded 请假/缺席). */
export async function setPresent(db: DbOrTx, activityId: string, memberId: string): Promise<void> {
  await db.insert(attendance).values({ activityId, memberId, status: 'present', reason: null })
    .onConflictDoUpdate({ target: [attendance.activityId, attendance.memberId], set: { status: 'present', reason: sql`null` } });
}
