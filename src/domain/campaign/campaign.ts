/**
 * Campaigns (主题教育, 专项整治, 大讨论 and the like): a named line of work with dates, to which
 * activities, 办实事 projects and 整改 items are tagged. The summary states each as a point of its own.
 */
import { isLocalDate, type LocalDate } from '../common/dates.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';
import { SUMMARY_AREAS, type SummaryArea } from '../activity/activity.ts';

export const CAMPAIGN_KINDS = {
  themeEducation: '主题教育',
  specialRectification: '专项整治',
  discussion: '专题大讨论',
  creation: '创建活动',
  other: '其他专项工作',
} as const;
export type CampaignKind = keyof typeof CAMPAIGN_KINDS;
export const CAMPAIGN_KIND_LIST = Object.keys(CAMPAIGN_KINDS) as CampaignKind[];

export interface Campaign {
  id: string;
  orgId: string;
  kind: CampaignKind;
  /** As the documents write it, without quotation marks: `“躺平式”干部专项整治`. */
  name: string;
  /** The summary area its point goes under. */
  area: SummaryArea;
  from: LocalDate;
  /** Null while it runs on. */
  to: LocalDate | null;
  /** One-line result (成效), stated at the end of its point. */
  result: string | null;
}

/** Whether the campaign ran at some time within [from, to]. */
export function campaignOverlaps(c: Pick<Campaign, 'from' | 'to'>, from: LocalDate, to: LocalDate): boolean {
  return c.from <= to && (c.to === null || c.to >= from);
}

/** Checks a campaign; throws ValidationError naming each bad field. */
export function validateCampaign(c: Campaign): void {
  const issues: FieldIssue[] = [];
  if (!c.name.trim() || c.name.length > 100) issues.push({ field: 'name', message: '名称应为 1–100 字' });
  if (!(c.kind in CAMPAIGN_KINDS)) issues.push({ field: 'kind', message: `未知的类型：${c.kind}` });
  if (!(c.area in SUMMARY_AREAS)) issues.push({ field: 'area', message: `未知的总结板块：${c.area}` });
  if (!isLocalDate(c.from)) issues.push({ field: 'from', message: '开始日期无效' });
  if (c.to !== null && (!isLocalDate(c.to) || c.to < c.from)) issues.push({ field: 'to', message: '结束日期无效或早于开始日期' });
  if (issues.length > 0) throw new ValidationError(`专项工作有 ${issues.length} 处错误：${issues.map((i) => `${i.field} ${i.message}`).join('；')}`, issues);
}
