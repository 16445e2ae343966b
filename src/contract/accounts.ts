/**
 * The accounts feature's contract (账号管理, administrators only): list, create, disable or
 * enable, and set a new password. Passwords go in, never out.
 */
import { z } from 'zod';
import { text, uuid } from './common.ts';

export const ROLE_LABELS = { admin: '系统管理员', orgAdmin: '组织管理员', member: '党员' } as const;
export type AccountRole = keyof typeof ROLE_LABELS;
export const accountRole = z.enum(Object.keys(ROLE_LABELS) as [AccountRole, ...AccountRole[]]);

export const account = z.object({
  id: uuid, username: z.string(), displayName: z.string(), role: accountRole, roleLabel: z.string(),
  orgId: uuid.nullable(), orgName: z.string().nullable(), memberId: uuid.nullable(), disabled: z.boolean(),
  /** ISO 8601 instant. */
  createdAt: z.string(),
});
export type Account = z.infer<typeof account>;

/** POST /api/accounts. An organization administrator needs `orgId`; a member account needs `memberId`. */
export const accountInput = z.object({
  username: text(50).min(2, '用户名至少 2 个字符'),
  displayName: text(50).optional(),
  password: z.string().min(1, '请输入密码').max(200),
  role: accountRole,
  orgId: uuid.optional(),
  memberId: uuid.optional(),
});
export type AccountInput = z.input<typeof accountInput>;

/** PUT /api/accounts/:id/disabled. */
export const accountDisabled = z.object({ disabled: z.boolean() });
/** POST /api/accounts/:id/password: a new password set by the administrator (all sessions end). */
export const accountPassword = z.object({ password: z.string().min(1, '请输入密码').max(200) });
