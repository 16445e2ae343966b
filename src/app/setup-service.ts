/**
 * First run: while no account exists, the server prints a one-time setup link (a random token
 * known only to whoever started it, on the machine's console) with which the first administrator
 * is created in the browser. This keeps the quick start to `npm install && npm start` without a
 * default password anywhere.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ConflictError, ValidationError } from '../domain/errors.ts';
import { SYSTEM_ACTOR } from './access.ts';
import { createUser, hasUsers, type PublicUser } from './auth-service.ts';
import type { AppContext } from './context.ts';

/** A new setup token (32 url-safe characters). */
export function newSetupToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether the first administrator still has to be created. */
export async function setupNeeded(app: AppContext): Promise<boolean> {
  return !(await hasUsers(app));
}

/**
 * Creates the first administrator. Throws ConflictError once any account exists — checked again
 * under the users table's lock, so of parallel requests with the token exactly one succeeds — and
 * ValidationError (field `token`) when the token is missing or wrong, or (field `password`) when
 * the password policy refuses the password.
 */
export async function createFirstAdmin(
  app: AppContext, expected: string | undefined, input: { token: string; username: string; password: string; displayName?: string | undefined },
): Promise<PublicUser> {
  if (await hasUsers(app)) throw new ConflictError('系统已有账号，请直接登录');
  const a = Buffer.from(expected ?? '');
  const b = Buffer.from(input.token);
  if (!expected || a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new ValidationError('初始化链接无效：请使用启动服务时终端中显示的链接', [{ field: 'token', message: '无效' }]);
  }
  return createUser(app, SYSTEM_ACTOR, { username: input.username, password: input.password, role: 'admin', displayName: input.displayName }, { onlyIfNoUsers: true });
}
