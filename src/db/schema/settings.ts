/**
 * Per-unit regulation settings (regulations.md §11 open points): an organization's own overrides
 * of the engine's defaults, as a partial RegulationSettings object validated on write and read
 * (src/domain/regulations/settings-schema.ts). Descendants inherit them unless they override.
 */
import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './org.ts';

export const regulationSettings = pgTable('regulation_settings', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  /** Partial<RegulationSettings>: only the keys this organization sets itself. */
  overrides: jsonb('overrides').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
