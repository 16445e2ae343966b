/** Small factories for the regulations engine's tests and benchmark (plain data, no I/O). */
import type { Activity, ActivityKind, AttendanceStatus } from '../../src/domain/activity/activity.ts';
import type { LocalDate } from '../../src/domain/common/dates.ts';
import type { Member } from '../../src/domain/member/member.ts';
import { soleMembership } from '../../src/domain/member/membership.ts';
import type { CommitteeTerm, Organization } from '../../src/domain/org/org.ts';

let seq = 0;
/** A readable unique id with a prefix, e.g. `act-12`. */
export function nextId(prefix: string): string {
  seq++;
  return `${prefix}-${seq}`;
}

export function makeOrg(over: Partial<Organization> = {}): Organization {
  const id = over.id ?? nextId('org');
  return { id, parentId: null, path: id, type: 'partyBranch', name: '第一党支部', unitKind: 'organ', establishedOn: null, ...over };
}

/** A member; unless `memberships` is given, one period in its organization since records began, ended on `leftOn`. */
export function makeMember(over: Partial<Member> = {}): Member {
  const m: Omit<Member, 'memberships'> & { memberships?: Member['memberships'] } = {
    id: over.id ?? nextId('mem'), orgId: 'org-x', subgroupId: null, name: '党员', gender: null, ethnicity: null,
    birthDate: null, education: null, category: 'full', appliedOn: null, admittedOn: null, fullOn: null,
    status: 'normal', leftOn: null, positions: [], ...over,
  };
  return { ...m, memberships: m.memberships ?? [soleMembership(m, nextId('period'), null, 'initial')] };
}

/** `n` full members of `orgId`, named 党员1…党员n. */
export function makeMembers(orgId: string, n: number, over: Partial<Member> = {}): Member[] {
  return Array.from({ length: n }, (_, i) => makeMember({ orgId, name: `党员${i + 1}`, ...over }));
}

export function makeActivity(kind: ActivityKind, date: LocalDate, over: Partial<Activity> = {}): Activity {
  return {
    id: over.id ?? nextId('act'), orgId: 'org-x', kind, date, title: kind, location: null, chairMemberId: null,
    lecturerMemberId: null, lecturerName: null, agendaItems: [], minutes: null, attendance: [],
    nonMemberParticipants: 0, studyHours: 0, ...over,
  };
}

/** Attendance rows for `memberIds`, all with `status`. */
export function present(memberIds: readonly string[], status: AttendanceStatus = 'present'): Activity['attendance'] {
  return memberIds.map((memberId) => ({ memberId, status, reason: status === 'present' ? null : '其他' }));
}

export function makeTerm(over: Partial<CommitteeTerm> & { electedOn: LocalDate; expiresOn: LocalDate }): CommitteeTerm {
  return { id: nextId('term'), orgId: 'org-x', termYears: 3, ...over };
}
