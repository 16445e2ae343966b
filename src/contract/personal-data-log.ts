/**
 * The personal-data access log (个人信息访问日志): every read, export, import and change of
 * members' personal data — who, when, which records, which fields, from which address.
 * Append-only; only the system administrator reads it. Not the change history of ordinary
 * records (src/contract/history.ts).
 */
import { z } from 'zod';
import { page } from './common.ts';

export const PERSONAL_DATA_ACTIONS = { read: '查看', export: '导出', import: '导入', change: '修改' } as const;
export type PersonalDataAction = keyof typeof PERSONAL_DATA_ACTIONS;
export const personalDataAction = z.enum(Object.keys(PERSONAL_DATA_ACTIONS) as [PersonalDataAction, ...PersonalDataAction[]]);

/** The personal fields of a member's record, with their labels. */
export const PERSONAL_FIELDS = { idNumber: '身份证号', phone: '手机', birthDate: '出生日期', gender: '性别', ethnicity: '民族', education: '学历' } as const;
export type PersonalField = keyof typeof PERSONAL_FIELDS;

/** GET /api/personal-data-log: newest first. */
export const personalDataLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const personalDataLogEntry = z.object({
  id: z.number().int(),
  /** ISO 8601 instant. */
  at: z.string(),
  username: z.string().nullable(),
  role: z.string(),
  action: personalDataAction,
  actionLabel: z.string(),
  recordKind: z.string(),
  recordIds: z.array(z.string()),
  fields: z.array(z.string()),
  fieldLabels: z.array(z.string()),
  orgId: z.string().nullable(),
  address: z.string(),
});
export type PersonalDataLogEntry = z.infer<typeof personalDataLogEntry>;

export const personalDataLogPage = page(personalDataLogEntry);
