/**
 * 整改清单: problems found (at the 组织生活会, in 民主评议, by 巡察, by the higher committee's
 * inspection, or by the branch itself), with measures, who answers for them, the deadline and the
 * evidence. An item is closed (对账销号) only with evidence; items open at a period's end feed the
 * summary's 存在的问题 and 下一步.
 */
import { isLocalDate, type LocalDate } from '../common/dates.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';

export const RECTIFICATION_SOURCES = {
  organizationalLifeMeeting: '组织生活会',
  democraticAppraisal: '民主评议',
  inspection: '巡察',
  superiorSupervision: '上级督导',
  selfInspection: '自查',
} as const;
export type RectificationSource = keyof typeof RECTIFICATION_SOURCES;
export const RECTIFICATION_SOURCE_LIST = Object.keys(RECTIFICATION_SOURCES) as RectificationSource[];

export const RECTIFICATION_STATUSES = { open: '整改中', closed: '已销号' } as const;
export type RectificationStatus = keyof typeof RECTIFICATION_STATUSES;

export interface RectificationItem {
  id: string;
  orgId: string;
  campaignId: string | null;
  /** The problem as found. */
  problem: string;
  source: RectificationSource;
  foundOn: LocalDate;
  measures: string;
  /** Who answers for it (never printed in an upward document). */
  responsible: string;
  deadline: LocalDate;
  status: RectificationStatus;
  /** What shows it was done (a document, a photo's description, a record). Required to close. */
  evidence: string | null;
  closedOn: LocalDate | null;
}

/** Whether the item had been found and was still open on `asOf`. */
export function openOn(r: Pick<RectificationItem, 'foundOn' | 'status' | 'closedOn'>, asOf: LocalDate): boolean {
  return r.foundOn <= asOf && (r.status === 'open' || r.closedOn === null || r.closedOn > asOf);
}

/** Whether it was closed on or before `asOf`. */
export function closedBy(r: Pick<RectificationItem, 'status' | 'closedOn'>, asOf: LocalDate): boolean {
  return r.status === 'closed' && r.closedOn !== null && r.closedOn <= asOf;
}

/** Checks an item; throws ValidationError naming each bad field (a closed item needs evidence). */
export function validateRectification(r: RectificationItem): void {
  const issues: FieldIssue[] = [];
  if (!r.problem.trim() || r.problem.length > 500) issues.push({ field: 'problem', message: '问题应为 1–500 字' });
  if (!(r.source in RECTIFICATION_SOURCES)) issues.push({ field: 'source', message: '未知的问题来源' });
  if (!r.measures.trim()) issues.push({ field: 'measures', message: '请填写整改措施' });
  if (!r.responsible.trim()) issues.push({ field: 'responsible', message: '请填写责任人' });
  if (!isLocalDate(r.foundOn)) issues.push({ field: 'foundOn', message: '日期无效' });
  if (!isLocalDate(r.deadline) || r.deadline < r.foundOn) issues.push({ field: 'deadline', message: '整改时限无效或早于发现日期' });
  if (r.status === 'closed') {
    if (!r.evidence?.trim()) issues.push({ field: 'evidence', message: '对账销号须提供整改佐证材料' });
    if (r.closedOn === null || !isLocalDate(r.closedOn) || r.closedOn < r.foundOn) issues.push({ field: 'closedOn', message: '销号日期无效' });
  } else if (r.closedOn !== null) issues.push({ field: 'closedOn', message: '未销号的事项不填写销号日期' });
  if (issues.length > 0) throw new ValidationError(`整改事项有 ${issues.length} 处错误：${issues.map((i) => `${i.field} ${i.message}`).join('；')}`, issues);
}
