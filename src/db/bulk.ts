/**
 * Bulk loading with COPY (synthetic data, large imports): rows are written in PostgreSQL's COPY
 * text format and sent with COPY … FROM STDIN on PostgreSQL (pg-copy-streams) or COPY … FROM
 * '/dev/blob' on PGlite, one transaction per session. The column names come from the Drizzle
 * table, so the copy follows the schema; columns a row leaves out take their defaults.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Activity } from '../domain/activity/activity.ts';
import type { DuesPayment } from '../domain/regulations/dues.ts';
import type { Database, Db, DbOrTx } from './client.ts';
import * as schema from './schema/index.ts';

/** A transaction that can also COPY rows in. */
export interface BulkSession {
  /** The transaction, for the ordinary insert queries. */
  db: DbOrTx;
  /** COPYs `rows` (objects keyed like the Drizzle table's columns) into `table`. */
  copy<T extends PgTable>(table: T, rows: ReadonlyArray<Partial<T['$inferInsert']>>): Promise<void>;
}

/** One value in COPY text format (\N for null; backslash, tab and line breaks escaped). */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** The COPY statement's head and its text for `rows`; empty when there are no rows. */
function copyText<T extends PgTable>(table: T, rows: ReadonlyArray<Partial<T['$inferInsert']>>, source: string): { sql: string; text: string } | null {
  if (rows.length === 0) return null;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!).filter((k) => k in columns);
  const names = keys.map((k) => `"${columns[k]!.name}"`).join(', ');
  const lines = rows.map((r) => keys.map((k) => copyValue((r as Record<string, unknown>)[k])).join('\t'));
  return { sql: `COPY "${getTableName(table)}" (${names}) FROM ${source}`, text: `${lines.join('\n')}\n` };
}

/**
 * Runs `fn` in one transaction that can COPY. All or nothing: an error rolls the whole session
 * back. On PGlite nothing else may use the database meanwhile (it has a single connection).
 */
export async function inBulkTransaction<T>(database: Database, fn: (s: BulkSession) => Promise<T>): Promise<T> {
  if (database.driver === 'postgres') {
    const pool = (database.db as unknown as { $client: pg.Pool }).$client;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const db = drizzlePg(client, { schema }) as unknown as Db;
      const result = await fn({
        db,
        copy: async (table, rows) => {
          const c = copyText(table, rows, 'STDIN');
          if (c) await pipeline(Readable.from([c.text]), client.query(copyFrom(c.sql)));
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
  const lite = (database.db as unknown as { $client: PGlite }).$client;
  await lite.exec('BEGIN');
  try {
    const result = await fn({
      db: database.db,
      copy: async (table, rows) => {
        const c = copyText(table, rows, `'/dev/blob'`);
        if (c) await lite.query(c.sql, [], { blob: new Blob([c.text]) });
      },
    });
    await lite.exec('COMMIT');
    return result;
  } catch (e) {
    await lite.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** COPYs activities with their agenda items and attendance (the rows insertActivities writes). */
export async function copyActivities(s: BulkSession, rows: readonly Activity[]): Promise<void> {
  await s.copy(schema.activities, rows.map((a) => ({
    id: a.id, orgId: a.orgId, kind: a.kind, status: a.status ?? 'held', date: a.date, title: a.title, location: a.location,
    chairMemberId: a.chairMemberId, lecturerMemberId: a.lecturerMemberId, lecturerName: a.lecturerName,
    minutes: a.minutes, nonMemberParticipants: a.nonMemberParticipants, studyHours: a.studyHours,
  })));
  await s.copy(schema.agendaItems, rows.flatMap((a) => a.agendaItems.map((it, position) => ({ activityId: a.id, position, title: it.title, isFirstAgendaItem: it.isFirstAgendaItem }))));
  await s.copy(schema.attendance, rows.flatMap((a) => a.attendance.map((x) => ({ activityId: a.id, memberId: x.memberId, status: x.status, reason: x.reason }))));
}

/** COPYs dues payments. */
export async function copyDuesPayments(s: BulkSession, rows: readonly DuesPayment[]): Promise<void> {
  await s.copy(schema.duesPayments, rows.map((p) => ({ id: p.id, memberId: p.memberId, month: p.month, amountFen: p.amountFen, paidOn: p.paidOn })));
}
