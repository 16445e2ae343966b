/** 结对共建 partners: the partner organization and the date of the agreement; joint activities carry `partnerId`. */
import { isLocalDate, type LocalDate } from '../common/dates.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';

export interface Partner {
  id: string;
  orgId: string;
  /** The partner organization, e.g. `景洪市嘎栋街道曼景兰社区党总支`. */
  name: string;
  agreementDate: LocalDate;
  /** What the agreement covers, one line. */
  content: string | null;
}

/** Checks a partner; throws ValidationError naming each bad field. */
export function validatePartner(p: Partner): void {
  const issues: FieldIssue[] = [];
  if (!p.name.trim() || p.name.length > 100) issues.push({ field: 'name', message: '共建单位应为 1–100 字' });
  if (!isLocalDate(p.agreementDate)) issues.push({ field: 'agreementDate', message: '日期无效' });
  if (issues.length > 0) throw new ValidationError(`共建单位有 ${issues.length} 处错误：${issues.map((i) => `${i.field} ${i.message}`).join('；')}`, issues);
}
