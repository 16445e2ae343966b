import { describe, expect, it } from 'vitest';
import type { MyAttendanceRow } from '../../lib/types.ts';
import { attendanceTally, hoursMissing, monthlyHours, newestFirst, studyProgress } from './me-view.ts';

describe('study hours', () => {
  it('caps progress at 100 and reports what is missing', () => {
    expect(studyProgress({ total: 16, required: 32 })).toBe(50);
    expect(studyProgress({ total: 60, required: 56 })).toBe(100);
    expect(hoursMissing({ total: 30.5, required: 32 })).toBe(1.5);
    expect(hoursMissing({ total: 40, required: 32 })).toBe(0);
  });
  it('fills the twelve months', () => {
    expect(monthlyHours([{ month: 2, hours: 3 }, { month: 12, hours: 1.5 }])).toEqual([0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.5]);
  });
});

describe('attendanceTally', () => {
  it('counts by status', () => {
    const r = (status: MyAttendanceRow['status']) => ({ status } as MyAttendanceRow);
    expect(attendanceTally([r('present'), r('present'), r('absent')])).toEqual({ present: 2, excused: 0, absent: 1, total: 3 });
  });
});

describe('newestFirst', () => {
  it('puts the latest meeting first without changing the input', () => {
    const rows = [{ date: '2026-01-05' }, { date: '2026-03-01' }, { date: '2026-02-10' }] as MyAttendanceRow[];
    expect(newestFirst(rows).map((r) => r.date)).toEqual(['2026-03-01', '2026-02-10', '2026-01-05']);
    expect(rows[0]!.date).toBe('2026-01-05');
  });
});
