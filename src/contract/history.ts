/**
 * Record history (修改记录) and the recycle bin (回收站): who changed what and when, with the
 * before and after of each change, and deleted records that can be restored for 30 days.
 */
import { z } from 'zod';
import { isoDate, uuid } from './common.ts';

/** Kinds of records whose changes are kept. */
export const RECORD_TYPES = {
  activity: '活动记录',
  member: '党员',
  developmentCase: '发展党员',
  duesRate: '党费基数',
  duesPayment: '党费缴纳',
  user: '账号',
} as const;
export type HistoryRecordType = keyof typeof RECORD_TYPES;
export const historyRecordType = z.enum(Object.keys(RECORD_TYPES) as [HistoryRecordType, ...HistoryRecordType[]]);

export const CHANGE_ACTIONS = { create: '新增', update: '修改', delete: '删除', restore: '恢复' } as const;
export type ChangeAction = keyof typeof CHANGE_ACTIONS;
export const changeAction = z.enum(Object.keys(CHANGE_ACTIONS) as [ChangeAction, ...ChangeAction[]]);

/** How long a deleted record can be restored. */
export const RECYCLE_BIN_DAYS = 30;

/** GET /api/history?type=&id=: the changes of one record, newest first. */
export const historyQuery = z.object({ type: historyRecordType, id: uuid });

/** One change: `before`/`after` are the record's client view (personal data masked), null for create/delete. */
export const recordChange = z.object({
  id: uuid,
  recordType: historyRecordType,
  recordId: uuid,
  action: changeAction,
  actionLabel: z.string(),
  actorName: z.string(),
  /** ISO 8601 instant. */
  at: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type RecordChange = z.infer<typeof recordChange>;

/** GET /api/recycle-bin?orgId=: deleted records of the organization's subtree still restorable. */
export const recycleBinQuery = z.object({ orgId: uuid });
export const recycleBinItem = z.object({
  id: uuid,
  recordType: historyRecordType,
  recordTypeLabel: z.string(),
  recordId: uuid,
  orgId: uuid,
  label: z.string(),
  recordDate: isoDate.nullable(),
  deletedAt: z.string(),
  deletedByName: z.string(),
  /** The last moment it can be restored (ISO 8601). */
  restorableUntil: z.string(),
});
export type RecycleBinItem = z.infer<typeof recycleBinItem>;

/** POST /api/recycle-bin/:id/restore answers where the record is again. */
export const restoredRecord = z.object({ recordType: historyRecordType, recordId: uuid, url: z.string() });
