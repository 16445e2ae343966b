/** Named queries for the append-only personal-data access log (insert and read only: the database refuses the rest). */
import { count, desc } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { personalDataLog } from '../schema/index.ts';

export type PersonalDataLogRow = typeof personalDataLog.$inferSelect;
export type NewPersonalDataLogRow = Omit<typeof personalDataLog.$inferInsert, 'id' | 'at'>;

/** Appends one entry. */
export async function appendPersonalDataLog(db: DbOrTx, row: NewPersonalDataLogRow): Promise<void> {
  await db.insert(personalDataLog).values(row);
}

/** A page of entries, newest first, with the total count. */
export async function listPersonalDataLog(db: DbOrTx, limit: number, offset: number): Promise<{ total: number; rows: PersonalDataLogRow[] }> {
  const [c] = await db.select({ n: count() }).from(personalDataLog);
  const rows = await db.select().from(personalDataLog).orderBy(desc(personalDataLog.id)).limit(limit).offset(offset);
  return { total: Number(c?.n ?? 0), rows };
}

/** Every entry, oldest first (for the backup's readable copy). */
export async function allPersonalDataLog(db: DbOrTx): Promise<PersonalDataLogRow[]> {
  return db.select().from(personalDataLog).orderBy(personalDataLog.id);
}
