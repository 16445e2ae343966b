/**
 * Accounts and what hangs off them: users (scoped to an organization subtree), server-side
 * sessions (only the SHA-256 of the cookie token is stored), login throttling counters,
 * meeting sign-in tokens (hashed), and saved summary drafts with the user's paragraph edits.
 */
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { activities } from './activity.ts';
import { members } from './member.ts';
import { organizations } from './org.ts';

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  /** argon2id PHC string. */
  passwordHash: text('password_hash').notNull(),
  /** 'admin' | 'orgAdmin' | 'member'. */
  role: text('role').notNull(),
  orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'restrict' }),
  memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('users_username_uq').on(t.username),
  index('users_org_idx').on(t.orgId),
  index('users_member_idx').on(t.memberId),
]);

export const sessions = pgTable('sessions', {
  /** Hex SHA-256 of the random cookie token: a stolen database row cannot be replayed as a cookie. */
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [
  index('sessions_user_idx').on(t.userId),
  index('sessions_expires_idx').on(t.expiresAt),
]);

/**
 * Login throttling, one row per key (`user:<lower-case name>` or `ip:<address>`): the attempts
 * counted in the window that began at `windowStart`. Incremented atomically before the password
 * is checked (INSERT … ON CONFLICT … DO UPDATE … RETURNING), so parallel requests and several
 * server processes on one PostgreSQL share the count.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
}, (t) => [index('login_throttle_window_idx').on(t.windowStart)]);

export const signInTokens = pgTable('sign_in_tokens', {
  /** Hex SHA-256 of the token shown in the QR code. */
  tokenHash: text('token_hash').primaryKey(),
  activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
  /** The meeting's window: the code signs in from `validFrom` until `expiresAt` (exclusive). */
  validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sign_in_tokens_activity_idx').on(t.activityId)]);

/**
 * Every scan of a sign-in code: the member, when, and what came of it — marked 出席 (`present`),
 * already 出席, or waiting for the secretary (`pending`: not expected, or recorded 请假/缺席),
 * then `confirmed` (列席, or 出席 by the secretary's decision) or `rejected`.
 */
export const signInScans = pgTable('sign_in_scans', {
  id: uuid('id').primaryKey(),
  activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
  memberId: uuid('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull(),
  outcome: text('outcome').notNull(),
  reason: text('reason'),
}, (t) => [uniqueIndex('sign_in_scans_activity_member_uq').on(t.activityId, t.memberId)]);

export const summaries = pgTable('summaries', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  /** The generated DraftDocument (without edits). */
  draft: jsonb('draft').notNull(),
  /** paragraphId → { texts, baseText }: the user's segments and the generated text they replaced. */
  edits: jsonb('edits').notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [index('summaries_org_idx').on(t.orgId)]);
