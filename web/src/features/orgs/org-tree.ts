/** Pure helpers over the flat organization list of GET /api/orgs. */
import { isBranchLike } from '../../../../src/domain/org/org.ts';
import type { Org } from '../../lib/types.ts';

export interface OrgTreeNode {
  key: string;
  title: string;
  org: Org;
  children: OrgTreeNode[];
}

/**
 * The tree of the organizations the caller may see, in the API's order. An organization whose
 * parent is not in the list (the top of an administrator's subtree) becomes a root. Party
 * subgroups (党小组) are left out: they are not a scope of their own.
 */
export function buildOrgTree(orgs: readonly Org[]): OrgTreeNode[] {
  const nodes = new Map<string, OrgTreeNode>();
  for (const o of orgs) if (o.type !== 'partySubgroup') nodes.set(o.id, { key: o.id, title: o.name, org: o, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.org.parentId ? nodes.get(n.org.parentId) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

/**
 * The organization to show first: the one remembered from the last visit when still visible,
 * else the user's own organization, else the first root.
 */
export function initialScope(orgs: readonly Org[], remembered: string | null, own: string | null): string | null {
  const visible = new Set(orgs.map((o) => o.id));
  if (remembered && visible.has(remembered)) return remembered;
  if (own && visible.has(own)) return own;
  return orgs.find((o) => !o.parentId || !visible.has(o.parentId))?.id ?? null;
}

/** Whether members and activities are recorded directly in this organization (a branch). */
export function isBranch(org: Pick<Org, 'type'>): boolean {
  return isBranchLike(org.type);
}

/** The party subgroups (党小组) under a branch, for the members filter. */
export function subgroupsOf(orgs: readonly Org[], branchId: string): Org[] {
  return orgs.filter((o) => o.parentId === branchId && o.type === 'partySubgroup');
}
