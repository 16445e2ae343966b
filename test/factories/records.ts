/**
 * Small factories for domain records. Each creates what it needs: a member without a branch
 * gets one, an activity without attendance gets none. Ids are deterministic per factory run.
 */
import type { Activity, Attendance } from '../../src/domain/activity/activity.ts';
import type { DevelopmentEvent } from '../../src/domain/development/development.ts';
import type { Member } from '../../src/domain/member/member.ts';
import { soleMembership } from '../../src/domain/member/membership.ts';
import { pathLabel, type Organization } from '../../src/domain/org/org.ts';

let seq = 0;
/** A uuid-format id that is unique within the test process. */
export function nextId(): string {
  seq++;
  const hex = seq.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** An organization; pass `parent` to place it under another one. */
export function makeOrg(over: Partial<Organization> & { parent?: Organization } = {}): Organization {
  const id = over.id ?? nextId();
  const { parent, ...rest } = over;
  return {
    id,
    parentId: parent?.id ?? null,
    path: parent ? `${parent.path}.${pathLabel(id)}` : pathLabel(id),
    type: 'partyBranch',
    name: `测试党支部${seq}`,
    unitKind: 'organ',
    establishedOn: '2010-01-01',
    ...rest,
  };
}

/**
 * A full member of `org` (a new branch when omitted), admitted 2010, full 2011. Unless
 * `memberships` is given, one period in the branch since records began, ended on `leftOn`.
 */
export function makeMember(over: Partial<Member> = {}, org?: Organization): Member {
  const orgId = over.orgId ?? (org ?? makeOrg()).id;
  const m: Omit<Member, 'memberships'> & { memberships?: Member['memberships'] } = {
    id: nextId(), orgId, subgroupId: null, name: `党员${seq}`, gender: 'male', ethnicity: '汉族',
    birthDate: '1985-05-05', education: '大学本科', category: 'full', appliedOn: '2009-03-01',
    admittedOn: '2010-07-01', fullOn: '2011-07-01', status: 'normal', leftOn: null, positions: [],
    ...over,
  };
  return { ...m, memberships: m.memberships ?? [soleMembership(m, nextId(), null, 'initial')] };
}

/** An activity; `present`/`excused`/`absent` build the attendance from member lists. */
export function makeActivity(
  over: Partial<Activity> & { present?: Member[]; excused?: Member[]; absent?: Member[] } = {},
): Activity {
  const { present = [], excused = [], absent = [], ...rest } = over;
  const attendance: Attendance[] = [
    ...present.map((m) => ({ memberId: m.id, status: 'present' as const, reason: null })),
    ...excused.map((m) => ({ memberId: m.id, status: 'excused' as const, reason: '出差' })),
    ...absent.map((m) => ({ memberId: m.id, status: 'absent' as const, reason: '未说明' })),
  ];
  return {
    id: nextId(), orgId: present[0]?.orgId ?? nextId(), kind: 'branchCommitteeMeeting', date: '2023-03-15',
    title: '支委会', location: null, chairMemberId: null, lecturerMemberId: null, lecturerName: null,
    agendaItems: [], minutes: null, attendance, nonMemberParticipants: 0, studyHours: 0,
    ...rest,
  };
}

/** A development event for `org`. */
export function makeDevelopmentEvent(over: Partial<DevelopmentEvent> & Pick<DevelopmentEvent, 'orgId'>): DevelopmentEvent {
  return { id: nextId(), memberId: null, personName: '张三', step: 'applied', date: '2023-04-01', ...over };
}
