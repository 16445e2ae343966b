/**
 * Record history and the recycle bin, as the use cases write them: `logChange` appends who
 * changed what (before and after) inside the caller's transaction, `moveToRecycleBin` keeps a
 * deleted record's copy for RECYCLE_BIN_DAYS. Reading either is scoped like the record itself.
 */
import { randomUUID } from 'node:crypto';
import { subDays } from 'date-fns';
import { CHANGE_ACTIONS, RECORD_TYPES, RECYCLE_BIN_DAYS, type ChangeAction, type HistoryRecordType, type RecordChange, type RecycleBinItem } from '../contract/history.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Organization } from '../domain/org/org.ts';
import type { DbOrTx } from '../db/client.ts';
import { insertRecordChange, insertRecycleBinEntry, listRecordChanges, liveRecordOrgId, listRecycleBinInSubtree, purgeRecycleBin, userDisplayName } from '../db/queries/history-queries.ts';
import { assertOrgInScope, assertRecordOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';

/** The name history shows for an actor: the account's display name, or 命令行 for the local CLI. */
export async function actorName(db: DbOrTx, actor: Actor): Promise<string> {
  if (!actor.userId) return '命令行';
  return (await userDisplayName(db, actor.userId)) ?? '（已删除的账号）';
}

export interface Change {
  recordType: HistoryRecordType;
  recordId: string;
  /** The record's organization (scope of who may read the history); null for accounts without one. */
  orgId: string | null;
  action: ChangeAction;
  /** The record's client view before and after (null on create / delete). Never personal data in clear. */
  before: unknown;
  after: unknown;
}

/** Appends one change to the history, in the caller's transaction `db`. */
export async function logChange(db: DbOrTx, actor: Actor, change: Change, now: Date): Promise<void> {
  await insertRecordChange(db, {
    id: randomUUID(), ...change, before: change.before ?? null, after: change.after ?? null,
    actorUserId: actor.userId, actorName: await actorName(db, actor), at: now,
  });
}

/**
 * The history of one record, newest first. NotFoundError when the record's organization is
 * outside the actor's scope; account history (no organization) is for administrators only.
 */
export async function recordHistory(app: AppContext, actor: Actor, recordType: HistoryRecordType, recordId: string): Promise<RecordChange[]> {
  assertRole(actor, MANAGERS);
  const rows = await listRecordChanges(app.database.db, recordType, recordId);
  // The live record decides the scope; a deleted one is judged by its last known organization.
  const live = await liveRecordOrgId(app.database.db, recordType, recordId);
  if (live === undefined && rows.length === 0) throw new NotFoundError('找不到该记录');
  const orgId = live !== undefined ? live : rows.find((r) => r.orgId)?.orgId ?? null;
  if (orgId) await assertRecordOrgInScope(app, actor, orgId, '找不到该记录');
  else if (actor.role !== 'admin' && actor.role !== 'system') throw new NotFoundError('找不到该记录');
  return rows.map((r) => ({
    id: r.id, recordType: r.recordType as HistoryRecordType, recordId: r.recordId, action: r.action as ChangeAction,
    actionLabel: CHANGE_ACTIONS[r.action as ChangeAction] ?? r.action, actorName: r.actorName, at: r.at.toISOString(), before: r.before, after: r.after,
  }));
}

export interface Deleted {
  recordType: HistoryRecordType;
  recordId: string;
  orgId: string;
  label: string;
  recordDate: string | null;
  /** The full record, enough to put it back. */
  data: unknown;
}

/** Keeps a deleted record's copy in the recycle bin (in the caller's transaction) and drops expired ones. */
export async function moveToRecycleBin(db: DbOrTx, actor: Actor, d: Deleted, now: Date): Promise<void> {
  await purgeRecycleBin(db, subDays(now, RECYCLE_BIN_DAYS));
  await insertRecycleBinEntry(db, {
    id: randomUUID(), ...d, deletedAt: now, deletedByUserId: actor.userId, deletedByName: await actorName(db, actor),
  });
}

/** Restorable entries of `org`'s subtree, newest first. Scope as for the organization's records. */
export async function listRecycleBin(app: AppContext, actor: Actor, org: Organization, now: Date): Promise<RecycleBinItem[]> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const rows = await listRecycleBinInSubtree(app.database.db, org.path, subDays(now, RECYCLE_BIN_DAYS));
  return rows.map((r) => ({
    id: r.id, recordType: r.recordType as HistoryRecordType, recordTypeLabel: RECORD_TYPES[r.recordType as HistoryRecordType] ?? r.recordType,
    recordId: r.recordId, orgId: r.orgId, label: r.label, recordDate: r.recordDate, deletedAt: r.deletedAt.toISOString(),
    deletedByName: r.deletedByName, restorableUntil: new Date(r.deletedAt.getTime() + RECYCLE_BIN_DAYS * 86_400_000).toISOString(),
  }));
}
