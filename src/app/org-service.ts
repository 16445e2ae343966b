/** Use cases for organizations: the tree, and resolving `--org <id or name>`. */
import type { Organization } from '../domain/org/org.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { findOrganizationsByName, getOrganization, listOrganizations, subtreeOrganizations } from '../db/queries/org-queries.ts';
import { assertRole, MANAGERS, orgInScope, type Actor } from './access.ts';
import type { AppContext } from './context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every organization in tree order, each with its depth (0 for a root). */
export async function listOrgTree(app: AppContext): Promise<Array<Organization & { depth: number }>> {
  const orgs = await listOrganizations(app.database.db);
  return orgs.map((o) => ({ ...o, depth: o.path.split('.').length - 1 }));
}

/**
 * Finds an organization by id or exact name. Throws NotFoundError when none matches and
 * ValidationError when a name is ambiguous (the message lists the ids to choose from).
 */
export async function resolveOrg(app: AppContext, ref: string): Promise<Organization> {
  const db = app.database.db;
  if (UUID.test(ref)) {
    const o = await getOrganization(db, ref);
    if (o) return o;
  }
  const byName = await findOrganizationsByName(db, ref.trim());
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new ValidationError(`有 ${byName.length} 个组织名为“${ref}”，请改用 id：${byName.map((o) => o.id).join('、')}`, [{ field: 'org', message: '名称不唯一' }]);
  }
  throw new NotFoundError(`找不到组织“${ref}”（可用 zhibu org list 查看）`);
}

/** The organization and everything below it. */
export async function orgSubtree(app: AppContext, org: Organization): Promise<Organization[]> {
  return subtreeOrganizations(app.database.db, org.path);
}

/**
 * The organizations the actor may see, in tree order with depths relative to the tree's root:
 * all for an admin, the subtree of its organization for an orgAdmin. ForbiddenError for a member.
 */
export async function listOrgsFor(app: AppContext, actor: Actor): Promise<Array<Organization & { depth: number }>> {
  assertRole(actor, MANAGERS);
  const all = await listOrgTree(app);
  return all.filter((o) => orgInScope(actor, o));
}

/** One organization; NotFoundError when missing or outside the actor's scope. */
export async function readOrg(app: AppContext, actor: Actor, id: string): Promise<Organization & { depth: number }> {
  assertRole(actor, MANAGERS);
  const o = await getOrganization(app.database.db, id);
  if (!o || !orgInScope(actor, o)) throw new NotFoundError('找不到该组织');
  return { ...o, depth: o.path.split('.').length - 1 };
}
