/**
 * Members. 身份证号 and phone are stored only encrypted (AES-256-GCM, see field-crypto.ts),
 * with a masked copy for lists and a keyed hash (HMAC) to find duplicates without decrypting.
 */
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './org.ts';

export const members = pgTable('members', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'restrict' }),
  subgroupId: uuid('subgroup_id').references(() => organizations.id, { onDelete: 'set null' }),
  name: text('name').notNull(),
  gender: text('gender'),
  ethnicity: text('ethnicity'),
  birthDate: date('birth_date', { mode: 'string' }),
  education: text('education'),
  idNumberEnc: text('id_number_enc'),
  idNumberMasked: text('id_number_masked'),
  idNumberHash: text('id_number_hash'),
  phoneEnc: text('phone_enc'),
  phoneMasked: text('phone_masked'),
  category: text('category').notNull(),
  appliedOn: date('applied_on', { mode: 'string' }),
  admittedOn: date('admitted_on', { mode: 'string' }),
  fullOn: date('full_on', { mode: 'string' }),
  status: text('status').notNull().default('normal'),
  leftOn: date('left_on', { mode: 'string' }),
  positions: jsonb('positions').$type<string[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('members_org_idx').on(t.orgId),
  index('members_subgroup_idx').on(t.subgroupId),
  uniqueIndex('members_id_number_hash_uq').on(t.idNumberHash),
]);
