/**
 * Authorization, in the application layer: every use case the API reaches takes an `Actor` and
 * checks the record against the actor's scope here. A record outside the scope is reported as
 * NotFoundError (the caller cannot tell it from a missing one); a role that may not use a
 * feature at all is ForbiddenError.
 */
import { NotFoundError } from '../domain/errors.ts';
import type { Organization } from '../domain/org/org.ts';
import { getOrganization } from '../db/queries/org-queries.ts';
import type { AppContext } from './context.ts';
import { resolveOrg } from './org-service.ts';

/** admin = everything; orgAdmin = the subtree of its organization; member = own records only. */
export type { Role } from './views.ts';
import type { Role } from './views.ts';
export const ROLES: readonly Role[] = ['admin', 'orgAdmin', 'member'];

/**
 * Who is acting. `orgPath` is the materialized path of the actor's organization (null for an
 * admin or the local system); `memberId` links a user to a member record.
 */
export interface Actor {
  userId: string | null;
  role: Role | 'system';
  orgPath: string | null;
  memberId: string | null;
  /** Client address of the request (for the personal-data access log); absent on the command line. */
  address?: string | undefined;
}

/** The local command line: whoever holds the data directory already has all the data. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, role: 'system', orgPath: null, memberId: null });

import { ForbiddenError } from '../domain/errors.ts';
export { ForbiddenError };

/** Whether `org` lies in the actor's subtree (admins and the system see everything; members nothing org-wide). */
export function orgInScope(actor: Actor, org: Pick<Organization, 'path'>): boolean {
  if (actor.role === 'admin' || actor.role === 'system') return true;
  if (actor.role !== 'orgAdmin' || !actor.orgPath) return false;
  return org.path === actor.orgPath || org.path.startsWith(actor.orgPath + '.');
}

/** Throws NotFoundError (with `message`) when `org` is outside the actor's scope. */
export function assertOrgInScope(actor: Actor, org: Pick<Organization, 'path'>, message = '找不到该组织'): void {
  if (!orgInScope(actor, org)) throw new NotFoundError(message);
}

/** Throws ForbiddenError unless the actor's role is one of `roles` (the system actor always passes). */
export function assertRole(actor: Actor, roles: readonly Role[]): void {
  if (actor.role === 'system') return;
  if (!roles.includes(actor.role)) throw new ForbiddenError();
}

/** Organization administrators and admins: the roles that read and write organization records. */
export const MANAGERS: readonly Role[] = ['admin', 'orgAdmin'];

/**
 * Resolves an organization by id (or exact name, for the CLI) and checks it is in scope.
 * Throws ForbiddenError for a member account, NotFoundError when missing or out of scope.
 */
export async function scopedOrg(app: AppContext, actor: Actor, ref: string): Promise<Organization> {
  assertRole(actor, MANAGERS);
  let org: Organization;
  try {
    org = await resolveOrg(app, ref);
  } catch (e) {
    // An ambiguous name must not reveal organizations outside the scope.
    if (actor.role === 'orgAdmin') throw new NotFoundError('找不到该组织');
    throw e;
  }
  assertOrgInScope(actor, org);
  return org;
}

/** The organization a record belongs to, checked against the scope; NotFoundError(`message`) otherwise. */
export async function assertRecordOrgInScope(app: AppContext, actor: Actor, orgId: string, message: string): Promise<Organization> {
  assertRole(actor, MANAGERS);
  const org = await getOrganization(app.database.db, orgId);
  if (!org || !orgInScope(actor, org)) throw new NotFoundError(message);
  return org;
}
