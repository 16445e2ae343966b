import { describe, expect, it } from 'vitest';
import type { ActivityView } from '../../../../src/contract/activities.ts';
import { activityChanges } from './history-view.ts';

const base: ActivityView = {
  id: '00000000-0000-4000-8000-000000000001', orgId: '00000000-0000-4000-8000-000000000002', kind: 'branchCommitteeMeeting', status: 'held',
  date: '2026-05-01', title: '支委会', location: null, chairMemberId: 'a', lecturerMemberId: null, lecturerName: null, agendaItems: [],
  minutes: null, nonMemberParticipants: 0, studyHours: 1,
  attendance: [{ memberId: 'a', status: 'present', reason: null }, { memberId: 'b', status: 'present', reason: null }],
};
const names = new Map([['a', '张三'], ['b', '李四']]);

describe('activityChanges', () => {
  it('names each changed field and each member whose attendance changed, in Chinese', () => {
    const after = { ...base, title: '五月支委会', status: 'planned' as const, attendance: [base.attendance[0]!, { memberId: 'b', status: 'excused' as const, reason: '出差' }] };
    expect(activityChanges(base, after, names)).toEqual([
      { label: '状态', before: '已召开', after: '计划召开' },
      { label: '主题', before: '支委会', after: '五月支委会' },
      { label: '出席：李四', before: '出席', after: '请假（出差）' },
    ]);
  });
  it('treats a record from before statuses existed as held, and an unchanged record as no change', () => {
    const old = { ...base, status: undefined } as unknown as ActivityView;
    expect(activityChanges(old, base, names)).toEqual([]);
  });
  it('shows a member dropped from the list as 未登记', () => {
    expect(activityChanges(base, { ...base, attendance: [base.attendance[0]!] }, names)).toEqual([{ label: '出席：李四', before: '出席', after: '未登记' }]);
  });
});
