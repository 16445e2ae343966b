/**
 * Checks an activity before it is recorded. Throws ValidationError listing every bad field;
 * nothing is saved when it throws.
 */
import { isLocalDate, type LocalDate } from '../common/dates.ts';
import { ValidationError, type FieldIssue } from '../errors.ts';
import { ACTIVITY_KINDS, type Activity } from './activity.ts';

/**
 * Validates `a` against the members of its branch (`memberIds`) and `today`: a held meeting
 * cannot be dated after today; a planned one may be, at most a year ahead.
 */
export function validateActivity(a: Activity, memberIds: ReadonlySet<string>, today: LocalDate): void {
  const issues: FieldIssue[] = [];
  if (!(a.kind in ACTIVITY_KINDS)) issues.push({ field: 'kind', message: `未知的活动类型：${a.kind}` });
  if (!isLocalDate(a.date)) issues.push({ field: 'date', message: '日期无效（应为 YYYY-MM-DD）' });
  else if ((a.status ?? 'held') === 'held' && a.date > today) {
    issues.push({ field: 'date', message: '已召开的活动日期不能晚于今天；尚未召开的请选择“计划召开”' });
  } else if (a.date > `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`) issues.push({ field: 'date', message: '日期不能晚于一年以后' });
  if (a.status !== undefined && !['held', 'planned'].includes(a.status)) issues.push({ field: 'status', message: `未知的状态：${String(a.status)}` });
  if (!a.title.trim()) issues.push({ field: 'title', message: '主题不能为空' });
  if (a.title.length > 200) issues.push({ field: 'title', message: '主题不超过 200 字' });
  if (!Number.isInteger(a.nonMemberParticipants) || a.nonMemberParticipants < 0) {
    issues.push({ field: 'nonMemberParticipants', message: '群众参与人数应为非负整数' });
  }
  if (!(a.studyHours >= 0 && a.studyHours <= 24) || Math.round(a.studyHours * 10) !== a.studyHours * 10) {
    issues.push({ field: 'studyHours', message: '学时应在 0–24 之间，最多一位小数' });
  }
  if (a.agendaItems.filter((i) => i.isFirstAgendaItem).length > 1) {
    issues.push({ field: 'agendaItems', message: '只能有一个议题标记为“第一议题”' });
  }
  a.agendaItems.forEach((it, i) => { if (!it.title.trim()) issues.push({ field: `agendaItems[${i}].title`, message: '议题不能为空' }); });
  const seen = new Set<string>();
  a.attendance.forEach((x, i) => {
    if (!memberIds.has(x.memberId)) issues.push({ field: `attendance[${i}].memberId`, message: '不是本支部党员' });
    if (seen.has(x.memberId)) issues.push({ field: `attendance[${i}].memberId`, message: '重复登记' });
    seen.add(x.memberId);
    if (x.status !== 'present' && !x.reason?.trim()) issues.push({ field: `attendance[${i}].reason`, message: '请假或缺席须填写原因' });
  });
  for (const [field, id] of [['chairMemberId', a.chairMemberId], ['lecturerMemberId', a.lecturerMemberId]] as const) {
    if (id && !memberIds.has(id)) issues.push({ field, message: '不是本支部党员' });
  }
  if (issues.length > 0) {
    throw new ValidationError(`活动记录有 ${issues.length} 处错误：${issues.map((i) => `${i.field} ${i.message}`).join('；')}`, issues);
  }
}
