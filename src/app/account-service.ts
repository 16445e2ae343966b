/**
 * Account management for administrators (账号管理): list, create (党委 and branch administrators,
 * members' accounts from the member list), disable or enable, set a new password. Creating and
 * setting passwords go through auth-service (its password policy); every change is in the
 * account's history, never with a password.
 */
import { ROLE_LABELS, type Account, type AccountRole } from '../contract/accounts.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { deleteUserSessions, getUserWithOrg, listUsersWithOrg, setUserDisabled } from '../db/queries/account-queries.ts';
import { assertRole, type Actor } from './access.ts';
import { createUser, resetPassword } from './auth-service.ts';
import type { AppContext } from './context.ts';
import { logChange } from './history-service.ts';

const ADMIN = ['admin'] as const;
const NOT_FOUND = '找不到该账号';

/** Every account (administrators only; ForbiddenError otherwise). */
export async function listAccounts(app: AppContext, actor: Actor): Promise<Account[]> {
  assertRole(actor, ADMIN);
  const rows = await listUsersWithOrg(app.database.db);
  return rows.map((r) => ({ ...r, role: r.role as AccountRole, roleLabel: ROLE_LABELS[r.role as AccountRole] ?? r.role, createdAt: r.createdAt.toISOString() }));
}

async function accountView(app: AppContext, id: string): Promise<Account> {
  const a = (await listAccounts(app, { userId: null, role: 'system', orgPath: null, memberId: null })).find((x) => x.id === id);
  if (!a) throw new NotFoundError(NOT_FOUND);
  return a;
}

/** What history keeps of an account: no password, no hash. */
const snapshot = (a: Account) => ({ username: a.username, displayName: a.displayName, role: a.roleLabel, orgName: a.orgName, disabled: a.disabled });

/**
 * Creates an account (createUser's rules and password policy). ValidationError for a bad name,
 * a refused password or a role without its organization/member; ConflictError for a taken name.
 */
export async function createAccount(app: AppContext, actor: Actor, input: { username: string; displayName?: string | undefined; password: string; role: AccountRole; orgId?: string | undefined; memberId?: string | undefined }, now: Date = new Date()): Promise<Account> {
  assertRole(actor, ADMIN);
  if (input.role === 'member' && !input.memberId) throw new ValidationError('党员账号需选择党员', [{ field: 'memberId', message: '请选择党员' }]);
  if (input.role === 'orgAdmin' && !input.orgId) throw new ValidationError('组织管理员账号需选择组织', [{ field: 'orgId', message: '请选择组织' }]);
  const u = await createUser(app, actor, { username: input.username, displayName: input.displayName, password: input.password, role: input.role, orgRef: input.orgId, memberId: input.memberId });
  const a = await accountView(app, u.id);
  await logChange(app.database.db, actor, { recordType: 'user', recordId: a.id, orgId: a.orgId, action: 'create', before: null, after: snapshot(a) }, now);
  return a;
}

/** Disables (all sessions end) or enables an account. An administrator cannot disable itself. */
export async function setAccountDisabled(app: AppContext, actor: Actor, id: string, disabled: boolean, now: Date = new Date()): Promise<Account> {
  assertRole(actor, ADMIN);
  if (disabled && actor.userId === id) throw new ValidationError('不能停用自己的账号', [{ field: 'disabled', message: '不能停用自己' }]);
  const before = await accountView(app, id);
  await app.database.db.transaction(async (tx) => {
    if (!(await setUserDisabled(tx, id, disabled))) throw new NotFoundError(NOT_FOUND);
    if (disabled) await deleteUserSessions(tx, id);
    await logChange(tx, actor, { recordType: 'user', recordId: id, orgId: before.orgId, action: 'update', before: snapshot(before), after: snapshot({ ...before, disabled }) }, now);
  });
  return { ...before, disabled };
}

/** Sets a new password for account `id` (auth-service's policy; its sessions end). */
export async function setAccountPassword(app: AppContext, actor: Actor, id: string, password: string, now: Date = new Date()): Promise<Account> {
  assertRole(actor, ADMIN);
  const u = await getUserWithOrg(app.database.db, id);
  if (!u) throw new NotFoundError(NOT_FOUND);
  await resetPassword(app, actor, { username: u.username, password });
  const a = await accountView(app, id);
  await logChange(app.database.db, actor, { recordType: 'user', recordId: id, orgId: a.orgId, action: 'update', before: { password: '（旧密码）' }, after: { password: '（已重设）' } }, now);
  return a;
}
