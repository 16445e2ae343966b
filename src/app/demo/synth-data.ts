/**
 * Synthetic data at scale (`zhibu synth`, the benchmarks): a 党委 with 党总支 of ten 党支部 each,
 * every branch with two 党小组, `membersPerBranch` members and a year of records — the 三会一课
 * with attendance, themed Party days, study, the year-end 组织生活会 and 民主评议, committee terms,
 * dues rates and monthly payments, and development cases.
 *
 * Pure and deterministic: the records of branch `b` depend only on the seed and `b` (a PRNG and
 * uuid ids derived from them, as for the demo), so a tree can be generated one 党总支 at a time in
 * bounded memory, in any order, and the same seed always gives the same records. About one branch
 * in ten is sloppy (a missed committee meeting, a lecture short, arrears), so checks find something.
 */
import type { Activity, ActivityKind, Attendance } from '../../domain/activity/activity.ts';
import type { Member, Position } from '../../domain/member/member.ts';
import { initialMembershipStart, soleMembership } from '../../domain/member/membership.ts';
import { pathLabel, type CommitteeTerm, type Organization } from '../../domain/org/org.ts';
import type { DevelopmentCase } from '../../domain/regulations/development.ts';
import type { DuesPayment } from '../../domain/regulations/dues.ts';
import type { DuesRateRecord } from '../../db/queries/dues-queries.ts';
import { randomPerson } from './demo-data.ts';
import { Rng, seededUuid } from './demo-rng.ts';

export interface SynthOptions {
  branches: number;
  membersPerBranch: number;
  year: number;
  seed: string;
}

/** Records of one part of the tree, parents before children. */
export interface SynthRecords {
  organizations: Organization[];
  committeeTerms: CommitteeTerm[];
  members: Member[];
  activities: Activity[];
  developmentCases: DevelopmentCase[];
  duesRates: DuesRateRecord[];
  duesPayments: DuesPayment[];
}

/** Branches per 党总支. */
export const BRANCHES_PER_GENERAL_BRANCH = 10;

const UNIT_KINDS = ['organ', 'institution', 'stateOwnedEnterprise', 'school', 'community'] as const;
const UNITS = ['财政局', '教育局', '卫生健康委', '交通运输局', '自然资源局', '住房城乡建设局', '农业农村局', '水务局', '文化旅游局', '市场监管局', '统计局', '审计局', '民政局', '司法局', '商务局'];
const TOPICS = ['学习贯彻党的二十大精神', '学习《中国共产党章程》', '学习贯彻习近平新时代中国特色社会主义思想', '学习《中国共产党纪律处分条例》', '传达学习上级会议精神', '学习党史', '研究部署党建重点工作'];
const FIRST_TOPIC = '传达学习习近平总书记最新重要讲话和重要指示批示精神';
const REASONS = ['出差', '病假', '公务外出', '事假'];
const pad = (n: number) => String(n).padStart(2, '0');

function empty(): SynthRecords {
  return { organizations: [], committeeTerms: [], members: [], activities: [], developmentCases: [], duesRates: [], duesPayments: [] };
}

/** Number of 党总支 for `branches` branches. */
export function generalBranchCount(branches: number): number {
  return Math.ceil(branches / BRANCHES_PER_GENERAL_BRANCH);
}

/** The root 党委 (its id is what `zhibu synth` prints and the benchmarks query). */
export function synthRoot(o: SynthOptions): SynthRecords {
  const r = empty();
  const id = seededUuid(o.seed, 'root');
  r.organizations.push({ id, parentId: null, path: pathLabel(id), type: 'primaryPartyCommittee', name: `合成数据党委（${o.branches}个支部，种子${o.seed}）`, unitKind: 'organ', establishedOn: '2000-01-01' });
  r.committeeTerms.push({ id: seededUuid(o.seed, 'term:root'), orgId: id, electedOn: `${o.year - 2}-06-01`, termYears: 5, expiresOn: `${o.year + 3}-06-01` });
  return r;
}

/** The records of 党总支 number `g` (0-based) and its branches. */
export function synthGeneralBranch(o: SynthOptions, g: number): SynthRecords {
  const r = empty();
  const root = synthRoot(o).organizations[0]!;
  const gid = seededUuid(o.seed, `general:${g}`);
  const general: Organization = { id: gid, parentId: root.id, path: `${root.path}.${pathLabel(gid)}`, type: 'generalPartyBranch', name: `第${g + 1}党总支`, unitKind: 'organ', establishedOn: '2005-01-01' };
  r.organizations.push(general);
  r.committeeTerms.push({ id: seededUuid(o.seed, `term:general:${g}`), orgId: gid, electedOn: `${o.year - 1}-03-01`, termYears: 5, expiresOn: `${o.year + 4}-03-01` });
  const last = Math.min(o.branches, (g + 1) * BRANCHES_PER_GENERAL_BRANCH);
  for (let b = g * BRANCHES_PER_GENERAL_BRANCH; b < last; b++) synthBranch(o, general, b, r);
  return r;
}

function synthBranch(o: SynthOptions, parent: Organization, b: number, r: SynthRecords): void {
  const rng = new Rng(`${o.seed}:branch:${b}`);
  const id = (key: string) => seededUuid(o.seed, `b${b}:${key}`);
  const Y = o.year;
  const unit = UNITS[b % UNITS.length]!;
  const bid = id('org');
  const unitKind = UNIT_KINDS[b % UNIT_KINDS.length]!;
  const branch: Organization = { id: bid, parentId: parent.id, path: `${parent.path}.${pathLabel(bid)}`, type: 'partyBranch', name: `${unit}第${b + 1}党支部`, unitKind, establishedOn: '2010-01-01' };
  r.organizations.push(branch);
  const groups = [1, 2].map((i): Organization => {
    const gid = id(`group:${i}`);
    return { id: gid, parentId: bid, path: `${branch.path}.${pathLabel(gid)}`, type: 'partySubgroup', name: `第${i}党小组`, unitKind, establishedOn: '2010-01-01' };
  });
  r.organizations.push(...groups);
  const sloppy = rng.chance(0.1);
  r.committeeTerms.push({ id: id('term'), orgId: bid, electedOn: sloppy && rng.chance(0.5) ? `${Y - 3}-03-01` : `${Y - 1}-03-01`, termYears: 3, expiresOn: sloppy ? `${Y}-03-01` : `${Y + 2}-03-01` });

  const used = new Set<string>();
  const positions: Position[][] = [['secretary'], ['deputySecretary'], ['organizationCommitteeMember'], ['publicityCommitteeMember'], ['disciplineCommitteeMember']];
  const members: Member[] = [];
  for (let k = 0; k < o.membersPerBranch; k++) {
    const p = randomPerson(rng, `m${k}`, used);
    const probationary = k >= 5 && rng.chance(0.04);
    const admittedOn = probationary ? `${Y - 1}-${pad(rng.int(6, 12))}-15` : `${rng.int(Math.min(Math.max(p.birthYear + 20, 1990), Y - 2), Y - 2)}-07-01`;
    const fullOn = probationary ? null : `${Number(admittedOn.slice(0, 4)) + 1}-07-01`;
    const m: Omit<Member, 'memberships'> = {
      id: id(`member:${k}`), orgId: bid, subgroupId: groups[k % 2]!.id, name: p.name, gender: p.gender, ethnicity: p.ethnicity,
      birthDate: `${p.birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`, education: p.education,
      category: probationary ? 'probationary' : 'full', appliedOn: null, admittedOn, fullOn, status: 'normal', leftOn: null,
      positions: positions[k] ?? [],
    };
    members.push({ ...m, memberships: [soleMembership(m, id(`membership:${k}`), initialMembershipStart(m, branch.establishedOn), 'initial')] });
  }
  r.members.push(...members);
  const chair = members[0]?.id ?? null;

  let n = 0;
  const act = (kind: ActivityKind, date: string, orgId: string, invitees: Member[], hours: number, title: string, first = false): void => {
    const attendance: Attendance[] = invitees.map((m) => {
      const x = rng.next();
      if (x < 0.9) return { memberId: m.id, status: 'present', reason: null };
      if (x < 0.99) return { memberId: m.id, status: 'excused', reason: rng.pick(REASONS) };
      return { memberId: m.id, status: 'absent', reason: '未请假' };
    });
    r.activities.push({
      id: id(`activity:${n++}`), orgId, kind, date, title, location: '党员活动室', chairMemberId: chair,
      lecturerMemberId: kind === 'partyLecture' ? chair : null, lecturerName: null,
      agendaItems: first ? [{ title: FIRST_TOPIC, isFirstAgendaItem: true }, { title, isFirstAgendaItem: false }] : [{ title, isFirstAgendaItem: false }],
      minutes: null, attendance, nonMemberParticipants: kind === 'themedPartyDay' ? rng.int(0, 5) : 0, studyHours: hours,
    });
  };
  const committee = members.slice(0, Math.min(5, members.length));
  for (let mo = 1; mo <= 12; mo++) {
    const d = (day: number) => `${Y}-${pad(mo)}-${pad(day)}`;
    const topic = rng.pick(TOPICS);
    act('themedPartyDay', d(rng.int(8, 12)), bid, members, 2, `主题党日：${topic}`);
    if (!(sloppy && mo === 8)) act('branchCommitteeMeeting', d(rng.int(3, 6)), bid, committee, 0, `支委会：${topic}`, true);
    for (const [i, g] of groups.entries()) act('partySubgroupMeeting', d(rng.int(14, 18)), g.id, members.filter((_, k) => k % 2 === i), 1, `党小组会：${topic}`);
    if (mo % 3 === 0) {
      act('generalMembershipMeeting', d(rng.int(19, 22)), bid, members, 1, `党员大会：${topic}`, true);
      if (!(sloppy && mo === 12)) act('partyLecture', d(rng.int(23, 26)), bid, members, 2, `党课：${topic}`);
    }
  }
  act('concentratedStudy', `${Y}-07-${pad(rng.int(1, 10))}`, bid, members, 8, '集中学习培训');
  act('heartToHeartTalk', `${Y}-06-${pad(rng.int(1, 10))}`, bid, committee, 0, '谈心谈话');
  act('organizationalLifeMeeting', `${Y}-12-${pad(rng.int(10, 15))}`, bid, members, 0, '组织生活会');
  act('memberAppraisal', `${Y}-12-${pad(rng.int(16, 20))}`, bid, members, 0, '民主评议党员');

  for (const [k, m] of members.entries()) {
    const amountFen = 100 * rng.int(10, 200);
    r.duesRates.push({ memberId: m.id, from: `${Y}-01`, amountFen, category: 'employed', baseFen: amountFen * 100 });
    const paidUntil = sloppy && k % 7 === 3 ? rng.int(6, 11) : 12;
    for (let mo = 1; mo <= paidUntil; mo++) r.duesPayments.push({ id: id(`dues:${k}:${mo}`), memberId: m.id, month: `${Y}-${pad(mo)}`, amountFen, paidOn: `${Y}-${pad(mo)}-${pad(rng.int(1, 10))}` });
  }

  for (let c = 0; c < 2; c++) {
    const p = randomPerson(rng, `case${c}`, used);
    const s = (k: number) => id(`case:${c}:step:${k}`);
    r.developmentCases.push({
      id: id(`case:${c}`), orgId: bid, personName: p.name, birthDate: `${Math.max(p.birthYear, Y - 30)}-03-03`, memberId: null, ruleSet: '2014',
      steps: [
        { id: s(1), step: 'application', date: `${Y - 1}-03-01` },
        { id: s(2), step: 'applicantTalk', date: sloppy && c === 1 ? `${Y - 1}-05-20` : `${Y - 1}-03-20` },
        { id: s(3), step: 'activistConfirmed', date: `${Y - 1}-09-01` },
        { id: s(4), step: 'activistAssessment', date: `${Y}-03-01` },
      ],
    });
  }
}
