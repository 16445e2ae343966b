/** Named queries for organizations and committee terms. Each takes the database or a transaction. */
import { asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { CommitteeTerm, Organization, OrgType, UnitKind } from '../../domain/org/org.ts';
import type { DbOrTx } from '../client.ts';
import { committeeTerms, organizations } from '../schema/index.ts';

type OrgRow = typeof organizations.$inferSelect;

function toOrganization(r: OrgRow): Organization {
  return {
    id: r.id, parentId: r.parentId, path: r.path, type: r.type as OrgType, name: r.name,
    unitKind: r.unitKind as UnitKind, establishedOn: r.establishedOn,
  };
}

const orgColumns = {
  id: organizations.id, parentId: organizations.parentId, path: organizations.path, type: organizations.type,
  name: organizations.name, unitKind: organizations.unitKind, establishedOn: organizations.establishedOn,
};

/** Inserts organizations (parents before children). */
export async function insertOrganizations(db: DbOrTx, rows: readonly Organization[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(organizations).values(rows.map((o) => ({ ...o })));
}

/** Every organization, in tree order (by path). */
export async function listOrganizations(db: DbOrTx): Promise<Organization[]> {
  const rows = await db.select(orgColumns).from(organizations).orderBy(asc(organizations.path));
  return rows.map((r) => toOrganization(r as OrgRow));
}

/** One organization by id, or null. */
export async function getOrganization(db: DbOrTx, id: string): Promise<Organization | null> {
  const [r] = await db.select(orgColumns).from(organizations).where(eq(organizations.id, id));
  return r ? toOrganization(r as OrgRow) : null;
}

/** Organizations with exactly this name. */
export async function findOrganizationsByName(db: DbOrTx, name: string): Promise<Organization[]> {
  const rows = await db.select(orgColumns).from(organizations).where(eq(organizations.name, name));
  return rows.map((r) => toOrganization(r as OrgRow));
}

/** SQL condition: the organization at `path` and everything below it (index-served prefix match). */
export function inSubtree(path: string) {
  return or(eq(organizations.path, path), like(organizations.path, `${path}.%`))!;
}

/** The organization at `path` with its whole subtree, in tree order. */
export async function subtreeOrganizations(db: DbOrTx, path: string): Promise<Organization[]> {
  const rows = await db.select(orgColumns).from(organizations).where(inSubtree(path)).orderBy(asc(organizations.path));
  return rows.map((r) => toOrganization(r as OrgRow));
}

/** Counts organizations (for "is the database empty"). */
export async function countOrganizations(db: DbOrTx): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return r?.n ?? 0;
}

/** Inserts committee terms. */
export async function insertCommitteeTerms(db: DbOrTx, rows: readonly CommitteeTerm[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(committeeTerms).values(rows.map((t) => ({ ...t })));
}

/** Committee terms of the given organizations, oldest first. */
export async function termsForOrgs(db: DbOrTx, orgIds: readonly string[]): Promise<CommitteeTerm[]> {
  if (orgIds.length === 0) return [];
  return db.select().from(committeeTerms).where(inArray(committeeTerms.orgId, [...orgIds])).orderBy(asc(committeeTerms.electedOn));
}

