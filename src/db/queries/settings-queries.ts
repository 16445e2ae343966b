/**
 * Named queries for per-unit regulation settings (regulation_settings): each organization's own
 * overrides, stored as jsonb and validated by the app layer on read.
 */
import { asc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { organizations, regulationSettings } from '../schema/index.ts';
import { inSubtree } from './org-queries.ts';

/** One organization's stored overrides (unvalidated jsonb), with the organization's path. */
export interface StoredOverrides {
  orgId: string;
  path: string;
  name: string;
  overrides: unknown;
  updatedAt: Date;
}

const columns = { orgId: regulationSettings.orgId, path: organizations.path, name: organizations.name, overrides: regulationSettings.overrides, updatedAt: regulationSettings.updatedAt };

/** SQL condition: the organization is `path`'s own or one of its ancestors (its path is a label prefix). */
function ancestorOrSelf(path: string) {
  return or(eq(organizations.path, path), sql`${path} LIKE ${organizations.path} || '.%'`)!;
}

/**
 * Stored overrides of the organization at `path` and of its ancestors, root first (ordered by
 * path length, i.e. depth). Organizations without a row are absent.
 */
export async function overridesOfAncestors(db: DbOrTx, path: string): Promise<StoredOverrides[]> {
  return db.select(columns).from(regulationSettings)
    .innerJoin(organizations, eq(organizations.id, regulationSettings.orgId))
    .where(ancestorOrSelf(path))
    .orderBy(asc(sql`length(${organizations.path})`));
}

/**
 * Stored overrides that can matter for a check of the subtree at `path`: those of its ancestors,
 * itself and every organization below it, in path order (a parent before its children).
 */
export async function overridesAroundSubtree(db: DbOrTx, path: string): Promise<StoredOverrides[]> {
  return db.select(columns).from(regulationSettings)
    .innerJoin(organizations, eq(organizations.id, regulationSettings.orgId))
    .where(or(ancestorOrSelf(path), inSubtree(path)))
    .orderBy(asc(sql`length(${organizations.path})`), asc(organizations.path));
}

/** Replaces the organization's overrides; an empty object deletes the row (the unit sets nothing itself). */
export async function saveOverrides(db: DbOrTx, orgId: string, overrides: Record<string, unknown>): Promise<void> {
  if (Object.keys(overrides).length === 0) {
    await db.delete(regulationSettings).where(eq(regulationSettings.orgId, orgId));
    return;
  }
  await db.insert(regulationSettings).values({ orgId, overrides })
    .onConflictDoUpdate({ target: regulationSettings.orgId, set: { overrides, updatedAt: sql`now()` } });
}
