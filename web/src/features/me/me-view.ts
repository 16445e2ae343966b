/** Pure shaping of a member's own records. */
import type { MyAttendanceRow, MyStudyHours } from '../../lib/types.ts';

/** Progress towards the year's required study hours, 0–100 (EDU-07: 32 学时, 56 for committee members). */
export function studyProgress(h: Pick<MyStudyHours, 'total' | 'required'>): number {
  if (h.required <= 0) return 100;
  return Math.min(100, Math.round((h.total / h.required) * 100));
}

/** Hours still missing to reach the requirement (never negative), rounded to one decimal. */
export function hoursMissing(h: Pick<MyStudyHours, 'total' | 'required'>): number {
  return Math.max(0, Math.round((h.required - h.total) * 10) / 10);
}

/** Twelve monthly values (months without study are 0). */
export function monthlyHours(byMonth: MyStudyHours['byMonth']): number[] {
  const out = Array<number>(12).fill(0);
  for (const m of byMonth) if (m.month >= 1 && m.month <= 12) out[m.month - 1] = (out[m.month - 1] ?? 0) + m.hours;
  return out;
}

/** Counts of a member's attendance by status. */
export function attendanceTally(rows: readonly MyAttendanceRow[]): { present: number; excused: number; absent: number; total: number } {
  const t = { present: 0, excused: 0, absent: 0, total: rows.length };
  for (const r of rows) t[r.status] += 1;
  return t;
}

/** Attendance rows, most recent meeting first (what a member looks for). */
export function newestFirst(rows: readonly MyAttendanceRow[]): MyAttendanceRow[] {
  return [...rows].sort((a, b) => b.date.localeCompare(a.date));
}
