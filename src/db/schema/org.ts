/** Organizations (the tree, by materialized path) and their committee terms. */
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  parentId: uuid('parent_id').references((): AnyPgColumn => organizations.id, { onDelete: 'restrict' }),
  /** Labels of ancestor ids joined by '.', ending with this organization's own label. */
  path: text('path').notNull(),
  type: text('type').notNull(),
  name: text('name').notNull(),
  unitKind: text('unit_kind').notNull().default('other'),
  establishedOn: date('established_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // Subtree queries are `path = p OR path LIKE p || '.%'`: a pattern-ops btree serves the prefix.
  index('organizations_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
  index('organizations_parent_idx').on(t.parentId),
  index('organizations_name_idx').on(t.name),
]);

export const committeeTerms = pgTable('committee_terms', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  electedOn: date('elected_on', { mode: 'string' }).notNull(),
  termYears: integer('term_years').notNull(),
  expiresOn: date('expires_on', { mode: 'string' }).notNull(),
}, (t) => [index('committee_terms_org_idx').on(t.orgId)]);
