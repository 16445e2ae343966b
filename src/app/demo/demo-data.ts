/**
 * The demo data set (`zhibu demo`, and the first `npm start` on an empty database): a 党委 with
 * three branches and their records from 2023-01-01 to 2026-11-20, as plain domain records.
 *
 * Entry point: `buildDemoData()` — pure and deterministic (seeded PRNG, ids derived from the
 * seed), so the loader only inserts what it returns: organizations (parents before children),
 * committee terms, members (encrypt `idNumber` and `phone` at rest), activities with their
 * attendance, development events, development cases (the same milestones, with every step of
 * the 25 in order and on time), dues rates and payments (分) for 2023–2026.
 *
 * 州审计局党支部 rebuilds the audit bureau branch of seed 003 (2023年基层支部党建工作总结): from
 * 2023-01-01 to 2023-11-10 its records give exactly the numbers of `AUDIT_SEED_FACTS`.
 * Compliance gaps planted for the regulations engine are listed in `DEMO_PLANTED_GAPS`.
 */
import { addDays, addMonths, format, getDay, getDaysInMonth, parseISO } from 'date-fns';
import {
  participationCount,
  type Activity, type ActivityKind, type AgendaItem, type Attendance,
} from '../../domain/activity/activity.ts';
import { addMonthsClamped, addYearsClamped, type LocalDate } from '../../domain/common/dates.ts';
import type { DevelopmentEvent, DevelopmentStep } from '../../domain/development/development.ts';
import { composeIdNumber } from '../../domain/member/id-number.ts';
import { categoryOn, type Member, type MemberStatus, type Position } from '../../domain/member/member.ts';
import { initialMembershipStart, soleMembership } from '../../domain/member/membership.ts';
import { pathLabel, type CommitteeTerm, type Organization, type OrgType } from '../../domain/org/org.ts';
import { CASE_STEPS, type CaseStep, type CaseStepKey, type DevelopmentCase } from '../../domain/regulations/development.ts';
import { monthlyDues, type DuesPayment } from '../../domain/regulations/dues.ts';
import type { DuesRateRecord } from '../../db/queries/dues-queries.ts';
import { Rng, distribute, seededUuid } from './demo-rng.ts';
import { auditSubstance, type DemoSubstance } from './demo-substance.ts';

/** A member with the personal data the loader encrypts before storing. */
export type DemoMember = Member & { idNumber: string; phone: string };

export interface DemoData {
  /** Parents come before their children. */
  organizations: Organization[];
  committeeTerms: CommitteeTerm[];
  members: DemoMember[];
  /** Sorted by date, then organization. */
  activities: Activity[];
  developmentEvents: DevelopmentEvent[];
  /** One case per person of the development events, agreeing with them (same milestone dates). */
  developmentCases: DevelopmentCase[];
  /** Each member's monthly dues from January of each year (or the admission month), in 分. */
  duesRates: DuesRateRecord[];
  /** Monthly payments, 2023-01 to 2026-12 (November and December paid together in 2026). */
  duesPayments: DuesPayment[];
  /** 州审计局党支部's 2023 campaigns, 办实事 projects with their 群众评议, 整改清单, partners and honours (demo-substance.ts). */
  campaigns: DemoSubstance['campaigns'];
  serviceProjects: DemoSubstance['serviceProjects'];
  evaluations: DemoSubstance['evaluations'];
  rectificationItems: DemoSubstance['rectificationItems'];
  partners: DemoSubstance['partners'];
  honours: DemoSubstance['honours'];
}

export const DEMO_SEED = 'zhibu-demo-v1';
/** First and last day with records. */
export const DEMO_RANGE = { from: '2023-01-01', to: '2026-11-20' } as const;

export const DEMO_ORG_NAMES = {
  committee: '州直机关党委',
  audit: '州审计局党支部',
  finance: '州财政局党支部',
  financeGroup1: '州财政局党支部第一党小组',
  financeGroup2: '州财政局党支部第二党小组',
  statistics: '州统计局党支部',
} as const;

/**
 * What seed 003 states for 州审计局党支部, 2023-01-01 to 2023-11-10 (“截至11月上旬”):
 * 支委会议12次，党员大会13次，主题党日12次，学习37次、301人次，志愿服务77次、224人次，
 * 1名预备党员转正，1名发展对象接收为预备党员.
 */
export const AUDIT_SEED_FACTS = {
  period: { from: '2023-01-01', to: '2023-11-10' },
  branchCommitteeMeeting: 12,
  generalMembershipMeeting: 13,
  themedPartyDay: 12,
  studySessions: 37,
  studyParticipations: 301,
  volunteerServices: 77,
  volunteerParticipations: 224,
  becameFull: 1,
  admittedProbationary: 1,
} as const;

/** The compliance gaps planted on purpose, for the regulations engine to find. */
export const DEMO_PLANTED_GAPS = {
  /** BR-09 支部工作条例 第十二条: 州财政局党支部 (≥ 7 full members) holds no 支委会 in this month. */
  missingCommitteeMeetingMonth: { org: DEMO_ORG_NAMES.finance, month: '2026-07' },
  /** EDU-07 党员教育管理工作条例 第二十条: members of 州统计局党支部 often away, under 32 学时 in 2026. */
  lowStudyHours: { org: DEMO_ORG_NAMES.statistics, year: 2026, minimumHours: 32 },
  /** BR-19 支部工作条例 第二十一条 / ELE-01: 州统计局党支部 elected 2022-03-15 for 3 years, not re-elected. */
  expiredCommitteeTerm: { org: DEMO_ORG_NAMES.statistics, electedOn: '2022-03-15', expiresOn: '2025-03-15' },
  /** EDU-03 党员教育管理工作条例 第二十条: one 州财政局党支部 member (roster index 10) paid nothing for these months. */
  duesArrears: { org: DEMO_ORG_NAMES.finance, memberIndex: 10, months: ['2026-08', '2026-09', '2026-10'] },
} as const;

// ---------------------------------------------------------------------------------------------
// Building blocks

export interface PersonSpec {
  key: string;
  name: string;
  gender: 'male' | 'female';
  ethnicity: string;
  birthYear: number;
  education: string;
  positions?: Position[];
  /** Member of the unit's 党组 (attends 理论学习中心组). */
  partyGroup?: boolean;
  appliedOn?: LocalDate;
  admittedOn?: LocalDate;
  fullOn?: LocalDate | null;
  leftOn?: LocalDate;
  status?: MemberStatus;
  subgroup?: 1 | 2;
  /** Often away on assignment from this date: excused far more often (planted low study hours). */
  oftenAwayFrom?: LocalDate;
}

interface Branch {
  key: string;
  org: Organization;
  subgroups: Organization[];
  members: DemoMember[];
  specs: Map<string, PersonSpec>;
  excuseReasons: readonly string[];
  locations: readonly string[];
}

const REGIONS = ['532801', '532822', '532823'] as const; // 景洪市, 勐海县, 勐腊县
const PHONE_PREFIXES = ['139', '138', '137', '135', '150', '151', '158', '187', '188', '189', '133', '180', '199'];
const ABSENT_REASONS = ['未请假', '未按规定履行请假手续'];

function iso(d: Date): LocalDate { return format(d, 'yyyy-MM-dd'); }
function dateOf(y: number, m: number, d: number): LocalDate {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
/** Moves a Saturday to the Friday before and a Sunday to the Monday after, within the month. */
function workday(d: LocalDate): LocalDate {
  const dt = parseISO(d);
  const wd = getDay(dt);
  if (wd === 6) return dt.getDate() > 1 ? iso(addDays(dt, -1)) : iso(addDays(dt, 2));
  if (wd === 0) return dt.getDate() < getDaysInMonth(dt) ? iso(addDays(dt, 1)) : iso(addDays(dt, -2));
  return d;
}
function randomDay(rng: Rng, from: LocalDate, to: LocalDate, workdaysOnly: boolean): LocalDate {
  const span = Math.round((parseISO(to).getTime() - parseISO(from).getTime()) / 86_400_000);
  for (;;) {
    const d = iso(addDays(parseISO(from), rng.int(0, span)));
    if (!workdaysOnly || (getDay(parseISO(d)) !== 0 && getDay(parseISO(d)) !== 6)) return d;
  }
}

class Builder {
  readonly rng: Rng;
  readonly organizations: Organization[] = [];
  readonly committeeTerms: CommitteeTerm[] = [];
  readonly activities: Activity[] = [];
  readonly developmentEvents: DevelopmentEvent[] = [];
  readonly developmentCases: DevelopmentCase[] = [];
  private readonly phones = new Set<string>();
  private readonly idNumbers = new Set<string>();
  private counter = 0;

  constructor(readonly seed: string) { this.rng = new Rng(seed); }

  id(key: string): string { return seededUuid(this.seed, key); }

  org(key: string, type: OrgType, name: string, parent: Organization | null, establishedOn: LocalDate): Organization {
    const id = this.id(`org:${key}`);
    const o: Organization = {
      id, parentId: parent?.id ?? null, path: parent ? `${parent.path}.${pathLabel(id)}` : pathLabel(id),
      type, name, unitKind: 'organ', establishedOn,
    };
    this.organizations.push(o);
    return o;
  }

  term(org: Organization, electedOn: LocalDate, termYears: number): void {
    this.committeeTerms.push({ id: this.id(`term:${org.id}:${electedOn}`), orgId: org.id, electedOn, termYears, expiresOn: addYearsClamped(electedOn, termYears) });
  }

  member(branch: Branch, s: PersonSpec): DemoMember {
    const rng = this.rng;
    const birthDate = iso(addDays(parseISO(`${s.birthYear}-01-01`), rng.int(0, 364)));
    const admittedOn = s.admittedOn ?? (() => {
      const y = Math.min(s.birthYear + rng.int(22, 32), 2021);
      return workday(dateOf(y, rng.int(1, 12), rng.int(1, 28)));
    })();
    const fullOn = s.fullOn === undefined ? addYearsClamped(admittedOn, 1) : s.fullOn;
    const appliedOn = s.appliedOn ?? iso(addMonths(parseISO(admittedOn), -rng.int(18, 40)));
    let idNumber: string;
    do idNumber = composeIdNumber(rng.pick(REGIONS), birthDate, rng.int(0, 999), s.gender);
    while (this.idNumbers.has(idNumber));
    this.idNumbers.add(idNumber);
    let phone: string;
    do phone = rng.pick(PHONE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    while (this.phones.has(phone));
    this.phones.add(phone);
    const m: DemoMember = {
      id: this.id(`member:${branch.key}:${s.key}`),
      orgId: branch.org.id,
      subgroupId: s.subgroup ? branch.subgroups[s.subgroup - 1]!.id : null,
      name: s.name, gender: s.gender, ethnicity: s.ethnicity, birthDate, education: s.education,
      category: fullOn && fullOn <= DEMO_RANGE.to ? 'full' : 'probationary',
      appliedOn, admittedOn, fullOn, status: s.status ?? 'normal', leftOn: s.leftOn ?? null,
      positions: s.positions ?? [], idNumber, phone, memberships: [],
    };
    m.memberships = [soleMembership(m, this.id(`membership:${branch.key}:${s.key}`), initialMembershipStart(m, branch.org.establishedOn), 'initial')];
    branch.members.push(m);
    branch.specs.set(m.id, s);
    return m;
  }

  event(orgId: string, memberId: string | null, personName: string, step: DevelopmentStep, date: LocalDate): void {
    this.developmentEvents.push({ id: this.id(`event:${orgId}:${personName}:${step}`), orgId, memberId, personName, step, date });
  }

  /**
   * The development history of a member admitted as probationary on `admittedOn`: the dated
   * milestones and the case with all its steps. The activist date is six months after the
   * application, or earlier when the candidate date needs a full year of training before it (DEV-08).
   */
  developmentOf(branch: Branch, m: DemoMember, candidateOn: LocalDate): void {
    const sixMonths = iso(addMonths(parseISO(m.appliedOn!), 6));
    const yearBefore = addYearsClamped(candidateOn, -1);
    const activistOn = sixMonths <= yearBefore ? sixMonths : yearBefore;
    this.event(branch.org.id, null, m.name, 'applied', m.appliedOn!);
    this.event(branch.org.id, null, m.name, 'activist', activistOn);
    this.event(branch.org.id, null, m.name, 'candidate', candidateOn);
    this.event(branch.org.id, m.id, m.name, 'admittedProbationary', m.admittedOn!);
    if (m.fullOn && m.fullOn <= DEMO_RANGE.to) this.event(branch.org.id, m.id, m.name, 'becameFull', m.fullOn);
    this.developmentCases.push(caseOf(this, branch, { name: m.name, birthDate: m.birthDate, memberId: m.id, appliedOn: m.appliedOn!, activistOn, candidateOn, admittedOn: m.admittedOn!, fullOn: m.fullOn }));
  }

  activity(a: Omit<Activity, 'id'>): Activity {
    const act: Activity = { id: this.id(`activity:${++this.counter}`), ...a };
    this.activities.push(act);
    return act;
  }
}

/** Members of the branch on its roll on `date` (probationary ones included). */
function onRoll(branch: Branch, date: LocalDate, subgroup?: Organization): DemoMember[] {
  return branch.members.filter((m) => categoryOn(m, date) !== null && (!subgroup || m.subgroupId === subgroup.id));
}
function committeeOf(branch: Branch, date: LocalDate): DemoMember[] {
  return onRoll(branch, date).filter((m) => m.positions.some((p) => p !== 'subgroupLeader'));
}
function secretaryOf(branch: Branch, date: LocalDate): DemoMember | undefined {
  return onRoll(branch, date).find((m) => m.positions.includes('secretary'));
}

/**
 * Attendance for `invitees`: exactly `present` of them present when given, otherwise each one
 * excused with probability `excuseRate` (far more often when the member is often away) and
 * rarely absent. Reasons come from the branch's list.
 */
function attendance(b: Builder, branch: Branch, invitees: readonly DemoMember[], opts: { present?: number; excuseRate?: number; date?: LocalDate } = {}): Attendance[] {
  const rng = b.rng;
  const rate = opts.excuseRate ?? 0.08;
  let presentIds: Set<string>;
  if (opts.present !== undefined) {
    presentIds = new Set(rng.sample(invitees, opts.present).map((m) => m.id));
  } else {
    const away = (m: DemoMember) => {
      const from = branch.specs.get(m.id)?.oftenAwayFrom;
      return from !== undefined && opts.date !== undefined && opts.date >= from;
    };
    presentIds = new Set(invitees.filter((m) => !rng.chance(away(m) ? 0.65 : rate)).map((m) => m.id));
  }
  return invitees.map((m): Attendance => {
    if (presentIds.has(m.id)) return { memberId: m.id, status: 'present', reason: null };
    // Committee members ask for leave; only ordinary members are ever recorded absent.
    if (opts.present === undefined && m.positions.length === 0 && rng.chance(0.12)) return { memberId: m.id, status: 'absent', reason: rng.pick(ABSENT_REASONS) };
    return { memberId: m.id, status: 'excused', reason: rng.pick(branch.excuseReasons) };
  });
}

function firstItem(title: string): AgendaItem { return { title, isFirstAgendaItem: true }; }
function item(title: string): AgendaItem { return { title, isFirstAgendaItem: false }; }

/** The year's 第一议题 and study topics (what a branch of a 州直机关 studied that year). */
const TOPICS: Record<number, readonly string[]> = {
  2023: ['党的二十大精神', '习近平新时代中国特色社会主义思想主题教育', '《习近平著作选读》', '习近平总书记关于审计工作的重要论述', '党的二十届二中全会精神'],
  2024: ['《中国共产党纪律处分条例》', '党纪学习教育', '党的二十届三中全会精神', '习近平总书记关于全面深化改革的重要论述'],
  2025: ['深入贯彻中央八项规定精神学习教育', '党的二十届四中全会精神', '习近平总书记关于作风建设的重要论述'],
  2026: ['党的二十届四中全会精神', '“十五五”规划建议', '新修订的《中国共产党发展党员工作细则》', '习近平总书记关于民族团结进步的重要论述'],
};
function topic(rng: Rng, date: LocalDate): string { return rng.pick(TOPICS[Number(date.slice(0, 4))] ?? TOPICS[2026]!); }
const FIRST_TOPIC = '传达学习习近平总书记最新重要讲话和重要指示批示精神';

// ---------------------------------------------------------------------------------------------
// The organizations and their people

const AUDIT_PEOPLE: PersonSpec[] = [
  { key: 'daojianhua', name: '刀建华', gender: 'male', ethnicity: '傣族', birthYear: 1971, education: '研究生', positions: ['secretary'], partyGroup: true },
  { key: 'liwenqing', name: '李文清', gender: 'female', ethnicity: '汉族', birthYear: 1975, education: '大学本科', positions: ['deputySecretary'], partyGroup: true },
  { key: 'yanwenhan', name: '岩温罕', gender: 'male', ethnicity: '傣族', birthYear: 1980, education: '大学本科', positions: ['organizationCommitteeMember'], partyGroup: true },
  { key: 'yangxiaomei', name: '杨晓梅', gender: 'female', ethnicity: '白族', birthYear: 1986, education: '大学本科', positions: ['publicityCommitteeMember'] },
  { key: 'baiyongming', name: '白永明', gender: 'male', ethnicity: '哈尼族', birthYear: 1978, education: '大学本科', positions: ['disciplineCommitteeMember'], partyGroup: true },
  { key: 'zhangzhigang', name: '张志刚', gender: 'male', ethnicity: '汉族', birthYear: 1969, education: '大学本科', partyGroup: true },
  { key: 'yuxiang', name: '玉香', gender: 'female', ethnicity: '傣族', birthYear: 1988, education: '大学本科' },
  { key: 'cheli', name: '车丽', gender: 'female', ethnicity: '哈尼族', birthYear: 1990, education: '大学本科' },
  { key: 'wanghaitao', name: '王海涛', gender: 'male', ethnicity: '汉族', birthYear: 1983, education: '研究生' },
  { key: 'chenjing', name: '陈静', gender: 'female', ethnicity: '汉族', birthYear: 1987, education: '研究生' },
  { key: 'yanhan', name: '岩罕', gender: 'male', ethnicity: '傣族', birthYear: 1985, education: '大专' },
  { key: 'zhouguoqing', name: '周国庆', gender: 'male', ethnicity: '汉族', birthYear: 1966, education: '大学本科', leftOn: '2026-07-15', status: 'transferredOut' },
  { key: 'liuxuemei', name: '刘雪梅', gender: 'female', ethnicity: '汉族', birthYear: 1979, education: '大学本科' },
  { key: 'pujianxin', name: '普建新', gender: 'male', ethnicity: '彝族', birthYear: 1984, education: '大学本科' },
  { key: 'lina', name: '李娜', gender: 'female', ethnicity: '拉祜族', birthYear: 1992, education: '大学本科' },
  { key: 'luozhiyong', name: '罗志勇', gender: 'male', ethnicity: '汉族', birthYear: 1976, education: '大学本科' },
  { key: 'yuying', name: '玉应', gender: 'female', ethnicity: '傣族', birthYear: 1983, education: '大学本科' },
  { key: 'zhaoyunpeng', name: '赵云鹏', gender: 'male', ethnicity: '汉族', birthYear: 1991, education: '研究生' },
  { key: 'hemeiling', name: '何美玲', gender: 'female', ethnicity: '基诺族', birthYear: 1989, education: '大学本科' },
  { key: 'huangjia', name: '黄佳', gender: 'female', ethnicity: '布朗族', birthYear: 1995, education: '大学本科' },
  { key: 'majun', name: '马俊', gender: 'male', ethnicity: '回族', birthYear: 1982, education: '大学本科' },
  // 预备党员转正 on 2023-06-28 (the one of seed 003).
  { key: 'duanwenbo', name: '段文博', gender: 'male', ethnicity: '汉族', birthYear: 1994, education: '大学本科', appliedOn: '2020-04-10', admittedOn: '2022-06-28', fullOn: '2023-06-28' },
  // 发展对象接收为预备党员 on 2023-09-26 (the one of seed 003); full a year later.
  { key: 'shiyu', name: '施雨', gender: 'female', ethnicity: '汉族', birthYear: 1997, education: '大学本科', appliedOn: '2021-03-15', admittedOn: '2023-09-26', fullOn: '2024-09-26' },
  // Applied after the seed's period; admitted in 2026, still probationary.
  { key: 'daoyuwei', name: '刀玉伟', gender: 'male', ethnicity: '傣族', birthYear: 1998, education: '大学本科', appliedOn: '2023-11-20', admittedOn: '2026-06-25', fullOn: null },
];

const SURNAMES_HAN = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '邓', '冯', '韩', '曹', '彭'];
const GIVEN_MALE = ['建军', '志明', '海峰', '国华', '永刚', '文杰', '晓东', '俊杰', '明辉', '云飞', '立新', '宏伟', '鹏', '磊', '勇', '涛', '斌', '浩然', '子轩', '家豪'];
const GIVEN_FEMALE = ['秀兰', '丽娟', '春燕', '晓燕', '慧敏', '雪梅', '玉兰', '静', '婷', '丹', '琳', '思雨', '佳怡', '海燕', '艳萍', '红梅', '欣悦', '梦瑶', '文静', '美华'];
const DAI_MALE = ['岩温', '岩罕', '岩光', '岩香', '岩应', '岩恩', '岩坎', '岩庄'];
const DAI_FEMALE = ['玉叫', '玉罕', '玉光', '玉儿', '玉香', '玉坎', '玉楠', '玉应'];
const HANI_SURNAMES = ['白', '车', '李', '杨', '普', '陈'];

/** A random person of the demo's region (Han, Dai, Hani … names), distinct from the names in `used` (which it extends). */
export function randomPerson(rng: Rng, key: string, used: Set<string>, over: Partial<PersonSpec> = {}): PersonSpec {
  for (;;) {
    const gender = over.gender ?? (rng.chance(0.55) ? 'male' : 'female');
    const r = rng.next();
    const ethnicity = r < 0.55 ? '汉族' : r < 0.75 ? '傣族' : r < 0.87 ? '哈尼族' : rng.pick(['彝族', '拉祜族', '白族', '布朗族', '基诺族']);
    let name: string;
    if (ethnicity === '傣族') name = rng.pick(gender === 'male' ? DAI_MALE : DAI_FEMALE);
    else {
      const surname = ethnicity === '哈尼族' ? rng.pick(HANI_SURNAMES) : rng.pick(SURNAMES_HAN);
      name = surname + rng.pick(gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE);
    }
    if (used.has(name)) continue;
    used.add(name);
    return {
      key, name, gender, ethnicity, birthYear: rng.int(1967, 1996),
      education: rng.pick(['大学本科', '大学本科', '大学本科', '研究生', '大专']), ...over,
    };
  }
}

function newBranch(b: Builder, key: string, org: Organization, subgroups: Organization[], excuseReasons: readonly string[], locations: readonly string[]): Branch {
  return { key, org, subgroups, members: [], specs: new Map(), excuseReasons, locations };
}

// ---------------------------------------------------------------------------------------------
// 州审计局党支部, 2023-01-01 … 2023-11-10: the numbers of seed 003

function auditSeedPeriod(b: Builder, branch: Branch): void {
  const rng = b.rng;
  const { to } = AUDIT_SEED_FACTS.period;
  const sec = (d: LocalDate) => secretaryOf(branch, d)!;
  const person = (key: string) => branch.members.find((m) => m.id === b.id(`member:audit:${key}`))!;
  const duan = person('duanwenbo');
  const shi = person('shiyu');
  const loc = branch.locations;
  const base = { orgId: branch.org.id, lecturerMemberId: null, lecturerName: null, minutes: null, nonMemberParticipants: 0 };

  const committeeAgenda: Record<string, string[]> = {
    '01-05': ['研究2023年度支部党建工作要点', '研究2022年度组织生活会和民主评议党员工作方案'],
    '02-03': ['研究组织生活会会前准备和谈心谈话安排', '研究“清廉机关”创建工作'],
    '03-03': ['研究学习宣传贯彻党的二十大精神具体工作任务分工', '研究3月主题党日活动安排'],
    '04-04': ['研究学习贯彻习近平新时代中国特色社会主义思想主题教育工作计划', '研究“我为发展献一策”计划'],
    '05-05': ['研究“为民服务办实事”计划', '研究意识形态工作'],
    '06-02': ['研究“八破八立”解放思想大讨论行动计划', '研究上半年党建工作总结'],
    '06-16': [`讨论${duan.name}同志预备党员转正问题，提交党员大会讨论`],
    '07-04': ['研究主题教育检视整改问题清单', '研究“躺平式”干部专项整治工作方案'],
    '08-03': ['研究党建重点工作“回头看”反馈问题整改措施', '研究8月志愿服务安排'],
    '09-05': [`讨论${shi.name}同志接收为预备党员问题，提交党员大会讨论`, '研究群众评议机关作风活动'],
    '10-09': ['研究支部换届选举后备人选酝酿工作', '研究第四季度党建工作安排'],
    '11-06': ['研究年度党建工作总结起草', '研究党费收缴情况'],
  };
  for (const [md, items] of Object.entries(committeeAgenda)) {
    const date = `2023-${md}`;
    const att = attendance(b, branch, committeeOf(branch, date), { excuseRate: 0.06 });
    const chair = att.some((a) => a.memberId === sec(date).id && a.status === 'present') ? sec(date).id : committeeOf(branch, date).find((m) => m.positions.includes('deputySecretary'))!.id;
    const special = md === '06-16';
    b.activity({
      ...base, kind: 'branchCommitteeMeeting', date, title: special ? '支部委员会会议（专题）' : `${Number(md.slice(0, 2))}月支部委员会会议`,
      location: loc[0]!, chairMemberId: chair,
      agendaItems: [...(special ? [] : [firstItem(FIRST_TOPIC)]), ...items.map(item)], attendance: att, studyHours: special ? 0 : 1,
    });
  }

  const generalDates = ['01-13', '02-17', '03-17', '04-18', '05-19', '06-21', '06-28', '07-18', '08-18', '09-15', '09-26', '10-20', '11-08'];
  for (const md of generalDates) {
    const date = `2023-${md}`;
    const admission = md === '09-26';
    const promotion = md === '06-28';
    const items = promotion ? [item(`讨论${duan.name}同志预备党员转正`)]
      : admission ? [item(`讨论接收${shi.name}同志为预备党员`)]
      : [firstItem(FIRST_TOPIC), item(`集中学习${topic(rng, date)}`), item('通报支部近期工作')];
    b.activity({
      ...base, kind: 'generalMembershipMeeting', date,
      title: promotion ? '支部党员大会（预备党员转正）' : admission ? '支部党员大会（接收预备党员）' : `${Number(md.slice(0, 2))}月支部党员大会`,
      location: loc[0]!, chairMemberId: sec(date).id, agendaItems: items,
      attendance: attendance(b, branch, onRoll(branch, date)), studyHours: promotion || admission ? 1 : 2,
    });
  }
  // The two development steps of the seed, on the days the general meeting voted them (PC-03).
  b.developmentOf(branch, duan, '2021-09-20');
  b.developmentOf(branch, shi, '2022-11-22');

  const partyDays: [string, string][] = [
    ['01-10', '“新春送温暖”走访慰问挂钩帮扶村困难群众'], ['02-10', '学习党的二十大报告主题党日'], ['03-10', '“学雷锋”志愿服务主题党日'],
    ['04-10', '爱国卫生运动“清洁家园”主题党日'], ['05-10', '“五四”青年审计干部座谈主题党日'], ['06-09', '登革热防控入户宣传主题党日'],
    ['06-30', '庆祝中国共产党成立102周年重温入党誓词'], ['07-10', '“为民服务办实事”政策宣传进村寨'], ['08-10', '参观州廉政教育基地'],
    ['09-08', '乡村振兴挂钩村寨政策宣讲'], ['10-10', '“弘扬清廉家风 助推廉洁审计”主题党日'], ['11-10', '主题教育专题学习研讨主题党日'],
  ];
  for (const [md, title] of partyDays) {
    const date = `2023-${md}`;
    b.activity({
      ...base, kind: 'themedPartyDay', date, title, location: md === '08-10' ? '州廉政教育基地' : rng.pick(loc), chairMemberId: sec(date).id,
      agendaItems: [item(title)], attendance: attendance(b, branch, onRoll(branch, date)), studyHours: 2,
      nonMemberParticipants: rng.chance(0.3) ? rng.int(1, 4) : 0,
    });
  }

  const others: [string, string][] = [
    ['01-19', '支部规范化建设达标创建自查'], ['02-23', '“清廉机关”创建工作推进会'], ['03-29', '意识形态工作专题研判'],
    ['04-26', '“我为发展献一策”征集交流会'], ['05-24', '“为民服务办实事”项目推进会'], ['06-14', '“八破八立”解放思想大讨论第一次集中研讨'],
    ['07-26', '“躺平式”干部专项整治动员部署会'], ['08-16', '“八破八立”解放思想大讨论第二次集中研讨'], ['09-20', '群众评议机关作风活动部署会'],
    ['10-18', '签订助廉承诺书暨廉政家访活动'], ['10-31', '主题教育检视整改情况通报会'], ['11-02', '“读一本清廉书籍”读书分享会'],
  ];
  for (const [md, title] of others) {
    const date = `2023-${md}`;
    b.activity({ ...base, kind: 'other', date, title, location: loc[0]!, chairMemberId: sec(date).id, agendaItems: [item(title)], attendance: attendance(b, branch, onRoll(branch, date)), studyHours: 0 });
  }
  b.activity({
    ...base, kind: 'organizationalLifeMeeting', date: '2023-02-16', title: '2022年度组织生活会', location: loc[0]!, chairMemberId: sec('2023-02-16').id,
    agendaItems: [item('通报2022年度组织生活会整改落实情况'), item('支部班子对照检查'), item('党员个人对照检查，开展批评和自我批评')],
    attendance: attendance(b, branch, onRoll(branch, '2023-02-16'), { excuseRate: 0.04 }), studyHours: 2,
  });
  b.activity({
    ...base, kind: 'memberAppraisal', date: '2023-02-16', title: '2022年度民主评议党员', location: loc[0]!, chairMemberId: sec('2023-02-16').id,
    agendaItems: [item('党员个人自评、党员互评和民主测评')], attendance: attendance(b, branch, onRoll(branch, '2023-02-16'), { excuseRate: 0.04 }), studyHours: 0,
  });
  for (const [date, key] of [['2023-02-08', 'cheli'], ['2023-06-19', 'duanwenbo'], ['2023-09-28', 'shiyu']] as const) {
    const s = sec(date);
    const other = person(key);
    b.activity({
      ...base, kind: 'heartToHeartTalk', date, title: `书记与${other.name}同志谈心谈话`, location: '书记办公室', chairMemberId: s.id, agendaItems: [],
      attendance: [{ memberId: s.id, status: 'present', reason: null }, { memberId: other.id, status: 'present', reason: null }], studyHours: 0,
    });
  }

  // Study sessions: 37 with 301 人次. The whole-branch sessions take what attendance gives;
  // the 理论学习中心组 and 审计组 sessions take the rest of the 301.
  const whole: { kind: ActivityKind; md: string; title: string; hours: number; lecturer?: string }[] = [
    { kind: 'partyLecture', md: '03-24', title: '学习宣传贯彻党的二十大精神专题党课', hours: 2, lecturer: 'daojianhua' },
    { kind: 'partyLecture', md: '05-26', title: '以学铸魂 以学增智 以学正风 以学促干', hours: 2, lecturer: 'liwenqing' },
    { kind: 'partyLecture', md: '07-21', title: '牢记初心使命 做敢于担当的新时代审计人', hours: 2, lecturer: 'daojianhua' },
    { kind: 'partyLecture', md: '10-27', title: '深入学习贯彻习近平总书记关于审计工作的重要论述', hours: 2, lecturer: 'daojianhua' },
    { kind: 'concentratedStudy', md: '02-24', title: '集中学习党的二十大报告', hours: 3 },
    { kind: 'concentratedStudy', md: '04-14', title: '集中学习《习近平著作选读》第一卷', hours: 3 },
    { kind: 'concentratedStudy', md: '06-09', title: '集中学习《中国共产党支部工作条例（试行）》', hours: 3 },
    { kind: 'concentratedStudy', md: '09-22', title: '集中学习习近平总书记关于意识形态工作的重要论述', hours: 3 },
    { kind: 'warningEducation', md: '04-21', title: '观看警示教育片', hours: 2 },
    { kind: 'warningEducation', md: '08-25', title: '以案说纪警示教育会', hours: 2 },
    { kind: 'knowledgeTest', md: '11-03', title: '学习贯彻党的二十大精神知识测试', hours: 1 },
  ];
  let wholeSum = 0;
  for (const w of whole) {
    const date = `2023-${w.md}`;
    const a = b.activity({
      ...base, kind: w.kind, date, title: w.title, location: loc[0]!, chairMemberId: sec(date).id,
      lecturerMemberId: w.lecturer ? person(w.lecturer).id : null,
      agendaItems: [item(w.title)], attendance: attendance(b, branch, onRoll(branch, date), { excuseRate: 0.1 }), studyHours: w.hours,
    });
    wholeSum += participationCount(a);
  }
  const central = Array.from({ length: 10 }, (_, i) => ({ kind: 'centralGroupStudy' as const, date: workday(dateOf(2023, i + 1, 18 + (i % 3))) }));
  const groups = Array.from({ length: 16 }, () => ({ kind: 'thematicStudy' as const, date: randomDay(rng, '2023-01-09', to, true) }));
  const partyGroup = (d: LocalDate) => onRoll(branch, d).filter((m) => branch.specs.get(m.id)?.partyGroup);
  const small = [...central, ...groups];
  const caps = small.map((s) => (s.kind === 'centralGroupStudy' ? partyGroup(s.date).length : 6));
  const counts = distribute(rng, AUDIT_SEED_FACTS.studyParticipations - wholeSum, caps, 2);
  small.forEach((s, i) => {
    const present = counts[i]!;
    const invitees = s.kind === 'centralGroupStudy'
      ? partyGroup(s.date)
      : rng.sample(onRoll(branch, s.date).filter((m) => !branch.specs.get(m.id)?.partyGroup), Math.min(6, present + rng.int(0, 1)));
    const title = s.kind === 'centralGroupStudy' ? `理论学习中心组学习：${topic(rng, s.date)}` : `审计组学习：${topic(rng, s.date)}`;
    b.activity({
      ...base, kind: s.kind, date: s.date, title, location: s.kind === 'centralGroupStudy' ? loc[0]! : rng.pick(['审计现场临时党小组驻地', loc[1]!]),
      chairMemberId: s.kind === 'centralGroupStudy' ? sec(s.date).id : null,
      agendaItems: s.kind === 'centralGroupStudy' ? [firstItem(FIRST_TOPIC), item(`专题研讨${topic(rng, s.date)}`)] : [item(title)],
      attendance: attendance(b, branch, invitees, { present }), studyHours: s.kind === 'centralGroupStudy' ? 4 : 2,
    });
  });

  // Volunteer services: 77 with 224 人次 (members present plus 群众 who joined).
  const volunteerTitles = [
    '爱国卫生运动“清洁家园”志愿服务', '登革热防控入户宣传', '挂钩帮扶村寨政策宣传', '文明城市创建交通劝导', '社区“双报到”志愿服务',
    '审计政策进社区宣传', '无偿献血志愿服务', '乡村振兴挂钩村寨义务劳动', '关爱留守儿童志愿服务', '防范电信网络诈骗宣传',
  ];
  const volunteerPlaces = ['景洪市允景洪街道曼弄枫社区', '景洪市嘎栋街道曼景兰社区', '勐海县勐遮镇挂钩帮扶村', '州民族广场', '景洪市澜沧江畔'];
  const volDates = Array.from({ length: AUDIT_SEED_FACTS.volunteerServices }, () => randomDay(rng, '2023-01-03', to, false)).sort();
  const volCounts = distribute(rng, AUDIT_SEED_FACTS.volunteerParticipations, volDates.map(() => 5), 2);
  volDates.forEach((date, i) => {
    const p = volCounts[i]!;
    const nonMembers = p >= 3 && rng.chance(0.3) ? 1 : 0;
    const present = p - nonMembers;
    const invitees = rng.sample(onRoll(branch, date), present + (rng.chance(0.2) ? 1 : 0));
    const title = rng.pick(volunteerTitles);
    b.activity({
      ...base, kind: 'volunteerService', date, title, location: rng.pick(volunteerPlaces), chairMemberId: null,
      agendaItems: [], attendance: attendance(b, branch, invitees, { present }), nonMemberParticipants: nonMembers, studyHours: 0,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Routine records at a lighter density (every branch, every month in its range)

interface Routine {
  from: LocalDate;
  to: LocalDate;
  /** Months (`YYYY-MM`) without a 支委会 (planted gaps). */
  skipCommitteeMonths?: readonly string[];
  generalMeetingMonths: readonly number[];
  studiesPerMonth: number;
  /** Study sessions only in every other month (a thin year). */
  studyEveryOtherMonthFrom?: LocalDate;
  volunteersPerMonth: readonly [number, number];
  hasCommittee: boolean;
}

function routine(b: Builder, branch: Branch, r: Routine): void {
  const rng = b.rng;
  const loc = branch.locations;
  const base = { orgId: branch.org.id, lecturerMemberId: null, lecturerName: null, minutes: null, nonMemberParticipants: 0 };
  const add = (a: Omit<Activity, 'id' | 'orgId' | 'lecturerMemberId' | 'lecturerName' | 'minutes' | 'nonMemberParticipants'> & Partial<Activity>) => {
    if (a.date < r.from || a.date > r.to) return;
    b.activity({ ...base, ...a });
  };
  const chair = (d: LocalDate) => secretaryOf(branch, d)?.id ?? null;
  for (let month = parseISO(`${r.from.slice(0, 7)}-01`); iso(month) <= r.to; month = addMonths(month, 1)) {
    const y = month.getFullYear();
    const m = month.getMonth() + 1;
    const ym = iso(month).slice(0, 7);
    const d = (day: number) => workday(dateOf(y, m, Math.min(day, getDaysInMonth(month))));
    if (r.hasCommittee && !r.skipCommitteeMonths?.includes(ym)) {
      const date = d(rng.int(3, 9));
      add({
        kind: 'branchCommitteeMeeting', date, title: `${m}月支部委员会会议`, location: loc[0]!, chairMemberId: chair(date),
        agendaItems: [firstItem(FIRST_TOPIC), item(`研究${m}月党建工作安排`), ...(m % 3 === 0 ? [item('研究党费收缴和党员教育管理工作')] : [])],
        attendance: attendance(b, branch, committeeOf(branch, date), { excuseRate: 0.06, date }), studyHours: 2,
      });
    }
    if (r.generalMeetingMonths.includes(m)) {
      const date = d(rng.int(20, 26));
      add({
        kind: 'generalMembershipMeeting', date, title: `${y}年第${Math.ceil(m / 3)}季度支部党员大会`, location: loc[0]!, chairMemberId: chair(date),
        agendaItems: [firstItem(FIRST_TOPIC), item(`学习${topic(rng, date)}`), item('支部委员会报告本季度工作')],
        attendance: attendance(b, branch, onRoll(branch, date), { date }), studyHours: 2,
      });
    }
    {
      const date = d(rng.int(10, 15));
      const t = topic(rng, date);
      add({
        kind: 'themedPartyDay', date, title: m === 7 ? `庆祝中国共产党成立${y - 1921}周年主题党日` : `主题党日：学习${t}`, location: rng.pick(loc), chairMemberId: chair(date),
        agendaItems: [item(m === 7 ? '重温入党誓词' : `学习${t}`), item('交纳党费')], attendance: attendance(b, branch, onRoll(branch, date), { date }), studyHours: 1,
      });
    }
    for (const sub of branch.subgroups) {
      const date = d(rng.int(16, 19));
      const leader = onRoll(branch, date, sub).find((x) => x.positions.includes('subgroupLeader'));
      add({
        kind: 'partySubgroupMeeting', orgId: sub.id, date, title: `${sub.name.replace(branch.org.name, '')}${m}月党小组会`, location: loc[1] ?? loc[0]!,
        chairMemberId: leader?.id ?? null, agendaItems: [item(`学习${topic(rng, date)}`), item('交流思想和工作情况')],
        attendance: attendance(b, branch, onRoll(branch, date, sub), { date }), studyHours: 1,
      });
    }
    const thin = r.studyEveryOtherMonthFrom !== undefined && iso(month) >= r.studyEveryOtherMonthFrom.slice(0, 8) + '01';
    const studies = thin ? (m % 2 === 1 || m % 3 === 0 ? 1 : 0) : r.studiesPerMonth;
    for (let i = 0; i < studies; i++) {
      const date = d(rng.int(4, 27));
      let kind: ActivityKind = 'concentratedStudy';
      let lecturerMemberId: string | null = null;
      let lecturerName: string | null = null;
      let title = `集中学习${topic(rng, date)}`;
      if (i === 0 && m % 3 === 0) {
        kind = 'partyLecture';
        if (m === 6 || m === 12) lecturerMemberId = chair(date);
        else if (m === 3) lecturerName = '州委党校教师';
        else lecturerMemberId = rng.pick(committeeOf(branch, date).length > 0 ? committeeOf(branch, date) : onRoll(branch, date)).id;
        title = `专题党课：深入学习${topic(rng, date)}`;
      } else if (i === 0 && m === 5) { kind = 'warningEducation'; title = '警示教育：观看警示教育片并开展研讨'; }
      else if (i === 0 && m === 11) { kind = 'knowledgeTest'; title = `${topic(rng, date)}知识测试`; }
      add({
        kind, date, title, location: loc[0]!, chairMemberId: chair(date), lecturerMemberId, lecturerName,
        agendaItems: [item(title)], attendance: attendance(b, branch, onRoll(branch, date), { excuseRate: 0.1, date }),
        studyHours: kind === 'knowledgeTest' ? 1 : kind === 'concentratedStudy' ? 3 : 2,
      });
    }
    const vols = rng.int(r.volunteersPerMonth[0], r.volunteersPerMonth[1]);
    for (let i = 0; i < vols; i++) {
      const date = dateOf(y, m, rng.int(1, getDaysInMonth(month)));
      const roll = onRoll(branch, date);
      const invitees = rng.sample(roll, Math.min(roll.length, rng.int(2, 5)));
      add({
        kind: 'volunteerService', date, title: rng.pick(['爱国卫生运动志愿服务', '社区“双报到”志愿服务', '文明交通劝导', '政策宣传进村寨', '关爱老人志愿服务']),
        location: rng.pick(['景洪市允景洪街道曼弄枫社区', '景洪市嘎栋街道曼景兰社区', '州民族广场']), chairMemberId: null, agendaItems: [],
        attendance: attendance(b, branch, invitees, { date }), nonMemberParticipants: rng.chance(0.3) ? rng.int(1, 3) : 0, studyHours: 0,
      });
    }
    if (m === 12) {
      const date = d(rng.int(15, 22));
      add({
        kind: 'organizationalLifeMeeting', date, title: `${y}年度组织生活会`, location: loc[0]!, chairMemberId: chair(date),
        agendaItems: [item('支部班子对照检查'), item('党员个人对照检查，开展批评和自我批评')],
        attendance: attendance(b, branch, onRoll(branch, date), { excuseRate: 0.04, date }), studyHours: 2,
      });
      add({
        kind: 'memberAppraisal', date, title: `${y}年度民主评议党员`, location: loc[0]!, chairMemberId: chair(date),
        agendaItems: [item('党员个人自评、党员互评和民主测评')], attendance: attendance(b, branch, onRoll(branch, date), { excuseRate: 0.04, date }), studyHours: 0,
      });
    }
  }
}

/**
 * Heart-to-heart talks for one year (BR-16 支部工作条例 第十九条, coverage as §11 item 8 reads
 * it): every pair of committee members, and a committee member (the secretary first) with
 * every other member on the roll at the year's end.
 */
function heartToHeartTalks(b: Builder, branch: Branch, year: number): void {
  const rng = b.rng;
  const last = `${year}-11-30` < DEMO_RANGE.to ? `${year}-11-30` : DEMO_RANGE.to;
  const roll = onRoll(branch, `${year}-12-31` < DEMO_RANGE.to ? `${year}-12-31` : DEMO_RANGE.to);
  const committee = roll.filter((m) => m.positions.some((p) => p !== 'subgroupLeader'));
  const secretary = committee.find((m) => m.positions.includes('secretary'));
  if (!secretary) return;
  const pairs: [DemoMember, DemoMember][] = [];
  committee.forEach((x, i) => committee.slice(i + 1).forEach((y) => pairs.push([x, y])));
  for (const m of roll) if (!committee.includes(m)) pairs.push([rng.chance(0.6) ? secretary : rng.pick(committee), m]);
  for (const [x, y] of pairs) {
    let date = randomDay(rng, `${year}-03-01`, last, true);
    const joined = [x, y].map((m) => m.admittedOn!).sort()[1]!;
    if (joined >= date) date = workday(iso(addDays(parseISO(joined), 7)));
    if (date > DEMO_RANGE.to || categoryOn(x, date) === null || categoryOn(y, date) === null) continue;
    b.activity({
      orgId: branch.org.id, kind: 'heartToHeartTalk', date, title: `${x.name}与${y.name}谈心谈话`, location: rng.pick(branch.locations),
      chairMemberId: x.id, lecturerMemberId: null, lecturerName: null, minutes: null, agendaItems: [],
      attendance: [{ memberId: x.id, status: 'present', reason: null }, { memberId: y.id, status: 'present', reason: null }],
      nonMemberParticipants: 0, studyHours: 0,
    });
  }
}

/** A 换届选举大会 held on `date`, electing the committee for `termYears` years. */
function election(b: Builder, branch: Branch, date: LocalDate, termYears: number): void {
  b.activity({
    orgId: branch.org.id, kind: 'termElection', date, title: '支部换届选举党员大会', location: branch.locations[0]!,
    chairMemberId: secretaryOf(branch, date)?.id ?? null, lecturerMemberId: null, lecturerName: null, minutes: null,
    agendaItems: [item('听取和审查上届支部委员会工作报告'), item('选举产生新一届支部委员会')],
    attendance: attendance(b, branch, onRoll(branch, date), { excuseRate: 0.03 }), nonMemberParticipants: 0, studyHours: 0,
  });
  b.term(branch.org, date, termYears);
}

/**
 * Admission and 转正 are voted by the general meeting (BR-07 支部工作条例 第十一条): adds a
 * general meeting for each such event that has none on its day (or the next workday).
 */
function voteMeetings(b: Builder, branch: Branch): void {
  for (const e of b.developmentEvents) {
    if (e.orgId !== branch.org.id || !e.memberId || (e.step !== 'admittedProbationary' && e.step !== 'becameFull')) continue;
    const has = (d: LocalDate) => b.activities.some((a) => a.orgId === branch.org.id && a.kind === 'generalMembershipMeeting' && a.date === d);
    if (has(e.date)) continue;
    let date = e.date;
    while (getDay(parseISO(date)) === 0 || getDay(parseISO(date)) === 6) date = iso(addDays(parseISO(date), 1));
    if (has(date) || date < DEMO_RANGE.from || date > DEMO_RANGE.to) continue;
    const admission = e.step === 'admittedProbationary';
    b.activity({
      orgId: branch.org.id, kind: 'generalMembershipMeeting', date,
      title: admission ? '支部党员大会（接收预备党员）' : '支部党员大会（预备党员转正）', location: branch.locations[0]!,
      chairMemberId: secretaryOf(branch, date)?.id ?? null, lecturerMemberId: null, lecturerName: null, minutes: null,
      agendaItems: [item(admission ? `讨论接收${e.personName}同志为预备党员` : `讨论${e.personName}同志预备党员转正`)],
      attendance: attendance(b, branch, onRoll(branch, date).filter((m) => !(admission && m.id === e.memberId)), { excuseRate: 0.05 }),
      nonMemberParticipants: 0, studyHours: 0,
    });
  }
}

const MINUTED_KINDS: readonly ActivityKind[] = [
  'generalMembershipMeeting', 'branchCommitteeMeeting', 'partySubgroupMeeting', 'organizationalLifeMeeting', 'memberAppraisal', 'termElection',
];

/** Minutes (会议记录) for meetings, stating only what the record holds: chair, attendance, agenda. */
function minutesOf(a: Activity, memberById: Map<string, DemoMember>): string | null {
  if (!MINUTED_KINDS.includes(a.kind)) return null;
  const name = (id: string) => memberById.get(id)?.name ?? '';
  const present = a.attendance.filter((x) => x.status === 'present').length;
  const away = a.attendance.filter((x) => x.status !== 'present').map((x) => `${name(x.memberId)}（${x.status === 'excused' ? '请假' : '缺席'}：${x.reason}）`);
  const parts = [
    a.chairMemberId ? `会议由${name(a.chairMemberId)}同志主持。` : '',
    `应到${a.attendance.length}人，实到${present}人${away.length > 0 ? `；未到会：${away.join('、')}` : ''}。`,
    a.agendaItems.length > 0 ? `议程：${a.agendaItems.map((i, n) => `${n + 1}.${i.title}${i.isFirstAgendaItem ? '（第一议题）' : ''}`).join('；')}。` : '',
  ];
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------

/**
 * Builds the demo data set. Same seed, same records (deep-equal), same ids. Throws Error only
 * if an internal invariant fails (the seed-003 numbers cannot be met), which the tests check.
 */
export function buildDemoData(seed: string = DEMO_SEED): DemoData {
  const b = new Builder(seed);
  const rng = b.rng;

  const committee = b.org('committee', 'primaryPartyCommittee', DEMO_ORG_NAMES.committee, null, '1985-06-28');
  b.term(committee, '2022-06-28', 5);

  // 州审计局党支部
  const auditOrg = b.org('audit', 'partyBranch', DEMO_ORG_NAMES.audit, committee, '1986-03-15');
  const audit = newBranch(b, 'audit', auditOrg, [], ['出差', '外出审计', '外出审计', '病假', '事假', '参加上级培训'], ['局机关四楼党员活动室', '局机关三楼会议室']);
  for (const p of AUDIT_PEOPLE) b.member(audit, p);
  b.term(auditOrg, '2021-03-26', 3);
  auditSeedPeriod(b, audit);
  // The rest of 2023 after the seed's cut-off, then the routine years.
  const after = [['2023-11-16', '审计组学习：党的二十届二中全会精神'], ['2023-11-24', '集中学习《中国共产党章程》']] as const;
  for (const [date, title] of after) {
    b.activity({
      orgId: auditOrg.id, kind: title.startsWith('审计组') ? 'thematicStudy' : 'concentratedStudy', date, title, location: audit.locations[0]!,
      chairMemberId: null, lecturerMemberId: null, lecturerName: null, minutes: null, agendaItems: [item(title)],
      attendance: attendance(b, audit, title.startsWith('审计组') ? rng.sample(onRoll(audit, date), 4) : onRoll(audit, date)), nonMemberParticipants: 0, studyHours: 2,
    });
  }
  for (const date of ['2023-11-18', '2023-11-25']) {
    const invitees = rng.sample(onRoll(audit, date), 3);
    b.activity({
      orgId: auditOrg.id, kind: 'volunteerService', date, title: '爱国卫生运动“清洁家园”志愿服务', location: '景洪市允景洪街道曼弄枫社区',
      chairMemberId: null, lecturerMemberId: null, lecturerName: null, minutes: null, agendaItems: [], attendance: attendance(b, audit, invitees),
      nonMemberParticipants: 0, studyHours: 0,
    });
  }
  routine(b, audit, { from: '2023-12-01', to: DEMO_RANGE.to, generalMeetingMonths: [3, 6, 9, 12], studiesPerMonth: 2, volunteersPerMonth: [2, 4], hasCommittee: true });
  election(b, audit, '2024-03-22', 3);
  const dao = audit.members.find((m) => m.name === '刀玉伟')!;
  b.developmentOf(audit, dao, '2025-05-20');

  // 州财政局党支部: 28 members in two 党小组.
  const financeOrg = b.org('finance', 'partyBranch', DEMO_ORG_NAMES.finance, committee, '1984-09-10');
  const g1 = b.org('finance-g1', 'partySubgroup', DEMO_ORG_NAMES.financeGroup1, financeOrg, '2016-04-01');
  const g2 = b.org('finance-g2', 'partySubgroup', DEMO_ORG_NAMES.financeGroup2, financeOrg, '2016-04-01');
  const finance = newBranch(b, 'finance', financeOrg, [g1, g2], ['出差', '病假', '事假', '参加上级培训', '下乡开展乡村振兴工作'], ['局机关二楼党员活动室', '局机关五楼会议室']);
  const usedNames = new Set(AUDIT_PEOPLE.map((p) => p.name));
  const financeRoles: Position[][] = [['secretary'], ['organizationCommitteeMember'], ['publicityCommitteeMember'], ['disciplineCommitteeMember'], ['subgroupLeader'], ['subgroupLeader']];
  for (let i = 0; i < 28; i++) {
    const over: Partial<PersonSpec> = { positions: financeRoles[i] ?? [], subgroup: i === 4 ? 1 : i === 5 ? 2 : i % 2 === 0 ? 1 : 2 };
    if (i === 26) Object.assign(over, { appliedOn: '2021-10-12', admittedOn: '2024-05-24', fullOn: '2025-05-24', birthYear: 1996 });
    if (i === 27) Object.assign(over, { appliedOn: '2023-03-08', admittedOn: '2025-11-21', fullOn: '2026-11-21', birthYear: 1999 });
    b.member(finance, randomPerson(rng, `p${i}`, usedNames, over));
  }
  b.term(financeOrg, '2021-06-18', 3);
  routine(b, finance, {
    from: DEMO_RANGE.from, to: DEMO_RANGE.to, skipCommitteeMonths: [DEMO_PLANTED_GAPS.missingCommitteeMeetingMonth.month],
    generalMeetingMonths: [3, 6, 9, 12], studiesPerMonth: 2, volunteersPerMonth: [1, 2], hasCommittee: true,
  });
  election(b, finance, '2024-06-14', 3);
  b.developmentOf(finance, finance.members[26]!, '2023-06-15');
  b.developmentOf(finance, finance.members[27]!, '2024-12-10');
  b.event(financeOrg.id, null, '郑思远', 'applied', '2025-04-16');
  b.event(financeOrg.id, null, '郑思远', 'activist', '2025-10-20');
  b.developmentCases.push(caseOf(b, finance, { name: '郑思远', birthDate: '1999-08-12', memberId: null, appliedOn: '2025-04-16', activistOn: '2025-10-20', candidateOn: null, admittedOn: null, fullOn: null }));

  // 州统计局党支部: 10 members; committee term expired 2025-03-15, not re-elected (planted).
  const statsOrg = b.org('statistics', 'partyBranch', DEMO_ORG_NAMES.statistics, committee, '1988-05-20');
  const stats = newBranch(b, 'statistics', statsOrg, [], ['出差', '病假', '事假', '下乡开展统计调查', '参加全国经济普查培训'], ['局机关会议室']);
  const statsRoles: Position[][] = [['secretary'], ['organizationCommitteeMember'], ['publicityCommitteeMember', 'disciplineCommitteeMember']];
  for (let i = 0; i < 10; i++) {
    const over: Partial<PersonSpec> = { positions: statsRoles[i] ?? [] };
    if (i === 7 || i === 8) over.oftenAwayFrom = '2026-01-01';
    if (i === 9) Object.assign(over, { appliedOn: '2022-04-06', admittedOn: '2023-12-15', fullOn: '2024-12-15', birthYear: 1995 });
    b.member(stats, randomPerson(rng, `p${i}`, usedNames, over));
  }
  b.term(statsOrg, DEMO_PLANTED_GAPS.expiredCommitteeTerm.electedOn, 3);
  routine(b, stats, {
    from: DEMO_RANGE.from, to: DEMO_RANGE.to, generalMeetingMonths: [3, 6, 9, 12], studiesPerMonth: 1,
    studyEveryOtherMonthFrom: '2026-01-01', volunteersPerMonth: [0, 1], hasCommittee: true,
  });
  b.developmentOf(stats, stats.members[9]!, '2023-08-10');

  for (const branch of [audit, finance, stats]) {
    for (let y = 2023; y <= 2026; y++) heartToHeartTalks(b, branch, y);
    voteMeetings(b, branch);
  }
  const memberById = new Map([...audit.members, ...finance.members, ...stats.members].map((m) => [m.id, m]));
  for (const a of b.activities) a.minutes = minutesOf(a, memberById);
  // Last, and without the PRNG: the records that give the 2023 summary its substance.
  const substance = auditSubstance(seed, auditOrg.id, committee.id, b.activities);

  const activities = [...b.activities, ...substance.activities].sort((x, y) => (x.date === y.date ? (x.orgId < y.orgId ? -1 : x.orgId > y.orgId ? 1 : 0) : x.date < y.date ? -1 : 1));
  const developmentEvents = [...b.developmentEvents].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const members = [...audit.members, ...finance.members, ...stats.members];
  const arrears = finance.members[DEMO_PLANTED_GAPS.duesArrears.memberIndex]!;
  const dues = duesOf(seed, members, new Map([[arrears.id, DEMO_PLANTED_GAPS.duesArrears.months]]));
  return {
    organizations: b.organizations,
    committeeTerms: b.committeeTerms,
    members,
    activities,
    developmentEvents,
    developmentCases: b.developmentCases,
    duesRates: dues.rates,
    duesPayments: dues.payments,
    campaigns: substance.campaigns,
    serviceProjects: substance.serviceProjects,
    evaluations: substance.evaluations,
    rectificationItems: substance.rectificationItems,
    partners: substance.partners,
    honours: substance.honours,
  };
}

// ---------------------------------------------------------------------------------------------
// Development cases and dues

interface CaseDates {
  name: string;
  birthDate: LocalDate | null;
  memberId: string | null;
  appliedOn: LocalDate;
  activistOn: LocalDate;
  /** Null: the case has not reached 发展对象 yet. */
  candidateOn: LocalDate | null;
  admittedOn: LocalDate | null;
  fullOn: LocalDate | null;
}

function plusDays(d: LocalDate, n: number): LocalDate { return iso(addDays(parseISO(d), n)); }
/** The first workday on or after `d`. */
function nextWorkday(d: LocalDate): LocalDate {
  let x = d;
  while (getDay(parseISO(x)) === 0 || getDay(parseISO(x)) === 6) x = plusDays(x, 1);
  return x;
}

/**
 * A case with the 25 steps dated within their legal windows (regulations.md §2b), ending at the
 * last step due by the demo's last day. Sponsors are the secretary and the longest-standing other
 * full member on the appointment day. The general meeting on 转正 is held on the first workday
 * from the end of probation, as the vote meetings are.
 */
function caseOf(b: Builder, branch: Branch, d: CaseDates): DevelopmentCase {
  const caseId = b.id(`case:${branch.org.id}:${d.name}`);
  const steps: CaseStep[] = [];
  const add = (step: CaseStepKey, date: LocalDate, extra: Partial<CaseStep> = {}) => {
    if (date > DEMO_RANGE.to) return;
    steps.push({ id: b.id(`case-step:${caseId}:${step}:${steps.length}`), step, date, ...extra });
  };
  add('application', d.appliedOn);
  add('applicantTalk', nextWorkday(plusDays(d.appliedOn, 14)));
  add('activistConfirmed', d.activistOn);
  add('activistFiled', nextWorkday(plusDays(d.activistOn, 7)));
  add('contactsAssigned', nextWorkday(plusDays(d.activistOn, 7)));
  // Half-yearly assessments (DEV-06), a few days before each is due, until the candidate step.
  for (let k = 1; ; k++) {
    const due = plusDays(addMonthsClamped(d.activistOn, 6 * k), -5);
    if ((d.candidateOn && due >= d.candidateOn) || due > DEMO_RANGE.to) break;
    add('activistAssessment', due);
  }
  if (d.candidateOn && d.admittedOn) {
    const c = d.candidateOn;
    const a = d.admittedOn;
    add('candidateConfirmed', c);
    add('candidateFiled', nextWorkday(plusDays(c, 5)));
    const sponsorsOn = nextWorkday(plusDays(c, 10));
    const full = branch.members.filter((m) => m.id !== d.memberId && categoryOn(m, sponsorsOn) === 'full');
    const secretary = full.find((m) => m.positions.includes('secretary'));
    const other = full.filter((m) => m !== secretary).sort((x, y) => (x.fullOn! < y.fullOn! ? -1 : x.fullOn! > y.fullOn! ? 1 : 0))[0];
    const sponsors = [secretary, other].filter((m): m is DemoMember => m !== undefined)
      .map((m) => ({ memberId: m.id, name: m.name, isFullMember: true, underInternalProbation: false }));
    add('sponsorsAppointed', sponsorsOn, { sponsors });
    add('politicalReview', nextWorkday(plusDays(c, 20)), { passed: true });
    add('concentratedTraining', nextWorkday(plusDays(c, 30)), { training: { days: 3, hours: 24 } });
    add('committeeReview', nextWorkday(plusDays(a, -60)));
    add('preReview', nextWorkday(plusDays(a, -45)), { passed: true });
    add('applicationFormFilled', nextWorkday(plusDays(a, -30)));
    add('admissionMeeting', a);
    add('higherCommitteeTalk', nextWorkday(plusDays(a, 20)));
    const approved = nextWorkday(plusDays(a, 40));
    add('admissionApproved', approved);
    add('admissionFiled', nextWorkday(plusDays(approved, 10)));
    add('assignedToBranch', nextWorkday(plusDays(approved, 3)));
    add('oath', nextWorkday(plusDays(approved, 5)));
    const end = addYearsClamped(a, 1);
    add('fullMembershipApplication', nextWorkday(plusDays(end, -25)));
    const meeting = nextWorkday(end);
    add('fullMembershipMeeting', meeting, { outcome: 'full' });
    const fullApproved = nextWorkday(plusDays(meeting, 30));
    add('fullMembershipApproved', fullApproved);
    add('archived', nextWorkday(plusDays(fullApproved, 20)));
  }
  steps.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : CASE_STEPS[x.step].no - CASE_STEPS[y.step].no));
  return { id: caseId, orgId: branch.org.id, personName: d.name, birthDate: d.birthDate, memberId: d.memberId, ruleSet: d.appliedOn >= '2026-05-18' ? '2026.05' : '2014', steps };
}

const DUES_YEARS = [2023, 2024, 2025, 2026] as const;

/**
 * Dues for every member (在职党员, DUES-02): a monthly base (税后工资) drawn per member, raised a
 * little each year, fixed from January (DUES-11), and monthly payments around the 主题党日;
 * November and December 2026 are paid together before the year's accounts close. Months listed
 * in `unpaid` are left unpaid. A separate PRNG keeps the other records unchanged.
 */
function duesOf(seed: string, members: readonly DemoMember[], unpaid: ReadonlyMap<string, readonly string[]>): { rates: DuesRateRecord[]; payments: DuesPayment[] } {
  const rng = new Rng(`${seed}:dues`);
  const rates: DuesRateRecord[] = [];
  const payments: DuesPayment[] = [];
  for (const m of members) {
    let base = rng.int(420, 1150) * 10;
    const admittedMonth = m.admittedOn!.slice(0, 7);
    const leftMonth = m.leftOn ? m.leftOn.slice(0, 7) : null;
    for (const y of DUES_YEARS) {
      base += rng.int(0, 30) * 10;
      const from = admittedMonth > `${y}-01` ? admittedMonth : `${y}-01`;
      if (from > `${y}-12` || (leftMonth !== null && from > leftMonth)) continue;
      const calc = monthlyDues('employed', base);
      rates.push({ memberId: m.id, from, amountFen: calc.amountFen, category: 'employed', baseFen: base * 100 });
      for (let mo = 1; mo <= 12; mo++) {
        const month = `${y}-${String(mo).padStart(2, '0')}`;
        if (month < from || (leftMonth !== null && month > leftMonth) || unpaid.get(m.id)?.includes(month)) continue;
        let paidOn = y === 2026 && mo === 12 ? workday(dateOf(2026, 11, 12)) : workday(dateOf(y, mo, rng.int(10, 15)));
        // The first month is paid once the general meeting has admitted the member (DUES-08).
        if (paidOn < m.admittedOn!) paidOn = nextWorkday(m.admittedOn!);
        if (paidOn > DEMO_RANGE.to) continue;
        payments.push({ id: seededUuid(seed, `dues:${m.id}:${month}`), memberId: m.id, month, amountFen: calc.amountFen, paidOn });
      }
    }
  }
  return { rates, payments };
}
