/**
 * Pure shaping of a record's history for the 修改记录 drawer: which fields changed between the
 * before and after of a change, as Chinese labels and display values.
 */
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, ATTENDANCE_LABELS, type ActivityView } from '../../../../src/contract/activities.ts';

/** One changed field: its label and the values before and after, as shown. */
export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

const ACTIVITY_FIELDS: Array<[keyof ActivityView, string]> = [
  ['kind', '类型'], ['status', '状态'], ['date', '日期'], ['title', '主题'], ['location', '地点'], ['chairMemberId', '主持人'],
  ['lecturerMemberId', '授课人'], ['lecturerName', '外请授课人'], ['studyHours', '学时'], ['nonMemberParticipants', '列席非党员'],
  ['agendaItems', '议题'], ['minutes', '会议记录'],
];

type Names = ReadonlyMap<string, string>;

function show(field: keyof ActivityView, v: unknown, names: Names): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'kind') return ACTIVITY_KINDS[v as keyof typeof ACTIVITY_KINDS] ?? String(v);
  if (field === 'status') return ACTIVITY_STATUSES[v as keyof typeof ACTIVITY_STATUSES] ?? String(v);
  if (field === 'chairMemberId' || field === 'lecturerMemberId') return names.get(String(v)) ?? '（已不在名单的党员）';
  if (field === 'agendaItems') return (v as ActivityView['agendaItems']).map((x) => x.title + (x.isFirstAgendaItem ? '（第一议题）' : '')).join('；') || '（空）';
  return String(v);
}

const attendanceText = (x: ActivityView['attendance'][number] | undefined) =>
  (x ? `${ATTENDANCE_LABELS[x.status]}${x.reason ? `（${x.reason}）` : ''}` : '未登记');

/**
 * The changes between two versions of an activity: changed fields, then one line per member
 * whose attendance changed ("出席 → 请假（出差）"). `names` maps member ids to names.
 */
export function activityChanges(before: ActivityView | null, after: ActivityView | null, names: Names): FieldChange[] {
  if (!before || !after) return [];
  const out: FieldChange[] = [];
  for (const [field, label] of ACTIVITY_FIELDS) {
    const b = show(field, before[field] ?? (field === 'status' ? 'held' : null), names);
    const a = show(field, after[field] ?? (field === 'status' ? 'held' : null), names);
    if (b !== a) out.push({ label, before: b, after: a });
  }
  const ids = [...new Set([...before.attendance.map((x) => x.memberId), ...after.attendance.map((x) => x.memberId)])];
  for (const id of ids) {
    const b = attendanceText(before.attendance.find((x) => x.memberId === id));
    const a = attendanceText(after.attendance.find((x) => x.memberId === id));
    if (b !== a) out.push({ label: `出席：${names.get(id) ?? '（已不在名单的党员）'}`, before: b, after: a });
  }
  return out;
}
