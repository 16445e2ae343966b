/**
 * Record history and the recycle bin. Every change a use case makes to a record writes one
 * `record_changes` row in the same transaction (who, when, before and after, as the record's
 * client view — personal data only masked). A deleted record leaves the live tables at once (so
 * no statistic, check or list counts it) and its full copy waits in `recycle_bin` for 30 days.
 */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const recordChanges = pgTable('record_changes', {
  id: uuid('id').primaryKey(),
  /** RecordType of src/contract/history.ts: 'activity' | 'member' | 'developmentCase' | 'duesRate' | 'duesPayment' | 'user'. */
  recordType: text('record_type').notNull(),
  recordId: uuid('record_id').notNull(),
  /** The organization the record belongs to (for scope checks); null for accounts without one. */
  orgId: uuid('org_id'),
  /** 'create' | 'update' | 'delete' | 'restore'. */
  action: text('action').notNull(),
  /** The acting account; null for the command line. No foreign key: history outlives accounts. */
  actorUserId: uuid('actor_user_id'),
  actorName: text('actor_name').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
}, (t) => [
  index('record_changes_record_idx').on(t.recordType, t.recordId, t.at),
]);

export const recycleBin = pgTable('recycle_bin', {
  id: uuid('id').primaryKey(),
  recordType: text('record_type').notNull(),
  recordId: uuid('record_id').notNull(),
  orgId: uuid('org_id').notNull(),
  /** What the bin lists, e.g. "支部委员会会议：第三季度支委会". */
  label: text('label').notNull(),
  /** The record's date (an activity's date), for the list. */
  recordDate: text('record_date'),
  /** The full record as the domain holds it (an Activity with agenda and attendance). */
  data: jsonb('data').notNull(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull(),
  deletedByUserId: uuid('deleted_by_user_id'),
  deletedByName: text('deleted_by_name').notNull(),
}, (t) => [
  index('recycle_bin_org_idx').on(t.orgId, t.deletedAt),
  index('recycle_bin_record_idx').on(t.recordType, t.recordId),
]);
