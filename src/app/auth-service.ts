/**
 * Accounts and sessions: argon2id password hashes, server-side sessions (the cookie carries a
 * random 32-byte token, the database only its SHA-256), a CSRF token per session, idle and
 * absolute expiry, and login throttling per account and per address. The clock is passed in
 * (`now`), so tests advance time instead of sleeping. Passwords never leave this module.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { subMinutes } from 'date-fns';
import { LRUCache } from 'lru-cache';
import { ConflictError, NotFoundError, ThrottledError, UnauthenticatedError, ValidationError } from '../domain/errors.ts';
import { isBranchLike } from '../domain/org/org.ts';
import {
  clearLoginAttempts, countLoginAttempts, countUsers, deleteExpiredSessions, deleteSession, findUserByUsername,
  deleteUserSessions, getSessionWithUser, getUserWithOrg, insertSession, insertUser, lockUsers, pruneLoginAttempts, releaseLoginAttempt,
  touchSession, updatePasswordHash,
  type UserWithOrg,
} from '../db/queries/account-queries.ts';
import { getMember } from '../db/queries/member-queries.ts';
import { getOrganization } from '../db/queries/org-queries.ts';
import { assertRole, type Actor, type Role } from './access.ts';
import type { AppContext } from './context.ts';
import type { PublicUser } from './views.ts';

export type { PublicUser };
import { resolveOrg } from './org-service.ts';
import { assertPasswordAllowed } from './password-policy.ts';

/** Session lifetimes in milliseconds: idle (since the last request) and absolute (since login). */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** 8 hours idle, 7 days absolute. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 8 * 3600_000, absoluteMs: 7 * 24 * 3600_000 };

/** Login throttling: this many failures within `windowMinutes` lock the account (or address) for that long. */
export const THROTTLE = { maxFailures: 5, windowMinutes: 15 } as const;

/** Wrong user name or password (HTTP 401). One message for both, so names cannot be probed. */
export class AuthenticationError extends UnauthenticatedError {
  constructor(message = '用户名或密码错误') {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** Too many failed logins (HTTP 429). */
export class LoginThrottledError extends ThrottledError {
  constructor(message = `登录失败次数过多，请 ${THROTTLE.windowMinutes} 分钟后再试`) {
    super(message);
    this.name = 'LoginThrottledError';
  }
}


/** What a valid session gives the API: the user, the actor for use cases and the CSRF token. */
export interface Authenticated {
  user: PublicUser;
  actor: Actor;
  csrfToken: string;
  sessionId: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const USERNAME = /^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,50}$/;

function publicUser(u: UserWithOrg): PublicUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role as Role, orgId: u.orgId, orgName: u.orgName, memberId: u.memberId };
}

function actorOf(u: UserWithOrg): Actor {
  return { userId: u.id, role: u.role as Role, orgPath: u.orgPath, memberId: u.memberId };
}

/** argon2id hash (library defaults: m=19456 KiB, t=2, p=1) as a PHC string. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export interface NewUser {
  username: string;
  displayName?: string | undefined;
  password: string;
  role: Role;
  /** Organization id or exact name; required for orgAdmin and member. */
  orgRef?: string | undefined;
  memberId?: string | undefined;
}

/**
 * Creates a user. Only the system (CLI) and admins may. Throws ValidationError for a bad name,
 * a password the policy refuses (password-policy.ts) or a role without its organization,
 * NotFoundError for an unknown organization or member, ConflictError when the name is taken —
 * or, with `onlyIfNoUsers` (first-run setup), when any account exists. The check and the insert
 * run in one transaction holding the users table's lock, so parallel calls cannot both pass.
 */
export async function createUser(app: AppContext, actor: Actor, input: NewUser, opts: { onlyIfNoUsers?: boolean } = {}): Promise<PublicUser> {
  assertRole(actor, ['admin']);
  const db = app.database.db;
  const username = input.username.trim();
  if (!USERNAME.test(username)) throw new ValidationError('用户名应为 2–50 个字母、数字、汉字或 _ . -', [{ field: 'username', message: '格式不正确' }]);
  assertPasswordAllowed(input.password, { username, displayName: input.displayName });
  let orgId: string | null = null;
  if (input.role !== 'admin') {
    // A member account's organization is its member record's branch; --org may be left out.
    if (!input.orgRef && !(input.role === 'member' && input.memberId)) throw new ValidationError('组织管理员账号需指定组织（--org）', [{ field: 'org', message: '必填' }]);
    if (input.orgRef) orgId = (await resolveOrg(app, input.orgRef)).id;
  } else if (input.orgRef) {
    orgId = (await resolveOrg(app, input.orgRef)).id;
  }
  let memberId: string | null = null;
  if (input.memberId) {
    const m = await getMember(db, input.memberId);
    if (!m) throw new NotFoundError('找不到该党员');
    memberId = m.id;
    if (input.role === 'member') {
      if (orgId && orgId !== m.orgId) throw new ValidationError('党员账号的组织应为该党员所在党支部', [{ field: 'org', message: '与党员所在支部不一致' }]);
      orgId = m.orgId;
    }
  }
  if (input.role === 'member') {
    if (!memberId) throw new ValidationError('党员账号需关联党员记录（--member）', [{ field: 'member', message: '必填' }]);
    const org = orgId ? await getOrganization(db, orgId) : null;
    if (!org || !isBranchLike(org.type)) throw new ValidationError('党员账号应属于党支部', [{ field: 'org', message: '应为党支部' }]);
  }
  const id = randomUUID();
  // Hashing takes ~50 ms: done before the lock is taken.
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await lockUsers(tx);
    if (opts.onlyIfNoUsers && (await countUsers(tx)) > 0) throw new ConflictError('系统已有账号，请直接登录');
    if (await findUserByUsername(tx, username)) throw new ConflictError(`用户名“${username}”已被使用`);
    await insertUser(tx, { id, username, displayName: input.displayName?.trim() || username, passwordHash, role: input.role, orgId, memberId });
  });
  return publicUser((await getUserWithOrg(db, id))!);
}

/**
 * Sets a new password for an existing account (`zhibu user password`), under the same policy as
 * a new one, and ends all of its sessions. Only the system and admins may. Throws NotFoundError
 * for an unknown user name, ValidationError (field `password`) for a refused password.
 */
export async function resetPassword(app: AppContext, actor: Actor, input: { username: string; password: string }): Promise<PublicUser> {
  assertRole(actor, ['admin']);
  const db = app.database.db;
  const user = await findUserByUsername(db, input.username.trim());
  if (!user) throw new NotFoundError(`找不到用户“${input.username.trim()}”`);
  assertPasswordAllowed(input.password, { username: user.username, displayName: user.displayName });
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    await deleteUserSessions(tx, user.id);
  });
  sessionCaches.delete(app.database);
  return publicUser(user);
}

/** Whether any account exists (until one does, the server stays on loopback). */
export async function hasUsers(app: AppContext): Promise<boolean> {
  return (await countUsers(app.database.db)) > 0;
}

// A real argon2id hash to verify against when the user does not exist, so both paths cost the same.
let dummyHash: Promise<string> | null = null;

/**
 * Checks the password and opens a session. Every attempt is first counted, atomically in the
 * database, for the account and for the address; an attempt beyond `THROTTLE.maxFailures` in the
 * window of `THROTTLE.windowMinutes` minutes is refused with LoginThrottledError without the
 * password being checked (even a correct one). So parallel requests, and several servers on one
 * PostgreSQL, get at most that many guesses per window. A successful login forgets the account's
 * count and gives the address its attempt back. Throws AuthenticationError for a wrong name or
 * password or a disabled account. Returns the cookie token (only its hash is stored) and the CSRF token.
 */
export async function login(
  app: AppContext,
  input: { username: string; password: string; address: string },
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<{ token: string; csrfToken: string; user: PublicUser; expiresAt: Date }> {
  const db = app.database.db;
  const username = input.username.trim();
  const userKey = `user:${username.toLowerCase()}`;
  const ipKey = `ip:${input.address}`;
  const since = subMinutes(now, THROTTLE.windowMinutes);
  const counts = await countLoginAttempts(db, [userKey, ipKey], now, since);
  const over = [userKey, ipKey].filter((k) => (counts.get(k) ?? 0) > THROTTLE.maxFailures);
  if (over.length > 0) {
    // The key that was not over its limit has not been used for a guess: give its attempt back.
    for (const k of [userKey, ipKey]) if (!over.includes(k)) await releaseLoginAttempt(db, k);
    throw new LoginThrottledError();
  }

  const user = await findUserByUsername(db, username);
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verify(user?.passwordHash ?? await dummyHash, input.password).catch(() => false);
  if (!user || !ok || user.disabled) {
    await pruneLoginAttempts(db, since);
    throw new AuthenticationError();
  }
  await clearLoginAttempts(db, userKey);
  await releaseLoginAttempt(db, ipKey);
  await deleteExpiredSessions(db, now);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await insertSession(db, { id: sha256(token), userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, csrfToken, user: publicUser(user), expiresAt };
}

/**
 * The session behind a cookie token, or null when unknown, idle too long, past its absolute
 * expiry, or its user is disabled (an expired session is deleted). Refreshes `lastSeenAt` at most
 * once a minute, so that reads do not turn into writes on every request.
 */
export async function authenticate(app: AppContext, token: string, now: Date, policy: SessionPolicy = DEFAULT_SESSION_POLICY): Promise<Authenticated | null> {
  if (!token || token.length > 100) return null;
  const db = app.database.db;
  const id = sha256(token);
  const cache = sessionCache(app);
  let row = cache.get(id);
  if (!row) {
    row = (await getSessionWithUser(db, id)) ?? undefined;
    if (!row) return null;
    cache.set(id, row);
  }
  const { session, user } = row;
  const idleEnd = session.lastSeenAt.getTime() + policy.idleMs;
  if (now.getTime() >= idleEnd || now.getTime() >= session.expiresAt.getTime() || user.disabled) {
    cache.delete(id);
    await deleteSession(db, id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await touchSession(db, id, now);
    session.lastSeenAt = now;
  }
  return { user: publicUser(user), actor: actorOf(user), csrfToken: session.csrfToken, sessionId: id };
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof getSessionWithUser>>>;

/**
 * How long a session read stays in memory. Reading it costs ~2 ms on PGlite, the largest part of
 * an authenticated request. Logout and expiry in this process take effect at once; a change made
 * by another process (several servers on one PostgreSQL) is seen within this time.
 */
export const SESSION_CACHE_MS = 10_000;

const sessionCaches = new WeakMap<AppContext['database'], LRUCache<string, SessionRow>>();

function sessionCache(app: AppContext): LRUCache<string, SessionRow> {
  let c = sessionCaches.get(app.database);
  if (!c) {
    c = new LRUCache<string, SessionRow>({ max: 10_000, ttl: SESSION_CACHE_MS });
    sessionCaches.set(app.database, c);
  }
  return c;
}

/** Whether `given` is the session's CSRF token (constant-time comparison). */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Ends the session (the cookie token is worthless afterwards). */
export async function logout(app: AppContext, sessionId: string): Promise<void> {
  sessionCache(app).delete(sessionId);
  await deleteSession(app.database.db, sessionId);
}
