import { describe, expect, it } from 'vitest';
import type { ActivityListItem, MemberItem } from '../../lib/types.ts';
import { attendanceCounts, byDate, defaultAttendance, markAttendance, missingReasons, monthRange, toActivityInput } from './activity-form.ts';

function member(id: string, status: MemberItem['status'] = 'normal'): MemberItem {
  return {
    id, orgId: 'b', subgroupId: null, name: id, gender: null, ethnicity: null, birthDate: null, education: null, category: 'full',
    appliedOn: null, admittedOn: null, fullOn: null, status, leftOn: null, positions: [], idNumberMasked: null, phoneMasked: null, memberships: [],
  };
}

describe('attendance', () => {
  it('marks everyone still in the branch present by default', () => {
    const rows = defaultAttendance([member('a'), member('b', 'mobile'), member('c', 'transferredOut'), member('d', 'deceased')]);
    expect(rows).toEqual([{ memberId: 'a', status: 'present', reason: null }, { memberId: 'b', status: 'present', reason: null }]);
  });
  it('expects only committee members at a 支委会', () => {
    const secretary = { ...member('s'), positions: ['secretary' as const] };
    const leader = { ...member('l'), positions: ['subgroupLeader' as const] };
    expect(defaultAttendance([secretary, leader, member('a')], 'branchCommitteeMeeting').map((r) => r.memberId)).toEqual(['s']);
  });
  it('keeps a reason while excused or absent and clears it when present again', () => {
    let rows = defaultAttendance([member('a'), member('b')]);
    rows = markAttendance(rows, 'a', 'excused', '出差');
    rows = markAttendance(rows, 'a', 'absent');
    expect(rows[0]).toEqual({ memberId: 'a', status: 'absent', reason: '出差' });
    expect(attendanceCounts(rows)).toEqual({ present: 1, excused: 0, absent: 1 });
    rows = markAttendance(rows, 'a', 'present');
    expect(rows[0]!.reason).toBeNull();
  });
  it('lists members excused or absent without a reason', () => {
    const rows = markAttendance(markAttendance(defaultAttendance([member('a'), member('b')]), 'a', 'excused', '  '), 'b', 'absent', '病假');
    expect(missingReasons(rows)).toEqual(['a']);
  });
});

describe('toActivityInput', () => {
  it('drops empty agenda rows, prefers a member lecturer and blanks empty text', () => {
    const body = toActivityInput('b', {
      kind: 'partyLecture', date: '2026-03-05', title: ' 党课 ', location: ' ', lecturerMemberId: 'a', lecturerName: '外请专家',
      agendaItems: [{ title: '学习讲话', isFirstAgendaItem: true }, { title: '  ' }, {}], studyHours: 2,
    }, [{ memberId: 'a', status: 'excused', reason: ' 出差 ' }]);
    expect(body).toMatchObject({
      title: '党课', location: null, lecturerMemberId: 'a', lecturerName: null, minutes: null, nonMemberParticipants: 0, studyHours: 2,
      agendaItems: [{ title: '学习讲话', isFirstAgendaItem: true }], attendance: [{ memberId: 'a', status: 'excused', reason: '出差' }],
    });
  });
});

describe('calendar helpers', () => {
  it('gives the month’s first and last day, February of a leap year included', () => {
    expect(monthRange(new Date(2028, 1, 14))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
  it('groups activities by date', () => {
    const a = (id: string, date: string) => ({ id, date } as ActivityListItem);
    const m = byDate([a('1', '2026-03-01'), a('2', '2026-03-01'), a('3', '2026-03-02')]);
    expect(m.get('2026-03-01')!.map((x) => x.id)).toEqual(['1', '2']);
    expect(m.size).toBe(2);
  });
});
