/** 表彰/荣誉 received by the organization or by its members. */
import { isLocalDate, type LocalDate } from '../common/dates.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';

export const HONOUR_RECIPIENTS = { organization: '集体', member: '个人' } as const;
export type HonourRecipient = keyof typeof HONOUR_RECIPIENTS;

export interface Honour {
  id: string;
  orgId: string;
  /** The title of the honour, e.g. `州直机关“清廉机关”示范单位`. */
  title: string;
  /** Who conferred it, e.g. `州直机关工委`. */
  awardedBy: string | null;
  date: LocalDate;
  recipient: HonourRecipient;
  /** The member honoured (recipient `member`): counted in a summary, never named. */
  memberId: string | null;
}

/** Checks an honour; throws ValidationError naming each bad field. */
export function validateHonour(h: Honour): void {
  const issues: FieldIssue[] = [];
  if (!h.title.trim() || h.title.length > 200) issues.push({ field: 'title', message: '荣誉名称应为 1–200 字' });
  if (!isLocalDate(h.date)) issues.push({ field: 'date', message: '日期无效' });
  if (!(h.recipient in HONOUR_RECIPIENTS)) issues.push({ field: 'recipient', message: '未知的授予对象' });
  if (h.recipient === 'member' && !h.memberId) issues.push({ field: 'memberId', message: '个人荣誉须选择党员' });
  if (h.recipient === 'organization' && h.memberId) issues.push({ field: 'memberId', message: '集体荣誉不选择党员' });
  if (issues.length > 0) throw new ValidationError(`荣誉记录有 ${issues.length} 处错误：${issues.map((i) => `${i.field} ${i.message}`).join('；')}`, issues);
}
