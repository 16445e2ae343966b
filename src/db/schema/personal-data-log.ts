/**
 * The personal-data access log (issue 13): one row per read or change of personal data
 * (身份证号, phone, birth date and the other fields of a member's record) — who, when, which
 * records, which fields, from which address. Append-only: a trigger (custom migration
 * `personal_data_log_append_only`) refuses UPDATE, DELETE and TRUNCATE on both databases.
 * Not the change history of ordinary records (`record_history`, another table).
 */
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const personalDataLog = pgTable('personal_data_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  /** The acting account; null for the local command line (`system`). No foreign key: the log outlives accounts. */
  userId: uuid('user_id'),
  /** The account's user name at the time (kept: an account can be renamed or removed). */
  username: text('username'),
  role: text('role').notNull(),
  /** 'read' | 'export' | 'change' | 'import' (PERSONAL_DATA_ACTIONS). */
  action: text('action').notNull(),
  /** 'member' (record ids are member ids). */
  recordKind: text('record_kind').notNull(),
  /** The records read or changed. */
  recordIds: jsonb('record_ids').$type<string[]>().notNull(),
  /** The personal fields read or changed (e.g. idNumber, phone, birthDate). */
  fields: jsonb('fields').$type<string[]>().notNull(),
  /** The organization whose records these are (the scope of the request), when there is one. */
  orgId: uuid('org_id'),
  /** Client address of the request (Fastify's req.ip); 'cli' for the command line. */
  address: text('address').notNull(),
}, (t) => [
  index('personal_data_log_at_idx').on(t.at),
  index('personal_data_log_org_idx').on(t.orgId),
]);
