/**
 * 我为群众办实事 projects and their 群众评议 (public evaluation through a link or QR code):
 * the item, where the need came from, who answers for it, the deadline, status and people
 * served; evaluations are anonymous, one per device per project.
 */
import { isLocalDate, type LocalDate } from '../common/dates.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';

export const SERVICE_STATUSES = { planned: '未开始', inProgress: '推进中', done: '已办结' } as const;
export type ServiceStatus = keyof typeof SERVICE_STATUSES;
export const SERVICE_STATUS_LIST = Object.keys(SERVICE_STATUSES) as ServiceStatus[];

/** Where the need came from (需求来源). */
export const NEED_SOURCES = { survey: '走访调研', masses: '群众反映', hotline: '热线和平台留言', superior: '上级交办', work: '业务工作中发现', other: '其他' } as const;
export type NeedSource = keyof typeof NEED_SOURCES;
export const NEED_SOURCE_LIST = Object.keys(NEED_SOURCES) as NeedSource[];

export const RATINGS = { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' } as const;
export type Rating = keyof typeof RATINGS;
export const RATING_LIST = Object.keys(RATINGS) as Rating[];

export interface ServiceProject {
  id: string;
  orgId: string;
  campaignId: string | null;
  /** The item as written in the 办实事 list: `为挂钩村寨修缮人畜饮水管道`. */
  title: string;
  needSource: NeedSource;
  /** Who answers for it (a post or a name; never printed in an upward document). */
  responsible: string;
  /** The day it was put on the list. */
  startedOn: LocalDate;
  deadline: LocalDate;
  status: ServiceStatus;
  /** The day it was finished (status `done`). */
  doneOn: LocalDate | null;
  /** People served (服务群众人数), when counted. */
  peopleServed: number | null;
  /** One-line result (成效). */
  result: string | null;
}

export interface ServiceEvaluation {
  id: string;
  projectId: string;
  rating: Rating;
  comment: string | null;
  /** The day the answer was given (China). */
  date: LocalDate;
}

/** Whether the project counts as finished on `asOf` (办结 on or before the cut-off). */
export function doneBy(p: Pick<ServiceProject, 'status' | 'doneOn'>, asOf: LocalDate): boolean {
  return p.status === 'done' && p.doneOn !== null && p.doneOn <= asOf;
}

/** Share of 满意 and 基本满意 answers, % with one decimal; null without answers. */
export function satisfactionRate(evals: readonly Pick<ServiceEvaluation, 'rating'>[]): number | null {
  if (evals.length === 0) return null;
  const ok = evals.filter((e) => e.rating !== 'dissatisfied').length;
  return Math.round((ok * 1000) / evals.length) / 10;
}

/** A project is rated poorly when at least a third of its answers (and at least one) are 不满意. */
export function ratedPoorly(evals: readonly Pick<ServiceEvaluation, 'rating'>[]): boolean {
  const bad = evals.filter((e) => e.rating === 'dissatisfied').length;
  return bad > 0 && bad * 3 >= evals.length;
}

/** Checks a project; throws ValidationError naming each bad field. */
export function validateServiceProject(p: ServiceProject): void {
  const issues: FieldIssue[] = [];
  if (!p.title.trim() || p.title.length > 200) issues.push({ field: 'title', message: '事项应为 1–200 字' });
  if (!(p.needSource in NEED_SOURCES)) issues.push({ field: 'needSource', message: '未知的需求来源' });
  if (!p.responsible.trim()) issues.push({ field: 'responsible', message: '请填写责任人' });
  if (!isLocalDate(p.startedOn)) issues.push({ field: 'startedOn', message: '日期无效' });
  if (!isLocalDate(p.deadline) || p.deadline < p.startedOn) issues.push({ field: 'deadline', message: '完成时限无效或早于立项日期' });
  if (!(p.status in SERVICE_STATUSES)) issues.push({ field: 'status', message: '未知的状态' });
  if (p.status === 'done' && (p.doneOn === null || !isLocalDate(p.doneOn))) issues.push({ field: 'doneOn', message: '已办结的事项须填写办结日期' });
  if (p.status !== 'done' && p.doneOn !== null) issues.push({ field: 'doneOn', message: '未办结的事项不填写办结日期' });
  if (p.doneOn !== null && p.doneOn < p.startedOn) issues.push({ field: 'doneOn', message: '办结日期早于立项日期' });
  if (p.peopleServed !== null && (!Number.isInteger(p.peopleServed) || p.peopleServed < 0)) issues.push({ field: 'peopleServed', message: '服务人数应为非负整数' });
  if (issues.length > 0) throw new ValidationError(`办实事项目有 ${issues.length} 处错误：${issues.map((i) => `${i.field} ${i.message}`).join('；')}`, issues);
}
