/**
 * The personal-data access log (issue 13, domain.md: every access to personal data is logged):
 * use cases record each read, export, import and change of members' personal data in the same
 * call that touches it; only the system administrator reads the log. The log holds ids and field
 * names, never the values.
 */
import { PERSONAL_DATA_ACTIONS, PERSONAL_FIELDS, type PersonalDataAction, type PersonalDataLogEntry, type PersonalField } from '../contract/personal-data-log.ts';
import type { DbOrTx } from '../db/client.ts';
import { getUserWithOrg } from '../db/queries/account-queries.ts';
import { appendPersonalDataLog, listPersonalDataLog, type PersonalDataLogRow } from '../db/queries/personal-data-log-queries.ts';
import { assertRole, type Actor } from './access.ts';
import type { AppContext } from './context.ts';

/** What a use case did with personal data. */
export interface PersonalDataAccess {
  action: PersonalDataAction;
  /** Member ids. */
  recordIds: readonly string[];
  fields: readonly PersonalField[];
  orgId?: string | null | undefined;
}

/** The fields every member answer carries: masked 身份证号 and phone, and the plain birth date, gender, ethnicity, education. */
export const LISTED_FIELDS: readonly PersonalField[] = ['idNumber', 'phone', 'birthDate', 'gender', 'ethnicity', 'education'];

/**
 * Appends one entry for `actor` (user name looked up, address from the request, `cli` for the
 * command line). Pass the transaction of a change so the entry and the change commit together.
 */
export async function logPersonalData(app: AppContext, actor: Actor, access: PersonalDataAccess, db: DbOrTx = app.database.db): Promise<void> {
  if (access.recordIds.length === 0) return;
  const user = actor.userId ? await getUserWithOrg(db, actor.userId) : null;
  await appendPersonalDataLog(db, {
    userId: actor.userId,
    username: user?.username ?? null,
    role: actor.role,
    action: access.action,
    recordKind: 'member',
    recordIds: [...access.recordIds],
    fields: [...access.fields],
    orgId: access.orgId ?? null,
    address: actor.address ?? (actor.role === 'system' ? 'cli' : 'unknown'),
  });
}

function toEntry(r: PersonalDataLogRow): PersonalDataLogEntry {
  const action = r.action as PersonalDataAction;
  return {
    id: r.id, at: r.at.toISOString(), username: r.username, role: r.role, action, actionLabel: PERSONAL_DATA_ACTIONS[action] ?? r.action,
    recordKind: r.recordKind, recordIds: r.recordIds, fields: r.fields,
    fieldLabels: r.fields.map((f) => PERSONAL_FIELDS[f as PersonalField] ?? f), orgId: r.orgId, address: r.address,
  };
}

/** A page of the log, newest first. ForbiddenError for anyone but the system administrator. */
export async function readPersonalDataLog(app: AppContext, actor: Actor, q: { limit: number; offset: number }): Promise<{ total: number; items: PersonalDataLogEntry[] }> {
  assertRole(actor, ['admin']);
  const { total, rows } = await listPersonalDataLog(app.database.db, q.limit, q.offset);
  return { total, items: rows.map(toEntry) };
}
