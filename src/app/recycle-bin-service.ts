/**
 * Restoring from the recycle bin: the entry's stored copy goes back into its table through the
 * record type's own restore, in one transaction with the bin entry's removal and a history entry.
 */
import { subDays } from 'date-fns';
import { RECYCLE_BIN_DAYS, type HistoryRecordType } from '../contract/history.ts';
import type { Activity } from '../domain/activity/activity.ts';
import { NotFoundError } from '../domain/errors.ts';
import { deleteRecycleBinEntry, getRecycleBinEntry } from '../db/queries/history-queries.ts';
import { assertRecordOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import { restoreActivity } from './activity-service.ts';
import type { AppContext } from './context.ts';

const GONE = '回收站中没有这条记录（删除超过 30 天的记录不再保留）';

/**
 * Restores recycle-bin entry `id`. NotFoundError when it does not exist, is older than
 * RECYCLE_BIN_DAYS or lies outside the actor's scope; ConflictError when the record exists again.
 */
export async function restoreFromRecycleBin(app: AppContext, actor: Actor, id: string, now: Date = new Date()): Promise<{ recordType: HistoryRecordType; recordId: string; url: string }> {
  assertRole(actor, MANAGERS);
  const entry = await getRecycleBinEntry(app.database.db, id);
  if (!entry || entry.deletedAt < subDays(now, RECYCLE_BIN_DAYS)) throw new NotFoundError(GONE);
  await assertRecordOrgInScope(app, actor, entry.orgId, GONE);
  return app.database.db.transaction(async (tx) => {
    // Two restores at once: only the one that removes the entry puts the record back.
    if (!(await deleteRecycleBinEntry(tx, id))) throw new NotFoundError(GONE);
    switch (entry.recordType as HistoryRecordType) {
      case 'activity': {
        const a = await restoreActivity(tx, actor, entry.data as Activity, now);
        return { recordType: 'activity' as const, recordId: a.id, url: `/activities/${a.id}` };
      }
      default:
        throw new NotFoundError(GONE);
    }
  });
}
