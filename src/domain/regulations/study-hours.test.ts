import { describe, expect, it } from 'vitest';
import { checkStudyHours, studyHoursByMember } from './study-hours.ts';
import { DEFAULT_SETTINGS, withSettings } from './settings.ts';
import { makeActivity, makeMember, present } from '../../../test/factories/regulations.ts';

const after = '2027-01-05';
function credit(memberId: string, total: number, status: 'present' | 'absent' = 'present') {
  // Split into sessions of 2 学时 (and a remainder) to exercise the sum.
  const acts = [];
  let left = total;
  while (left > 0) {
    const h = Math.min(2, left);
    acts.push(makeActivity('concentratedStudy', '2026-05-01', { orgId: 'b1', studyHours: h, attendance: present([memberId], status) }));
    left -= h;
  }
  return acts;
}

describe('study hours (TV-20)', () => {
  it('member with 30 学时 is below 32 (EDU-07, warning)', () => {
    const m = makeMember({ id: 'm', orgId: 'b1', name: '张三' });
    const fs = checkStudyHours('b1', [m], credit('m', 30), 2026, DEFAULT_SETTINGS, after);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ ruleId: 'EDU-07', severity: 'warning', period: '2026', recordIds: ['m'] });
    expect(fs[0]!.message).toBe('张三2026年集中学习培训30学时，低于32学时');
  });
  it('secretary with 50 is below 56 (EDU-08); with 60 passes', () => {
    const s = makeMember({ id: 's', orgId: 'b1', name: '李书记', positions: ['secretary'] });
    expect(checkStudyHours('b1', [s], credit('s', 50), 2026, DEFAULT_SETTINGS, after).map((f) => f.ruleId)).toEqual(['EDU-08']);
    expect(checkStudyHours('b1', [s], credit('s', 60), 2026, DEFAULT_SETTINGS, after)).toEqual([]);
  });
  it('the 56-hour rule can be switched off, leaving 32', () => {
    const s = makeMember({ id: 's', orgId: 'b1', positions: ['secretary'] });
    const off = withSettings({ leaderStudyHoursMinimum: null });
    expect(checkStudyHours('b1', [s], credit('s', 50), 2026, off, after)).toEqual([]);
  });
  it('a 党小组长 is not a committee member: 32 applies', () => {
    const g = makeMember({ id: 'g', orgId: 'b1', positions: ['subgroupLeader'] });
    expect(checkStudyHours('b1', [g], credit('g', 40), 2026, DEFAULT_SETTINGS, after)).toEqual([]);
  });
  it('absence earns nothing, and the year is only judged after it ends', () => {
    const m = makeMember({ id: 'm', orgId: 'b1' });
    expect(checkStudyHours('b1', [m], credit('m', 40, 'absent'), 2026, DEFAULT_SETTINGS, after)).toHaveLength(1);
    expect(checkStudyHours('b1', [m], [], 2026, DEFAULT_SETTINGS, '2026-12-31')).toEqual([]);
  });
  it('sums fractional hours exactly and ignores other years', () => {
    const acts = Array.from({ length: 3 }, () => makeActivity('thematicStudy', '2026-03-01', { studyHours: 0.1, attendance: present(['m']) }));
    acts.push(makeActivity('thematicStudy', '2025-12-31', { studyHours: 5, attendance: present(['m']) }));
    expect(studyHoursByMember(acts, 2026).get('m')?.hours).toBe(0.3);
  });
  it('members who left during the year or are suspended are not judged', () => {
    const left = makeMember({ id: 'l', orgId: 'b1', leftOn: '2026-06-30', status: 'transferredOut' });
    const susp = makeMember({ id: 'x', orgId: 'b1', status: 'suspended' });
    expect(checkStudyHours('b1', [left, susp], [], 2026, DEFAULT_SETTINGS, after)).toEqual([]);
  });
});
