/**
 * Records of the regulations engine: member development cases (发展党员, one per applicant, the
 * steps as jsonb — the domain's DevelopmentCase is the source of truth and is validated on
 * read) and party dues (党费): each member's monthly rate from a month on, and payments per month.
 * Money is integer 分 only (1 元 = 100 分).
 */
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { members } from './member.ts';
import { organizations } from './org.ts';

export const developmentCases = pgTable('development_cases', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'restrict' }),
  /** The member record, from admission on. */
  memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
  personName: text('person_name').notNull(),
  birthDate: date('birth_date', { mode: 'string' }),
  /** '2014' | '2026.05'. */
  ruleSet: text('rule_set').notNull(),
  /** CaseStep[] in recording order. */
  steps: jsonb('steps').notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('development_cases_org_idx').on(t.orgId),
  index('development_cases_member_idx').on(t.memberId),
]);

export const duesRates = pgTable('dues_rates', {
  memberId: uuid('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  /** First month (`YYYY-MM`) the rate applies. */
  fromMonth: text('from_month').notNull(),
  amountFen: integer('amount_fen').notNull(),
  /** DuesCategory (employed, retired, …). */
  category: text('category').notNull(),
  /** Monthly base in 分, null for the fixed-amount categories. */
  baseFen: integer('base_fen'),
}, (t) => [primaryKey({ columns: [t.memberId, t.fromMonth] })]);

export const duesPayments = pgTable('dues_payments', {
  id: uuid('id').primaryKey(),
  memberId: uuid('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  /** The month (`YYYY-MM`) the payment is for. */
  month: text('month').notNull(),
  amountFen: integer('amount_fen').notNull(),
  paidOn: date('paid_on', { mode: 'string' }).notNull(),
}, (t) => [index('dues_payments_member_month_idx').on(t.memberId, t.month)]);
