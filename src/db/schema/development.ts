/** Member development milestones (dated). The full case pipeline comes with the regulations engine. */
import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { members } from './member.ts';
import { organizations } from './org.ts';

export const developmentEvents = pgTable('development_events', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'restrict' }),
  memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
  personName: text('person_name').notNull(),
  step: text('step').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
}, (t) => [
  index('development_events_org_date_idx').on(t.orgId, t.date),
  index('development_events_member_idx').on(t.memberId),
]);
