/**
 * The records that give a summary its substance: campaigns, 我为群众办实事 projects with their
 * public evaluations, the 整改清单, 结对共建 partners and honours.
 */
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { members } from './member.ts';
import { organizations } from './org.ts';

export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'restrict' }),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  area: text('area').notNull(),
  from: date('from_date', { mode: 'string' }).notNull(),
  to: date('to_date', { mode: 'string' }),
  result: text('result'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('campaigns_org_idx').on(t.orgId, t.from)]);

export const partners = pgTable('partners', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'restrict' }),
  name: text('name').notNull(),
  agreementDate: date('agreement_date', { mode: 'string' }).notNull(),
  content: text('content'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('partners_org_idx').on(t.orgId)]);

export const serviceProjects = pgTable('service_projects', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'restrict' }),
  campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
  title: text('title').notNull(),
  needSource: text('need_source').notNull(),
  responsible: text('responsible').notNull(),
  startedOn: date('started_on', { mode: 'string' }).notNull(),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  status: text('status').notNull(),
  doneOn: date('done_on', { mode: 'string' }),
  peopleServed: integer('people_served'),
  result: text('result'),
  /** The public evaluation link's token (random, unguessable; the link needs no login). */
  evaluationToken: text('evaluation_token').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('service_projects_org_idx').on(t.orgId, t.startedOn)]);

export const serviceEvaluations = pgTable('service_evaluations', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull().references(() => serviceProjects.id, { onDelete: 'cascade' }),
  rating: text('rating').notNull(),
  comment: text('comment'),
  date: date('date', { mode: 'string' }).notNull(),
  /** SHA-256 of the device cookie (or, without one, of the hashed client fingerprint): one answer per device per project. */
  deviceKey: text('device_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('service_evaluations_device_uq').on(t.projectId, t.deviceKey)]);

export const rectificationItems = pgTable('rectification_items', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'restrict' }),
  campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
  problem: text('problem').notNull(),
  source: text('source').notNull(),
  foundOn: date('found_on', { mode: 'string' }).notNull(),
  measures: text('measures').notNull(),
  responsible: text('responsible').notNull(),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  status: text('status').notNull(),
  evidence: text('evidence'),
  closedOn: date('closed_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('rectification_items_org_idx').on(t.orgId, t.foundOn)]);

export const honours = pgTable('honours', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'restrict' }),
  title: text('title').notNull(),
  awardedBy: text('awarded_by'),
  date: date('date', { mode: 'string' }).notNull(),
  recipient: text('recipient').notNull(),
  memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('honours_org_idx').on(t.orgId, t.date)]);
