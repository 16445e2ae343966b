/** Writing one member's fields (the web form's edit). Encrypted columns arrive already encrypted. */
import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { members } from '../schema/index.ts';

/** The columns an edit may change (personal data only in its encrypted/masked/hashed forms). */
export type MemberUpdate = Partial<Omit<typeof members.$inferInsert, 'id' | 'orgId' | 'createdAt'>>;

/** Applies `set` to the member; returns false when no such member exists. */
export async function updateMemberRow(db: DbOrTx, id: string, set: MemberUpdate): Promise<boolean> {
  if (Object.keys(set).length === 0) return (await db.select({ id: members.id }).from(members).where(eq(members.id, id))).length > 0;
  const rows = await db.update(members).set(set).where(eq(members.id, id)).returning({ id: members.id });
  return rows.length > 0;
}

/** Whether another member already has this blind-indexed 身份证号. */
export async function idNumberHashTaken(db: DbOrTx, hash: string, exceptId: string): Promise<boolean> {
  const rows = await db.select({ id: members.id }).from(members).where(and(eq(members.idNumberHash, hash), ne(members.id, exceptId)));
  return rows.length > 0;
}
