/** Named queries for accounts: users, sessions, login throttling, sign-in tokens, saved summaries. */
import { asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { loginThrottle, organizations, sessions, signInTokens, summaries, users } from '../schema/index.ts';

export type UserRow = typeof users.$inferSelect;

/** A user with the organization it is scoped to (path for access checks, name for display). */
export interface UserWithOrg {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  orgId: string | null;
  orgPath: string | null;
  orgName: string | null;
  memberId: string | null;
  disabled: boolean;
}

const userWithOrg = {
  id: users.id, username: users.username, displayName: users.displayName, passwordHash: users.passwordHash,
  role: users.role, orgId: users.orgId, orgPath: organizations.path, orgName: organizations.name,
  memberId: users.memberId, disabled: users.disabled,
};

/** Inserts a user (the password already hashed). */
export async function insertUser(db: DbOrTx, row: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(row);
}

/** The user with this user name (exact), with its organization's path and name; null when none. */
export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserWithOrg | null> {
  const [r] = await db.select(userWithOrg).from(users).leftJoin(organizations, eq(organizations.id, users.orgId)).where(eq(users.username, username));
  return r ?? null;
}

/** The user with this id, with its organization's path and name; null when none. */
export async function getUserWithOrg(db: DbOrTx, id: string): Promise<UserWithOrg | null> {
  const [r] = await db.select(userWithOrg).from(users).leftJoin(organizations, eq(organizations.id, users.orgId)).where(eq(users.id, id));
  return r ?? null;
}

/**
 * Takes the users table's lock until the transaction ends (SHARE ROW EXCLUSIVE: reads go on, a
 * second writer waits), so that "no account yet" or "name free" stays true until the insert.
 */
export async function lockUsers(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`LOCK TABLE ${users} IN SHARE ROW EXCLUSIVE MODE`);
}

/** Replaces a user's password hash. */
export async function updatePasswordHash(db: DbOrTx, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Ends every session of a user (after a password change). */
export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Number of user accounts (0 means the server must stay on loopback). */
export async function countUsers(db: DbOrTx): Promise<number> {
  const [r] = await db.select({ n: count() }).from(users);
  return Number(r?.n ?? 0);
}

/** Stores a session (its id is the SHA-256 of the cookie token, never the token). */
export async function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

/** A session (by the hash of its token) with its user, whatever its expiry (the caller judges). */
export async function getSessionWithUser(db: DbOrTx, id: string) {
  const [r] = await db
    .select({ session: sessions, user: userWithOrg })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(sessions.id, id));
  return r ?? null;
}

/** Moves a session's last activity to `lastSeenAt` (idle expiry counts from it). */
export async function touchSession(db: DbOrTx, id: string, lastSeenAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id));
}

/** Ends a session. */
export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Removes sessions past their absolute expiry. */
export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/**
 * Counts one login attempt for each key, atomically, and returns each key's count in the current
 * window. A window older than `since` starts afresh at 1 with `windowStart = now`. One statement
 * (INSERT … ON CONFLICT DO UPDATE … RETURNING): concurrent attempts, in this process or another
 * on the same PostgreSQL, each get a distinct count.
 */
export async function countLoginAttempts(db: DbOrTx, keys: readonly string[], now: Date, since: Date): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const expired = sql`${loginThrottle.windowStart} <= ${since.toISOString()}::timestamptz`;
  const rows = await db.insert(loginThrottle)
    .values(keys.map((key) => ({ key, attempts: 1, windowStart: now })))
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        attempts: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginThrottle.attempts} + 1 END`,
        windowStart: sql`CASE WHEN ${expired} THEN excluded.window_start ELSE ${loginThrottle.windowStart} END`,
      },
    })
    .returning({ key: loginThrottle.key, attempts: loginThrottle.attempts });
  return new Map(rows.map((r) => [r.key, r.attempts]));
}

/** Gives back one counted attempt of `key` (a successful login from a shared address is no failure). */
export async function releaseLoginAttempt(db: DbOrTx, key: string): Promise<void> {
  await db.update(loginThrottle).set({ attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)` }).where(eq(loginThrottle.key, key));
}

/** Forgets the attempts of one key (the account's, after a successful login). */
export async function clearLoginAttempts(db: DbOrTx, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/** Drops counters whose window began before `before` (they no longer count). */
export async function pruneLoginAttempts(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStart, before));
}

/** Stores a meeting sign-in token (hashed) with its activity and expiry. */
export async function insertSignInToken(db: DbOrTx, row: typeof signInTokens.$inferInsert): Promise<void> {
  await db.insert(signInTokens).values(row);
}

/** A sign-in token by its hash, or null. */
export async function getSignInToken(db: DbOrTx, tokenHash: string) {
  const [r] = await db.select().from(signInTokens).where(eq(signInTokens.tokenHash, tokenHash));
  return r ?? null;
}

export type SummaryRow = typeof summaries.$inferSelect;

/** Stores a saved summary draft with its edits. */
export async function insertSummary(db: DbOrTx, row: typeof summaries.$inferInsert): Promise<void> {
  await db.insert(summaries).values(row);
}

/** A saved summary by id, or null. */
export async function getSummary(db: DbOrTx, id: string): Promise<SummaryRow | null> {
  const [r] = await db.select().from(summaries).where(eq(summaries.id, id));
  return r ?? null;
}

/** Saved summaries of these organizations, most recently changed first. */
export async function listSummaries(db: DbOrTx, orgIds: readonly string[]): Promise<SummaryRow[]> {
  if (orgIds.length === 0) return [];
  return db.select().from(summaries).where(inArray(summaries.orgId, [...orgIds])).orderBy(desc(summaries.updatedAt), asc(summaries.id));
}

/** Updates a saved summary's draft, edits or timestamp. */
export async function updateSummary(db: DbOrTx, id: string, set: Partial<Pick<SummaryRow, 'draft' | 'edits' | 'updatedAt'>>): Promise<void> {
  await db.update(summaries).set(set).where(eq(summaries.id, id));
}

/** Every account with its organization's name, by user name (never the password hash). */
export async function listUsersWithOrg(db: DbOrTx) {
  return db.select({
    id: users.id, username: users.username, displayName: users.displayName, role: users.role, orgId: users.orgId,
    orgName: organizations.name, memberId: users.memberId, disabled: users.disabled, createdAt: users.createdAt,
  }).from(users).leftJoin(organizations, eq(organizations.id, users.orgId)).orderBy(asc(users.username));
}

/** Disables or enables an account. Returns whether it exists. */
export async function setUserDisabled(db: DbOrTx, userId: string, disabled: boolean): Promise<boolean> {
  const r = await db.update(users).set({ disabled }).where(eq(users.id, userId)).returning({ id: users.id });
  return r.length > 0;
}
