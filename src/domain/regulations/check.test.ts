import { describe, expect, it } from 'vitest';
import { yearPeriod } from '../common/period.ts';
import type { Activity } from '../activity/activity.ts';
import { checkOrganization, checkSubtree, type SubtreeRecords } from './check.ts';
import { DEFAULT_SETTINGS, withSettings } from './settings.ts';
import { makeActivity, makeMember, makeMembers, makeOrg, makeTerm, present } from '../../../test/factories/regulations.ts';
import type { DuesPayment } from './dues.ts';

const Y = yearPeriod(2026);
const TODAY = '2027-01-10';

/** A fully compliant year of activities for branch `orgId` with members `ids`, except the months in `skipCommittee`. */
function goodYear(orgId: string, ids: string[], skipCommittee: number[] = []): Activity[] {
  const acts: Activity[] = [];
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    acts.push(makeActivity('themedPartyDay', `2026-${mm}-10`, { orgId, studyHours: 1, attendance: present(ids) }));
    if (!skipCommittee.includes(m)) acts.push(makeActivity('branchCommitteeMeeting', `2026-${mm}-05`, { orgId, attendance: present(ids.slice(0, 3)) }));
    if (m % 3 === 0) {
      acts.push(makeActivity('generalMembershipMeeting', `2026-${mm}-20`, { orgId, studyHours: 1, attendance: present(ids) }));
      acts.push(makeActivity('partyLecture', `2026-${mm}-21`, { orgId, studyHours: 2, attendance: present(ids), lecturerMemberId: 'sec' }));
    }
  }
  acts.push(makeActivity('organizationalLifeMeeting', '2026-12-15', { orgId, attendance: present(ids) }));
  acts.push(makeActivity('memberAppraisal', '2026-12-16', { orgId, attendance: present(ids) }));
  acts.push(makeActivity('heartToHeartTalk', '2026-06-01', { orgId, attendance: present(ids) }));
  acts.push(makeActivity('concentratedStudy', '2026-07-01', { orgId, studyHours: 34, attendance: present(ids) }));
  return acts;
}

function demo(): SubtreeRecords {
  const root = makeOrg({ id: 'c', path: 'c', type: 'primaryPartyCommittee', name: '机关党委' });
  const b1 = makeOrg({ id: 'b1', path: 'c.b1', parentId: 'c', name: '第一党支部' });
  const b2 = makeOrg({ id: 'b2', path: 'c.b2', parentId: 'c', name: '第二党支部' });
  const g = makeOrg({ id: 'g', path: 'c.b2.g', parentId: 'b2', type: 'partySubgroup', name: '第一党小组' });
  const sec = makeMember({ id: 'sec', orgId: 'c', name: '党委书记', positions: ['secretary'] });
  const m1 = [makeMember({ id: 'b1s', orgId: 'b1', name: '书记一', positions: ['secretary'] }), makeMember({ id: 'b1o', orgId: 'b1', name: '委员一', positions: ['organizationCommitteeMember'] }), makeMember({ id: 'b1p', orgId: 'b1', name: '委员二', positions: ['publicityCommitteeMember'] }), ...makeMembers('b1', 5).map((m, i) => ({ ...m, id: `b1m${i}`, name: `一支部党员${i}` }))];
  const m2 = [makeMember({ id: 'b2s', orgId: 'b2', name: '书记二', positions: ['secretary'], subgroupId: 'g' }), ...makeMembers('b2', 4).map((m, i) => ({ ...m, id: `b2m${i}`, subgroupId: 'g', name: `二支部党员${i}` }))];
  const ids1 = m1.map((m) => m.id);
  const ids2 = m2.map((m) => m.id);
  // Planted gaps: branch 1 misses its August committee meeting; one member of branch 1 missed the big study
  // (below 32 学时); branch 2's term expired in 2026-06 without election; its subgroup meets on the subgroup record.
  const acts1 = goodYear('b1', ids1, [8]).map((a) => (a.kind === 'concentratedStudy' ? { ...a, attendance: present(ids1.filter((x) => x !== 'b1m0')) } : a));
  const acts2 = [...goodYear('b2', ids2), ...Array.from({ length: 12 }, (_, i) => makeActivity('partySubgroupMeeting', `2026-${String(i + 1).padStart(2, '0')}-25`, { orgId: 'g' }))];
  const payments: DuesPayment[] = [];
  for (const m of [...m1, ...m2]) {
    for (let mo = 1; mo <= 12; mo++) {
      const month = `2026-${String(mo).padStart(2, '0')}`;
      if (m.id === 'b2m3' && mo >= 5) continue; // one member in arrears from May
      payments.push({ id: `p-${m.id}-${mo}`, memberId: m.id, month, amountFen: 1500, paidOn: `${month}-08` });
    }
  }
  return {
    organizations: [root, b1, b2, g],
    members: [sec, ...m1, ...m2],
    activities: [...acts1, ...acts2],
    terms: [makeTerm({ orgId: 'b1', electedOn: '2025-03-01', termYears: 3, expiresOn: '2028-03-01' }), makeTerm({ orgId: 'b2', electedOn: '2023-06-15', termYears: 3, expiresOn: '2026-06-15' })],
    developmentCases: [],
    dues: { rates: [...m1, ...m2].map((m) => ({ memberId: m.id, from: '2026-01', amountFen: 1500 })), payments },
  };
}

describe('checkSubtree on a small 党委 with planted gaps', () => {
  const r = checkSubtree(demo(), Y, DEFAULT_SETTINGS, TODAY);
  const keyed = r.findings.map((f) => `${f.orgId} ${f.ruleId} ${f.period}`);

  it('finds exactly the planted gaps', () => {
    expect(keyed.sort()).toEqual([
      'b1 BR-09 2026-08',
      'b1 EDU-07 2026',
      'b2 DUES-14 2026-12',
      'b2 EDU-03 2026',
      'b2 ELE-01 2026',
    ].sort());
  });
  it('findings carry Chinese messages, record ids and citations', () => {
    const study = r.findings.find((f) => f.ruleId === 'EDU-07')!;
    expect(study.recordIds).toEqual(['b1m0']);
    expect(study.message).toBe('一支部党员02026年集中学习培训24学时，低于32学时');
    const arrears = r.findings.find((f) => f.ruleId === 'EDU-03')!;
    expect(arrears.message).toContain('二支部党员3欠交党费8个月');
    expect(r.findings.every((f) => f.citation.length > 0)).toBe(true);
  });
  it('the 党委 secretary\'s lectures in the subtree satisfy BR-12 for the 党委', () => {
    expect(r.findings.some((f) => f.orgId === 'c')).toBe(false);
    const noLecture = demo();
    const acts = noLecture.activities.map((a) => ({ ...a, lecturerMemberId: null }));
    const r2 = checkSubtree({ ...noLecture, activities: acts }, Y, DEFAULT_SETTINGS, TODAY);
    expect(r2.findings.filter((f) => f.orgId === 'c').map((f) => f.ruleId)).toEqual(['BR-12']);
  });
  it('summarises which branches have what open, worst first', () => {
    expect(r.byOrg.map((o) => [o.orgId, o.errors, o.warnings])).toEqual([['b2', 2, 1], ['b1', 0, 2]]);
    expect(r.byOrg[0]!.byRule).toEqual({ 'DUES-14': 1, 'EDU-03': 1, 'ELE-01': 1 });
  });
  it('reports the collection rate for the subtree', () => {
    expect(r.duesCollection!.total.rate).toBe('94.9%'); // 13 members × 12 months = 156, 8 unpaid: 148/156
  });
});

describe('checkOrganization due items', () => {
  it('lists the running month\'s themed Party day and the quarter\'s meeting as due', () => {
    const org = makeOrg({ id: 'b9', name: '第九党支部' });
    const r = checkOrganization({ org, period: Y, subgroups: [], members: makeMembers('b9', 5), activities: [], terms: [], developmentCases: [] }, withSettings({ partyLectureFrequency: 'none' }), '2026-09-10');
    expect(r.dues.map((d) => [d.ruleId, d.latest])).toEqual([['BR-13', '2026-09-30'], ['BR-06', '2026-09-30']]);
    expect(r.duesCollection).toBeNull();
  });
});
