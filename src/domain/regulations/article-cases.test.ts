/**
 * Cases written from the articles' text (issue 11's classes): each expectation quotes what the
 * article says and checks that the engine's answer cites it.
 */
import { describe, expect, it } from 'vitest';
import { checkOrganization } from './check.ts';
import { checkCadence } from './cadence.ts';
import { addStep, checkCase, nextSteps, type CaseStep, type CaseStepKey, type DevelopmentCase, type SponsorRef } from './development.ts';
import { checkMemberDues, memberLedger, monthlyDues, monthRange, type DuesPayment } from './dues.ts';
import { DEFAULT_SETTINGS, withSettings } from './settings.ts';
import { checkStudyHours, membershipMonthsIn } from './study-hours.ts';
import { ValidationError } from '../errors.ts';
import { yearPeriod } from '../common/period.ts';
import { makeActivity, makeMember, makeMembers, makeOrg, present } from '../../../test/factories/regulations.ts';

const DANGFEI = '《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）';

function thrown(f: () => unknown): ValidationError {
  try { f(); } catch (e) { if (e instanceof ValidationError) return e; throw e; }
  throw new Error('expected a ValidationError');
}

// ─── 1. Periods that cross a year ───────────────────────────────────────────────────────────

describe('dues across the year boundary (党费规定 第十二条、第十三条; 党章 第九条)', () => {
  const settings = DEFAULT_SETTINGS;
  const m = makeMember({ id: 'q', orgId: 'b1', name: '钱七' });
  const rate = [{ memberId: 'q', from: '2025-01', amountFen: 1000 }];
  const paidThrough = (last: string): DuesPayment[] => monthRange('2025-01', last).map((month, i) => ({ id: `p${i}`, memberId: 'q', month, amountFen: 1000, paidOn: `${month}-10` }));

  it('stopping in October: six consecutive months Oct–Mar cross the year and are 连续六个月 (error, cites 第十三条 and 党章第九条)', () => {
    const pays = paidThrough('2025-09');
    const rows = memberLedger(m, rate, pays, monthRange('2025-01', '2026-12'), settings);
    const fs = checkMemberDues('b1', m, rows, pays, '2026-04-05', '2026-01');
    const quit = fs.find((f) => f.ruleId === 'DUES-14')!;
    expect(quit.severity).toBe('error');
    expect(quit.message).toContain('连续6个月（2025年10月至2026年3月）未交纳党费');
    expect(quit.citation).toBe(`${DANGFEI}第十三条；《中国共产党章程》第九条`);
  });

  it('the check of a year judges last year\'s arrears in January (they do not vanish)', () => {
    const org = makeOrg({ id: 'b1' });
    const pays = paidThrough('2026-08');
    const r = checkOrganization({
      org, period: yearPeriod(2027), subgroups: [], members: [m], activities: [], terms: [], developmentCases: [],
      dues: { rates: rate, payments: pays },
    }, settings, '2027-01-20');
    const arrears = r.findings.find((f) => f.ruleId === 'EDU-03')!;
    expect(arrears.message).toContain('欠交党费4个月（2026年9月、2026年10月、2026年11月、2026年12月）');
    expect(arrears.citation).toContain('第十六条');
    // The ledger shown stays the period's own months.
    expect(r.ledger.every((row) => row.month.startsWith('2027'))).toBe(true);
  });

  it('the check of 2026 sees a run that began in 2025 (Oct 2025 – Mar 2026)', () => {
    const org = makeOrg({ id: 'b1' });
    const r = checkOrganization({
      org, period: yearPeriod(2026), subgroups: [], members: [m], activities: [], terms: [], developmentCases: [],
      dues: { rates: rate, payments: paidThrough('2025-09') },
    }, settings, '2026-04-05');
    expect(r.findings.find((f) => f.ruleId === 'DUES-14')?.severity).toBe('error');
  });

  it('a back payment of 6 months accepted under 第十二条 is not an error-level 自行脱党 finding, only a note', () => {
    const pays = [...paidThrough('2025-09'), ...monthRange('2025-10', '2026-03').map((month, i) => ({ id: `b${i}`, memberId: 'q', month, amountFen: 1000, paidOn: '2026-04-08' }))];
    const rows = memberLedger(m, rate, pays, monthRange('2025-01', '2026-12'), settings);
    const fs = checkMemberDues('b1', m, rows, pays, '2026-04-20', '2026-01');
    expect(fs.filter((f) => f.severity === 'error')).toEqual([]);
    const note = fs.find((f) => f.ruleId === 'DUES-14')!;
    expect(note.severity).toBe('warning');
    expect(note.message).toContain('已于2026-04-08补交');
    expect(note.message).toContain('第十二条');
    expect(fs.some((f) => f.ruleId === 'DUES-13')).toBe(false);
  });

  it('a back payment of 7 months exceeds 第十二条: DUES-13 and the 自行脱党 review stays an error', () => {
    const pays = [...paidThrough('2025-08'), ...monthRange('2025-09', '2026-03').map((month, i) => ({ id: `b${i}`, memberId: 'q', month, amountFen: 1000, paidOn: '2026-04-08' }))];
    const rows = memberLedger(m, rate, pays, monthRange('2025-01', '2026-12'), settings);
    const fs = checkMemberDues('b1', m, rows, pays, '2026-05-02', '2026-01');
    expect(fs.find((f) => f.ruleId === 'DUES-13')?.citation).toBe(`${DANGFEI}第十二条`);
    expect(fs.find((f) => f.ruleId === 'DUES-14')?.severity).toBe('error');
  });
});

describe('组织生活会 held in the grace months of the next year (支部工作条例 第十七条; setting 含次年1至2月补开)', () => {
  it('a meeting of 2027-01-20 counts for 2026 under a 2-month grace, and the check of 2026 reads it', () => {
    const org = makeOrg({ id: 'b2' });
    const members = makeMembers('b2', 5);
    const meeting = makeActivity('organizationalLifeMeeting', '2027-01-20', { orgId: 'b2' });
    const s = withSettings({ organizationalLifeGraceMonths: 2, partyLectureFrequency: 'none', talkCoverage: 'none' });
    const fs = checkCadence({ org, subgroups: [], members, activities: [meeting] }, yearPeriod(2026), s, '2027-03-05');
    expect(fs.filter((f) => f.ruleId === 'BR-14')).toEqual([]);
    const without = checkCadence({ org, subgroups: [], members, activities: [] }, yearPeriod(2026), s, '2027-03-05');
    expect(without.find((f) => f.ruleId === 'BR-14')?.message).toBe('2026年度未开展组织生活会（含2027年1至2月补开）');
  });
});

// ─── 2. Development steps in date order ─────────────────────────────────────────────────────

const TODAY = '2030-01-01';
let n = 0;
function step(key: CaseStepKey, date: string, extra: Partial<CaseStep> = {}): CaseStep {
  return { id: `a${++n}`, step: key, date, ...extra };
}
function newCase(over: Partial<DevelopmentCase> = {}): DevelopmentCase {
  return { id: 'c9', orgId: 'b1', personName: '孙八', birthDate: '2000-01-01', memberId: null, ruleSet: '2014', steps: [], ...over };
}
function walk(c: DevelopmentCase, steps: CaseStep[]): DevelopmentCase {
  return steps.reduce((acc, s) => addStep(acc, s, DEFAULT_SETTINGS, TODAY).case, c);
}
const sponsors: SponsorRef[] = [
  { memberId: 'p1', name: '介绍人甲', isFullMember: true, underInternalProbation: false },
  { memberId: 'p2', name: '介绍人乙', isFullMember: true, underInternalProbation: false },
];
function toForm(extra: CaseStep[] = []): DevelopmentCase {
  return walk(newCase(), [
    step('application', '2026-01-05'), step('applicantTalk', '2026-01-20'), step('activistConfirmed', '2026-04-10'),
    step('candidateConfirmed', '2027-04-10'), step('sponsorsAppointed', '2027-04-20', { sponsors }),
    ...extra,
    step('committeeReview', '2027-05-10'), step('preReview', '2027-05-20'), step('applicationFormFilled', '2027-05-25'),
  ]);
}

describe('steps judged in date order (发展党员工作细则)', () => {
  it('a political review entered first but dated after the admission meeting: the meeting is refused citing 第十七条', () => {
    const c = toForm([step('concentratedTraining', '2027-05-05', { training: { days: 3, hours: 24 } }), step('politicalReview', '2027-07-01')]);
    const e = thrown(() => addStep(c, step('admissionMeeting', '2027-06-18'), DEFAULT_SETTINGS, TODAY));
    expect(e.message).toContain('未经政治审查，不能发展入党');
    expect(e.message).toContain('《中国共产党发展党员工作细则》第十六条、第十七条');
  });

  it('a step entered late whose date breaks an already recorded later step is refused', () => {
    const c = toForm([step('concentratedTraining', '2027-05-05', { training: { days: 3, hours: 24 } }), step('politicalReview', '2027-05-01')]);
    const admitted = addStep(c, step('admissionMeeting', '2027-06-18'), DEFAULT_SETTINGS, TODAY).case;
    // A second 预审 dated before the meeting that failed would make the recorded meeting impossible.
    const e = thrown(() => addStep(admitted, step('preReview', '2027-06-01', { passed: false }), DEFAULT_SETTINGS, TODAY));
    expect(e.message).toContain('支部大会讨论接收预备党员');
    expect(e.message).toContain('第十九条');
  });

  it('training taken as 入党积极分子 does not count as the 发展对象\'s training (第十八条)', () => {
    const c = walk(newCase(), [
      step('application', '2026-01-05'), step('applicantTalk', '2026-01-20'), step('activistConfirmed', '2026-04-10'),
      step('concentratedTraining', '2026-09-01', { training: { days: 5, hours: 40 } }),
      step('candidateConfirmed', '2027-04-10'), step('sponsorsAppointed', '2027-04-20', { sponsors }), step('politicalReview', '2027-05-01'),
      step('committeeReview', '2027-05-10'), step('preReview', '2027-05-20'), step('applicationFormFilled', '2027-05-25'),
    ]);
    const e = thrown(() => addStep(c, step('admissionMeeting', '2027-06-18'), DEFAULT_SETTINGS, TODAY));
    expect(e.message).toContain('入党积极分子期间的培训不计入');
    expect(e.message).toContain('《中国共产党发展党员工作细则》第十八条');
    expect(nextSteps(c, DEFAULT_SETTINGS).find((x) => x.step === 'concentratedTraining')?.earliest).toBe('2027-04-10');
  });

  it('a case without a birth date is asked for it, citing 第五条, instead of passing the age gate silently', () => {
    const c = walk(newCase({ birthDate: null }), [step('application', '2026-01-05')]);
    const f = checkCase(c, DEFAULT_SETTINGS, '2026-01-06').find((x) => x.ruleId === 'DEV-01')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('未记录出生日期');
    expect(f.citation).toContain('第五条');
  });
});

// ─── 4. Quorum and votes ────────────────────────────────────────────────────────────────────

describe('votes on admission and 转正 meetings (支部工作条例 第十一条; 细则 第二十一、二十二条; TV-21)', () => {
  const ready = () => toForm([step('concentratedTraining', '2027-05-05', { training: { days: 3, hours: 24 } }), step('politicalReview', '2027-05-01')]);
  it('19 voting members due, 9 present: no quorum, the vote may not proceed', () => {
    const e = thrown(() => addStep(ready(), step('admissionMeeting', '2027-06-18', { vote: { due: 19, present: 9, yes: 9 } }), DEFAULT_SETTINGS, TODAY));
    expect(e.message).toContain('未超过应到会有表决权党员19人的半数（至少10人），不能进行表决');
    expect(e.message).toContain('第二十一条');
  });
  it('12 present, 9 yes and no written opinion: a majority of those present but not of 19, refused', () => {
    const e = thrown(() => addStep(ready(), step('admissionMeeting', '2027-06-18', { vote: { due: 19, present: 12, yes: 9 } }), DEFAULT_SETTINGS, TODAY));
    expect(e.message).toContain('未通过');
  });
  it('12 present, 9 yes plus 1 written yes: passes', () => {
    expect(() => addStep(ready(), step('admissionMeeting', '2027-06-18', { vote: { due: 19, present: 12, yes: 9, writtenYes: 1 } }), DEFAULT_SETTINGS, TODAY)).not.toThrow();
  });
});

describe('committee meeting quorum (支部工作条例 第十二条: 须有半数以上委员到会)', () => {
  it('a 5-member committee with 2 present does not count for the month; with 3 it does', () => {
    const org = makeOrg({ id: 'b3' });
    const committee = [
      makeMember({ id: 'c1', orgId: 'b3', positions: ['secretary'] }), makeMember({ id: 'c2', orgId: 'b3', positions: ['deputySecretary'] }),
      makeMember({ id: 'c3', orgId: 'b3', positions: ['organizationCommitteeMember'] }), makeMember({ id: 'c4', orgId: 'b3', positions: ['publicityCommitteeMember'] }),
      makeMember({ id: 'c5', orgId: 'b3', positions: ['disciplineCommitteeMember'] }),
    ];
    const members = [...committee, ...makeMembers('b3', 5)];
    const s = withSettings({ partyLectureFrequency: 'none', talkCoverage: 'none' });
    const period = { kind: 'custom' as const, year: 2026, from: '2026-03-01', to: '2026-03-31' };
    const two = makeActivity('branchCommitteeMeeting', '2026-03-10', { orgId: 'b3', attendance: [...present(['c1', 'c2']), ...present(['c3', 'c4', 'c5'], 'absent')] });
    const fs = checkCadence({ org, subgroups: [], members, activities: [two] }, period, s, '2026-04-05').filter((f) => f.ruleId === 'BR-09');
    expect(fs.map((f) => f.severity).sort()).toEqual(['error', 'warning']);
    expect(fs.find((f) => f.severity === 'error')!.message).toContain('到会委员2人（委员5人，须有半数以上即至少3人到会），会议不计入');
    expect(fs[0]!.citation).toContain('第十二条');
    const three = makeActivity('branchCommitteeMeeting', '2026-03-10', { orgId: 'b3', attendance: present(['c1', 'c2', 'c3']) });
    expect(checkCadence({ org, subgroups: [], members, activities: [three] }, period, s, '2026-04-05').filter((f) => f.ruleId === 'BR-09')).toEqual([]);
  });

  it('a 换届选举大会 is a 党员大会 (第十一条) and counts for the quarter (BR-06)', () => {
    const org = makeOrg({ id: 'b4' });
    const s = withSettings({ partyLectureFrequency: 'none', talkCoverage: 'none' });
    const acts = ['2026-02-10', '2026-05-10', '2026-11-10'].map((d) => makeActivity('generalMembershipMeeting', d, { orgId: 'b4' }));
    acts.push(makeActivity('termElection', '2026-08-20', { orgId: 'b4' }));
    const fs = checkCadence({ org, subgroups: [], members: makeMembers('b4', 5), activities: acts }, yearPeriod(2026), s, '2027-01-05');
    expect(fs.filter((f) => f.ruleId === 'BR-06')).toEqual([]);
  });
});

// ─── 6. Arithmetic and input ────────────────────────────────────────────────────────────────

describe('dues bracket on the base as printed (党费规定 第二条: 3000元以下（含3000元）)', () => {
  it('3000.004 prints as 3000.00 and takes 0.5%: 15.00', () => {
    const c = monthlyDues('employed', '3000.004');
    expect(c).toMatchObject({ base: '3000.00', rate: '0.5%', amount: '15.00' });
    expect(c.ruleText).toContain('第二条');
  });
  it('3000.005 rounds to 3000.01 and takes 1%: 30.00', () => {
    expect(monthlyDues('employed', '3000.005')).toMatchObject({ base: '3000.01', rate: '1%', amount: '30.00' });
  });
  it('retirees: 5000.004 is 5000.00, 0.5% (第五条)', () => {
    expect(monthlyDues('retired', '5000.004')).toMatchObject({ base: '5000.00', amount: '25.00' });
  });
  it('NaN is refused as an invalid amount, not a negative one', () => {
    for (const v of ['NaN', Number.NaN, 'Infinity']) {
      const e = thrown(() => monthlyDues('employed', v));
      expect(e.message).toBe('计算基数不是有效金额');
    }
    expect(thrown(() => monthlyDues('employed', '-1')).message).toBe('计算基数不能为负数');
  });
});

// ─── 7. Study hours for part of a year ──────────────────────────────────────────────────────

describe('study hours pro-rated by months of membership (党员教育管理工作条例 第二十条; setting)', () => {
  const after = '2027-01-05';
  it('admitted in September: 4 months, 32 × 4/12 = 10.7 学时', () => {
    const m = makeMember({ id: 'p', orgId: 'b1', name: '周九', category: 'probationary', admittedOn: '2026-09-18' });
    expect(membershipMonthsIn(m, 2026)).toBe(4);
    const none = checkStudyHours('b1', [m], [], 2026, DEFAULT_SETTINGS, after);
    expect(none[0]!.message).toBe('周九2026年集中学习培训0学时，低于10.7学时（2026年在党4个月，按全年32学时折算，本单位设置）');
    expect(none[0]!.citation).toContain('第二十条');
    const eleven = [makeActivity('concentratedStudy', '2026-10-01', { orgId: 'b1', studyHours: 11, attendance: present(['p']) })];
    expect(checkStudyHours('b1', [m], eleven, 2026, DEFAULT_SETTINGS, after)).toEqual([]);
  });
  it('with pro-rating switched off the full 32 applies', () => {
    const m = makeMember({ id: 'p2', orgId: 'b1', name: '周九', category: 'probationary', admittedOn: '2026-09-18' });
    const eleven = [makeActivity('concentratedStudy', '2026-10-01', { orgId: 'b1', studyHours: 11, attendance: present(['p2']) })];
    expect(checkStudyHours('b1', [m], eleven, 2026, withSettings({ studyHoursProRata: false }), after)[0]!.message).toContain('低于32学时');
  });
});
