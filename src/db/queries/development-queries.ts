/** Named queries for member development events. */
import { and, asc, gte, inArray, lte } from 'drizzle-orm';
import type { DevelopmentEvent, DevelopmentStep } from '../../domain/development/development.ts';
import type { DbOrTx } from '../client.ts';
import { developmentEvents } from '../schema/index.ts';

/** Inserts development events. */
export async function insertDevelopmentEvents(db: DbOrTx, rows: readonly DevelopmentEvent[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(developmentEvents).values(rows.map((e) => ({ ...e })));
}

/** Events of these organizations dated within [from, to] (inclusive). */
export async function loadDevelopmentEvents(db: DbOrTx, orgIds: readonly string[], from: string, to: string): Promise<DevelopmentEvent[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.select().from(developmentEvents)
    .where(and(inArray(developmentEvents.orgId, [...orgIds]), gte(developmentEvents.date, from), lte(developmentEvents.date, to)))
    .orderBy(asc(developmentEvents.date));
  return rows.map((r) => ({ ...r, step: r.step as DevelopmentStep }));
}
