import { describe, expect, it } from 'vitest';
import { yearPeriod } from '../common/period.ts';
import { checkCadence, checkSecretaryLecture, type CadenceInput } from './cadence.ts';
import { DEFAULT_SETTINGS, withSettings } from './settings.ts';
import { makeActivity, makeMember, makeMembers, makeOrg, present } from '../../../test/factories/regulations.ts';
import type { Activity } from '../activity/activity.ts';

const org = makeOrg({ id: 'b1' });
const y2026 = yearPeriod(2026);
const after = '2027-06-30';

function input(activities: Activity[], memberCount = 5, extra: Partial<CadenceInput> = {}): CadenceInput {
  return { org, subgroups: [], members: makeMembers('b1', memberCount), activities: activities.map((a) => ({ ...a, orgId: a.orgId === 'org-x' ? 'b1' : a.orgId })), ...extra };
}
function monthly(kind: Activity['kind'], skip: number[] = []): Activity[] {
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !skip.includes(m))
    .map((m) => makeActivity(kind, `2026-${String(m).padStart(2, '0')}-15`));
}
function rule(fs: ReturnType<typeof checkCadence>, id: string) {
  return fs.filter((f) => f.ruleId === id);
}
const quiet = withSettings({ partyLectureFrequency: 'none', talkCoverage: 'none' });

describe('BR-06 quarterly general meeting (TV-16)', () => {
  it('passes with one meeting in each quarter', () => {
    const acts = ['03-20', '06-19', '09-18', '12-18'].map((d) => makeActivity('generalMembershipMeeting', `2026-${d}`));
    expect(rule(checkCadence(input(acts), y2026, quiet, after), 'BR-06')).toEqual([]);
  });
  it('fails Q2 and Q3 although four meetings were held', () => {
    const acts = ['01-10', '02-14', '03-20', '12-18'].map((d) => makeActivity('generalMembershipMeeting', `2026-${d}`));
    const fs = rule(checkCadence(input(acts), y2026, quiet, after), 'BR-06');
    expect(fs.map((f) => f.period)).toEqual(['2026-Q2', '2026-Q3']);
    expect(fs[0]).toMatchObject({ severity: 'warning', orgId: 'b1' });
    expect(fs[0]!.message).toContain('2026年第二季度');
    expect(fs[0]!.citation).toContain('第十一条');
  });
  it('does not judge a quarter that has not ended yet', () => {
    const fs = rule(checkCadence(input([]), y2026, quiet, '2026-08-15'), 'BR-06');
    expect(fs.map((f) => f.period)).toEqual(['2026-Q1', '2026-Q2']);
  });
});

describe('BR-09 monthly committee meeting where a committee is required (TV-17)', () => {
  it('names the one month without a committee meeting', () => {
    const fs = rule(checkCadence(input(monthly('branchCommitteeMeeting', [8]), 7), y2026, quiet, after), 'BR-09');
    expect(fs.map((f) => f.period)).toEqual(['2026-08']);
    expect(fs[0]!.message).toBe('2026年8月未召开支部委员会会议（支委会一般每月召开1次）');
  });
  it('does not ask a branch of 6 full members for committee meetings (BR-17/18)', () => {
    expect(rule(checkCadence(input([], 6), y2026, quiet, after), 'BR-09')).toEqual([]);
  });
  it('counts only full members: 6 full + 1 probationary need no committee', () => {
    const members = [...makeMembers('b1', 6), makeMember({ orgId: 'b1', category: 'probationary', admittedOn: '2025-06-01' })];
    expect(rule(checkCadence(input([], 0, { members }), y2026, quiet, after), 'BR-09')).toEqual([]);
  });
  it('starts requiring meetings in the month the 7th member became full', () => {
    const members = [...makeMembers('b1', 6), makeMember({ orgId: 'b1', admittedOn: '2025-10-20', fullOn: '2026-10-20' })];
    const fs = rule(checkCadence(input([], 0, { members }), y2026, quiet, after), 'BR-09');
    expect(fs.map((f) => f.period)).toEqual(['2026-10', '2026-11', '2026-12']);
  });
});

describe('BR-13 themed Party day (TV-17)', () => {
  it('passes with 12 distinct months', () => {
    expect(rule(checkCadence(input(monthly('themedPartyDay')), y2026, quiet, after), 'BR-13')).toEqual([]);
  });
  it('two in May do not cover June', () => {
    const acts = [...monthly('themedPartyDay', [6]), makeActivity('themedPartyDay', '2026-05-28')];
    const fs = rule(checkCadence(input(acts), y2026, quiet, after), 'BR-13');
    expect(fs.map((f) => f.period)).toEqual(['2026-06']);
    expect(fs[0]!.severity).toBe('error');
  });
  it('skips months before the branch was established', () => {
    const late = makeOrg({ id: 'b1', establishedOn: '2026-10-01' });
    const fs = rule(checkCadence(input([], 5, { org: late }), y2026, quiet, after), 'BR-13');
    expect(fs.map((f) => f.period)).toEqual(['2026-10', '2026-11', '2026-12']);
  });
});

describe('BR-10 party subgroup meetings', () => {
  it('checks each subgroup, counting meetings recorded on the subgroup or with its members present', () => {
    const g1 = makeOrg({ id: 'g1', type: 'partySubgroup', parentId: 'b1', name: '第一党小组' });
    const g2 = makeOrg({ id: 'g2', type: 'partySubgroup', parentId: 'b1', name: '第二党小组' });
    const members = [makeMember({ id: 'm1', orgId: 'b1', subgroupId: 'g1' }), makeMember({ id: 'm2', orgId: 'b1', subgroupId: 'g2' })];
    const acts = [
      ...monthly('partySubgroupMeeting').map((a) => ({ ...a, orgId: 'g1' })),
      ...monthly('partySubgroupMeeting', [3]).map((a) => ({ ...a, orgId: 'b1', attendance: present(['m2']) })),
    ];
    const fs = rule(checkCadence(input(acts, 0, { subgroups: [g1, g2], members }), y2026, quiet, after), 'BR-10');
    expect(fs.map((f) => [f.period, f.recordIds])).toEqual([['2026-03', ['g2']]]);
    expect(fs[0]!.message).toContain('第二党小组');
  });
});

describe('BR-12 Party lectures (TV-19)', () => {
  const acts = ['02-10', '05-10', '11-10'].map((d) => makeActivity('partyLecture', `2026-${d}`));
  it('fails Q3 under the default quarterly setting', () => {
    const fs = rule(checkCadence(input(acts), y2026, withSettings({ talkCoverage: 'none' }), after), 'BR-12');
    expect(fs.map((f) => f.period)).toEqual(['2026-Q3']);
  });
  it('passes when the unit follows the national 条例 (no number set)', () => {
    expect(rule(checkCadence(input(acts), y2026, quiet, after), 'BR-12')).toEqual([]);
  });
  it('党委 secretary: one lecture to grassroots members in the year passes, none fails', () => {
    const lecture = makeActivity('partyLecture', '2026-07-01', { orgId: 'b9', lecturerMemberId: 'sec' });
    expect(checkSecretaryLecture('c1', ['sec'], [lecture], y2026, after)).toEqual([]);
    const fs = checkSecretaryLecture('c1', ['sec'], [{ ...lecture, lecturerMemberId: 'other' }], y2026, after);
    expect(fs.map((f) => [f.ruleId, f.period, f.orgId])).toEqual([['BR-12', '2026', 'c1']]);
  });
});

describe('BR-14 / BR-15 annual items (TV-18)', () => {
  it('organizational life meeting on 2026-12-20 passes, in Q4', () => {
    const fs = rule(checkCadence(input([makeActivity('organizationalLifeMeeting', '2026-12-20')]), y2026, quiet, after), 'BR-14');
    expect(fs).toEqual([]);
  });
  it('one on 2026-05-10 passes with a soft note "not in Q4"', () => {
    const a = makeActivity('organizationalLifeMeeting', '2026-05-10');
    const fs = rule(checkCadence(input([a]), y2026, quiet, after), 'BR-14');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', recordIds: [a.id] });
    expect(fs[0]!.message).toContain('未安排在第四季度');
  });
  it('none at all is an error', () => {
    const fs = rule(checkCadence(input([]), y2026, quiet, after), 'BR-14');
    expect(fs.map((f) => [f.severity, f.period])).toEqual([['error', '2026']]);
  });
  it('appraisal on 2027-01-15 counts for 2026 only with "previous year, by end of Q1"', () => {
    const acts = [makeActivity('memberAppraisal', '2027-01-15')];
    expect(rule(checkCadence(input(acts), y2026, quiet, after), 'BR-15').map((f) => f.period)).toEqual(['2026']);
    const grace = withSettings({ ...quiet, memberAppraisalGraceMonths: 3 });
    expect(rule(checkCadence(input(acts), y2026, grace, after), 'BR-15')).toEqual([]);
  });
  it('with a grace period, the year is not judged before the window closes', () => {
    const grace = withSettings({ ...quiet, memberAppraisalGraceMonths: 3 });
    expect(rule(checkCadence(input([]), y2026, grace, '2027-02-01'), 'BR-15')).toEqual([]);
    expect(rule(checkCadence(input([]), y2026, grace, '2027-04-01'), 'BR-15')).toHaveLength(1);
  });
});

describe('BR-16 heart-to-heart talk coverage (§11 item 8)', () => {
  const sec = makeMember({ id: 's', orgId: 'b1', name: '书记甲', positions: ['secretary'] });
  const org1 = makeMember({ id: 'o', orgId: 'b1', name: '委员乙', positions: ['organizationCommitteeMember'] });
  const a = makeMember({ id: 'a', orgId: 'b1', name: '党员丙' });
  const b = makeMember({ id: 'b', orgId: 'b1', name: '党员丁' });
  const members = [sec, org1, a, b];
  const talk = (ids: string[]) => makeActivity('heartToHeartTalk', '2026-06-01', { orgId: 'b1', attendance: present(ids) });

  it('suggested: names the member without a talk with a committee member, and the committee pair', () => {
    const acts = [talk(['s', 'a']), talk(['a', 'b'])];
    const fs = rule(checkCadence(input(acts, 0, { members }), y2026, DEFAULT_SETTINGS, after), 'BR-16');
    expect(fs.map((f) => f.message)).toEqual([
      '2026年有1名党员全年未与支部委员开展谈心谈话：党员丁',
      '2026年有1对支部委员之间未开展谈心谈话：书记甲与委员乙',
    ]);
  });
  it('suggested: full coverage passes', () => {
    const acts = [talk(['s', 'o']), talk(['s', 'a']), talk(['o', 'b'])];
    expect(rule(checkCadence(input(acts, 0, { members }), y2026, DEFAULT_SETTINGS, after), 'BR-16')).toEqual([]);
  });
  it('perMember: any talk covers a member', () => {
    const acts = [talk(['a', 'b']), talk(['s', 'o'])];
    const s = withSettings({ talkCoverage: 'perMember' });
    expect(rule(checkCadence(input(acts, 0, { members }), y2026, s, after), 'BR-16')).toEqual([]);
  });
});
