/**
 * Issue 4's benchmark: the pure part of `zhibu check` (checkSubtree) over a synthetic 党委 of
 * 200 branches and 5,000 members with a year of records (≈11k activities with attendance, 60k
 * dues payments, 400 development cases). The whole check, DB load included, targets < 2 s; the
 * pure part should stay well under 300 ms.
 */
import type { Activity, ActivityKind } from '../src/domain/activity/activity.ts';
import { yearPeriod } from '../src/domain/common/period.ts';
import type { Member, Position } from '../src/domain/member/member.ts';
import type { CommitteeTerm, Organization } from '../src/domain/org/org.ts';
import { checkSubtree, type SubtreeRecords } from '../src/domain/regulations/check.ts';
import type { DevelopmentCase } from '../src/domain/regulations/development.ts';
import type { DuesPayment, DuesRate } from '../src/domain/regulations/dues.ts';
import { DEFAULT_SETTINGS } from '../src/domain/regulations/settings.ts';
import { seededRandom } from '../test/factories/facts.ts';
import { median, type BenchResult } from './util.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds the synthetic 党委; a few branches miss meetings and a few members miss dues. */
export function syntheticCommittee(branches = 200, membersPerBranch = 25, seed = 4): SubtreeRecords {
  const rnd = seededRandom(seed);
  const root: Organization = { id: 'root', parentId: null, path: 'root', type: 'primaryPartyCommittee', name: '机关党委', unitKind: 'organ', establishedOn: '2000-01-01' };
  const organizations: Organization[] = [root];
  const members: Member[] = [];
  const activities: Activity[] = [];
  const terms: CommitteeTerm[] = [];
  const cases: DevelopmentCase[] = [];
  const rates: DuesRate[] = [];
  const payments: DuesPayment[] = [];
  let aid = 0;
  const positions: Position[][] = [['secretary'], ['deputySecretary'], ['organizationCommitteeMember'], ['publicityCommitteeMember'], ['disciplineCommitteeMember']];
  for (let b = 0; b < branches; b++) {
    const bid = `b${b}`;
    organizations.push({ id: bid, parentId: 'root', path: `root.${bid}`, type: 'partyBranch', name: `第${b + 1}党支部`, unitKind: 'organ', establishedOn: '2010-01-01' });
    const groups = [`${bid}g0`, `${bid}g1`];
    for (const [i, g] of groups.entries()) organizations.push({ id: g, parentId: bid, path: `root.${bid}.${g}`, type: 'partySubgroup', name: `第${i + 1}党小组`, unitKind: 'organ', establishedOn: '2010-01-01' });
    const ids: string[] = [];
    for (let k = 0; k < membersPerBranch; k++) {
      const id = `${bid}m${k}`;
      ids.push(id);
      members.push({
        id, orgId: bid, subgroupId: groups[k % 2]!, name: `党员${b}-${k}`, gender: null, ethnicity: null, birthDate: '1985-05-05', education: null,
        category: 'full', appliedOn: null, admittedOn: null, fullOn: null, status: 'normal', leftOn: null, positions: positions[k] ?? [],
        memberships: [{ id: `${id}p`, memberId: id, orgId: bid, startedOn: null, startKind: 'initial', endedOn: null, endKind: null, cameFrom: null, wentTo: null }],
      });
      const amountFen = 1000 + Math.floor(rnd() * 20000);
      rates.push({ memberId: id, from: '2026-01', amountFen });
      const arrearsFrom = rnd() < 0.01 ? 1 + Math.floor(rnd() * 12) : 13;
      for (let mo = 1; mo < arrearsFrom; mo++) payments.push({ id: `p${id}-${mo}`, memberId: id, month: `2026-${pad(mo)}`, amountFen, paidOn: `2026-${pad(mo)}-08` });
    }
    terms.push({ id: `t${bid}`, orgId: bid, electedOn: rnd() < 0.05 ? '2023-03-01' : '2025-03-01', termYears: 3, expiresOn: '2028-03-01' });
    const act = (kind: ActivityKind, date: string, orgId = bid, hours = 0): void => {
      const attendance = ids.map((memberId) => ({ memberId, status: rnd() < 0.9 ? 'present' as const : 'excused' as const, reason: null }));
      activities.push({ id: `a${aid++}`, orgId, kind, date, title: kind, location: null, chairMemberId: ids[0]!, lecturerMemberId: ids[0]!, lecturerName: null, agendaItems: [], minutes: null, attendance, nonMemberParticipants: 0, studyHours: hours });
    };
    const sloppy = rnd() < 0.1;
    for (let mo = 1; mo <= 12; mo++) {
      const d = (day: number) => `2026-${pad(mo)}-${pad(day)}`;
      act('themedPartyDay', d(10), bid, 2);
      if (!(sloppy && mo === 8)) act('branchCommitteeMeeting', d(5));
      for (const g of groups) act('partySubgroupMeeting', d(15), g, 1);
      if (mo % 3 === 0) { act('generalMembershipMeeting', d(20), bid, 1); act('partyLecture', d(21), bid, 2); }
    }
    act('organizationalLifeMeeting', '2026-12-15');
    act('memberAppraisal', '2026-12-16');
    act('heartToHeartTalk', '2026-06-01');
    act('concentratedStudy', '2026-07-01', bid, 8);
    for (let c = 0; c < 2; c++) {
      cases.push({ id: `c${bid}-${c}`, orgId: bid, personName: `申请人${b}-${c}`, birthDate: '2000-01-01', memberId: null, ruleSet: '2014', steps: [
        { id: `s${bid}-${c}-1`, step: 'application', date: '2025-03-01' },
        { id: `s${bid}-${c}-2`, step: 'applicantTalk', date: '2025-03-20' },
        { id: `s${bid}-${c}-3`, step: 'activistConfirmed', date: '2025-09-01' },
        { id: `s${bid}-${c}-4`, step: 'activistAssessment', date: '2026-03-01' },
      ] });
    }
  }
  return { organizations, members, activities, terms, developmentCases: cases, dues: { rates, payments } };
}

export async function run(): Promise<BenchResult[]> {
  const records = syntheticCommittee();
  const period = yearPeriod(2026);
  let findings = 0;
  const ms = await median(() => { findings = checkSubtree(records, period, DEFAULT_SETTINGS, '2027-01-10').findings.length; }, 7, 2);
  return [
    { name: `checkSubtree: 200 branches, 5,000 members, ${records.activities.length} activities (pure)`, value: ms, target: 300 },
    { name: 'findings produced', value: findings, unit: 'findings' },
  ];
}
