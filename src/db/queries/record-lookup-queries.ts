/** Lookups for the sign-in QR and the record popover: attendance upsert, development events by id. */
import { inArray, sql } from 'drizzle-orm';
import type { DevelopmentEvent, DevelopmentStep } from '../../domain/development/development.ts';
import type { DbOrTx } from '../client.ts';
import { attendance, developmentEvents } from '../schema/index.ts';

/** Marks a member present at an activity (inserting the attendance row, or updating it). */
export async function markPresent(db: DbOrTx, activityId: string, memberId: string): Promise<void> {
  await db.insert(attendance).values({ activityId, memberId, status: 'present', reason: null })
    .onConflictDoUpdate({ target: [attendance.activityId, attendance.memberId], set: { status: 'present', reason: sql`null` } });
}

/** Development events by id. */
export async function developmentEventsByIds(db: DbOrTx, ids: readonly string[]): Promise<DevelopmentEvent[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(developmentEvents).where(inArray(developmentEvents.id, [...ids]));
  return rows.map((r) => ({ ...r, step: r.step as DevelopmentStep }));
}
