import { describe, expect, it } from 'vitest';
import { customPeriod, quarterPeriod, yearPeriod } from '../common/period.ts';
import { makeActivity, makeDevelopmentEvent, makeMember, makeOrg } from '../../../test/factories/records.ts';
import { computeFacts, round1, type StatsInput } from './stats.ts';

function branchWith(n: number) {
  const org = makeOrg({ name: '测试党支部' });
  const members = Array.from({ length: n }, () => makeMember({}, org));
  return { org, members };
}

function input(over: Partial<StatsInput> & Pick<StatsInput, 'organizations'>): StatsInput {
  return { orgId: over.organizations[0]!.id, includeSubtree: false, period: yearPeriod(2023), members: [], activities: [], developmentEvents: [], ...over };
}

describe('computeFacts', () => {
  it('counts activities per kind within the period only, with their ids as sources', () => {
    const { org, members } = branchWith(3);
    const inside = makeActivity({ orgId: org.id, kind: 'branchCommitteeMeeting', date: '2023-03-01', present: members });
    const edge = makeActivity({ orgId: org.id, kind: 'branchCommitteeMeeting', date: '2023-11-10', present: members });
    const after = makeActivity({ orgId: org.id, kind: 'branchCommitteeMeeting', date: '2023-11-11', present: members });
    const f = computeFacts(input({ organizations: [org], members, activities: [inside, edge, after], period: customPeriod('2023-01-01', '2023-11-10') }));
    expect(f.facts['activities.branchCommitteeMeeting'].value).toBe(2);
    expect(f.facts['activities.branchCommitteeMeeting'].sources.map((s) => s.id)).toEqual([inside.id, edge.id]);
    expect(f.facts['activities.generalMembershipMeeting'].value).toBe(0);
  });

  it('counts participations (人次) as members present plus non-members, and distinct participants', () => {
    const { org, members } = branchWith(4);
    const [a, b, c, d] = members;
    const v1 = makeActivity({ orgId: org.id, kind: 'volunteerService', present: [a!, b!], absent: [c!], nonMemberParticipants: 5 });
    const v2 = makeActivity({ orgId: org.id, kind: 'volunteerService', present: [a!], excused: [d!] });
    const f = computeFacts(input({ organizations: [org], members, activities: [v1, v2] }));
    expect(f.facts.volunteerServices.value).toBe(2);
    expect(f.facts.volunteerParticipations.value).toBe(2 + 5 + 1);
    expect(f.facts.participations.value).toBe(8);
    expect(f.facts.distinctParticipants.value).toBe(2);
  });

  it('computes the attendance rate over organizational life only, to one decimal', () => {
    const { org, members } = branchWith(3);
    const m1 = makeActivity({ orgId: org.id, kind: 'generalMembershipMeeting', present: members.slice(0, 2), excused: members.slice(2) });
    const m2 = makeActivity({ orgId: org.id, kind: 'themedPartyDay', present: members });
    const vol = makeActivity({ orgId: org.id, kind: 'volunteerService', present: members.slice(0, 1), absent: members.slice(1) });
    const f = computeFacts(input({ organizations: [org], members, activities: [m1, m2, vol] }));
    expect(f.facts.attendanceRate.value).toBe(83.3); // 5 of 6
    expect(f.facts.attendanceRate.sources.map((s) => s.id).sort()).toEqual([m1.id, m2.id].sort());
  });

  it('counts lectures by the secretary and first agenda items', () => {
    const org = makeOrg();
    const sec = makeMember({ positions: ['secretary'] }, org);
    const other = makeMember({}, org);
    const l1 = makeActivity({ orgId: org.id, kind: 'partyLecture', lecturerMemberId: sec.id, present: [sec, other] });
    const l2 = makeActivity({ orgId: org.id, kind: 'partyLecture', lecturerMemberId: other.id, present: [sec, other] });
    const l3 = makeActivity({ orgId: org.id, kind: 'partyLecture', lecturerName: '市委党校教授', present: [sec] });
    const cm = makeActivity({
      orgId: org.id, present: [sec],
      agendaItems: [{ title: '学习总书记重要讲话', isFirstAgendaItem: true }, { title: '研究发展党员', isFirstAgendaItem: false }],
    });
    const f = computeFacts(input({ organizations: [org], members: [sec, other], activities: [l1, l2, l3, cm] }));
    expect(f.facts.secretaryPartyLectures.value).toBe(1);
    expect(f.facts.secretaryPartyLectures.sources).toEqual([{ type: 'activity', id: l1.id }]);
    expect(f.facts.firstAgendaItems.value).toBe(1);
    expect(f.facts.studySessions.value).toBe(3); // lectures are study sessions
  });

  it('averages study hours over members on the roll at the period end', () => {
    const org = makeOrg();
    const a = makeMember({}, org);
    const b = makeMember({}, org);
    const gone = makeMember({ leftOn: '2023-06-01', status: 'transferredOut' }, org);
    const s = makeActivity({ orgId: org.id, kind: 'concentratedStudy', date: '2023-03-01', studyHours: 3, present: [a, b, gone] });
    const f = computeFacts(input({ organizations: [org], members: [a, b, gone], activities: [s] }));
    // gone is not on the roll on 2023-12-31: 6 credited hours over 2 members.
    expect(f.facts.averageStudyHours.value).toBe(3);
    expect(f.facts['members.total'].value).toBe(2);
  });

  it('takes full and probationary members at the period end', () => {
    const org = makeOrg();
    const full = makeMember({}, org);
    const prob = makeMember({ category: 'full', admittedOn: '2023-05-01', fullOn: '2024-05-01' }, org);
    const later = makeMember({ admittedOn: '2024-01-05', fullOn: null, category: 'probationary' }, org);
    const f = computeFacts(input({ organizations: [org], members: [full, prob, later] }));
    expect(f.facts['members.full'].value).toBe(1);
    expect(f.facts['members.probationary'].value).toBe(1);
    expect(f.facts['members.probationary'].sources).toEqual([{ type: 'member', id: prob.id }]);
    const q = computeFacts(input({ organizations: [org], members: [full, prob, later], period: quarterPeriod(2024, 3) }));
    expect(q.facts['members.full'].value).toBe(2);
    expect(q.facts['members.probationary'].value).toBe(1);
  });

  it('counts development steps in the period', () => {
    const org = makeOrg();
    const e1 = makeDevelopmentEvent({ orgId: org.id, step: 'becameFull', date: '2023-02-01' });
    const e2 = makeDevelopmentEvent({ orgId: org.id, step: 'admittedProbationary', date: '2023-07-01' });
    const e3 = makeDevelopmentEvent({ orgId: org.id, step: 'admittedProbationary', date: '2022-07-01' });
    const f = computeFacts(input({ organizations: [org], developmentEvents: [e1, e2, e3] }));
    expect(f.facts['development.becameFull'].value).toBe(1);
    expect(f.facts['development.admittedProbationary'].value).toBe(1);
    expect(f.facts['development.admittedProbationary'].sources).toEqual([{ type: 'developmentEvent', id: e2.id }]);
  });

  it('rolls a committee up as the sum of its branches for additive facts', () => {
    const top = makeOrg({ type: 'primaryPartyCommittee', name: '机关党委' });
    const b1 = makeOrg({ parent: top });
    const b2 = makeOrg({ parent: top });
    const m1 = makeMember({}, b1);
    const m2 = makeMember({}, b2);
    const acts = [
      makeActivity({ orgId: b1.id, kind: 'themedPartyDay', present: [m1], nonMemberParticipants: 2 }),
      makeActivity({ orgId: b2.id, kind: 'themedPartyDay', present: [m2] }),
      makeActivity({ orgId: b2.id, kind: 'volunteerService', present: [m2], nonMemberParticipants: 3 }),
    ];
    const all = computeFacts(input({ organizations: [top, b1, b2], members: [m1, m2], activities: acts, includeSubtree: true }));
    const one = computeFacts(input({ organizations: [b1], members: [m1], activities: acts }));
    const two = computeFacts(input({ organizations: [b2], members: [m2], activities: acts }));
    for (const key of ['activities.themedPartyDay', 'participations', 'volunteerParticipations', 'members.total'] as const) {
      expect(all.facts[key].value).toBe(one.facts[key].value + two.facts[key].value);
    }
    expect(all.facts.branches.value).toBe(2);
  });

  it('rounds half away from zero', () => {
    expect(round1(83.25)).toBe(83.3);
    expect(round1(2 / 3 * 100)).toBe(66.7);
  });

  it('takes an unfinished period as of today: planned meetings are not counted, the roll is taken today', () => {
    const org = makeOrg();
    const m = makeMember({}, org);
    const joinsLater = makeMember({ admittedOn: '2026-12-01', fullOn: null, category: 'probationary' }, org);
    const held = makeActivity({ orgId: org.id, kind: 'themedPartyDay', date: '2026-11-20', present: [m] });
    const planned = makeActivity({ orgId: org.id, kind: 'themedPartyDay', date: '2026-12-20', present: [] });
    const f = computeFacts(input({ organizations: [org], members: [m, joinsLater], activities: [held, planned], period: yearPeriod(2026), asOf: '2026-11-23' }));
    expect(f.asOf).toBe('2026-11-23');
    expect(f.facts['activities.themedPartyDay'].value).toBe(1);
    expect(f.facts['members.total'].value).toBe(1);
  });
});
