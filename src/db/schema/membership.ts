/**
 * Membership periods: which organization's roll a member was on, from when until when, how the
 * period began and ended (see src/domain/member/membership.ts). `[started_on, ended_on)`.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { members } from './member.ts';
import { organizations } from './org.ts';

export const memberships = pgTable('memberships', {
  id: uuid('id').primaryKey(),
  memberId: uuid('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'restrict' }),
  startedOn: date('started_on', { mode: 'string' }),
  startKind: text('start_kind').notNull(),
  endedOn: date('ended_on', { mode: 'string' }),
  endKind: text('end_kind'),
  cameFrom: text('came_from'),
  wentTo: text('went_to'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('memberships_member_idx').on(t.memberId),
  index('memberships_org_idx').on(t.orgId),
  check('memberships_dates_ck', sql`${t.endedOn} IS NULL OR ${t.startedOn} IS NULL OR ${t.endedOn} > ${t.startedOn}`),
  check('memberships_end_ck', sql`(${t.endedOn} IS NULL) = (${t.endKind} IS NULL)`),
]);
