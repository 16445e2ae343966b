/** Activities with their agenda items and per-member attendance. */
import { boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { members } from './member.ts';
import { campaigns, partners } from './work.ts';
import { organizations } from './org.ts';

export const activities = pgTable('activities', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'restrict' }),
  kind: text('kind').notNull(),
  /** 'held' (召开了, counted everywhere) | 'planned' (计划召开, may be in the future, counted nowhere). */
  status: text('status').notNull().default('held'),
  date: date('date', { mode: 'string' }).notNull(),
  title: text('title').notNull(),
  location: text('location'),
  chairMemberId: uuid('chair_member_id').references(() => members.id, { onDelete: 'set null' }),
  lecturerMemberId: uuid('lecturer_member_id').references(() => members.id, { onDelete: 'set null' }),
  lecturerName: text('lecturer_name'),
  minutes: text('minutes'),
  nonMemberParticipants: integer('non_member_participants').notNull().default(0),
  studyHours: numeric('study_hours', { precision: 5, scale: 1, mode: 'number' }).notNull().default(0),
  /** Summary area (SUMMARY_AREAS); null: the kind's default. */
  area: text('area'),
  campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
  partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
  result: text('result'),
  highlight: boolean('highlight').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('activities_org_date_idx').on(t.orgId, t.date),
  index('activities_chair_idx').on(t.chairMemberId),
  index('activities_lecturer_idx').on(t.lecturerMemberId),
]);

export const agendaItems = pgTable('agenda_items', {
  activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  isFirstAgendaItem: boolean('is_first_agenda_item').notNull().default(false),
}, (t) => [primaryKey({ columns: [t.activityId, t.position] })]);

export const attendance = pgTable('attendance', {
  activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
  memberId: uuid('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  status: text('status').notNull(),
  reason: text('reason'),
}, (t) => [
  primaryKey({ columns: [t.activityId, t.memberId] }),
  index('attendance_member_idx').on(t.memberId),
]);
