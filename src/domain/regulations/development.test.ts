import { describe, expect, it } from 'vitest';
import {
  addStep, caseEvents, checkCase, countSteps, developmentDues, fullMembershipDate, nextSteps, probationEnd, trainingSufficient,
  type CaseStep, type CaseStepKey, type DevelopmentCase, type SponsorRef,
} from './development.ts';
import { endOfWorkingDays } from './calendar.ts';
import { DEFAULT_SETTINGS, withSettings } from './settings.ts';
import { ValidationError } from '../errors.ts';

const TODAY = '2030-01-01';
let n = 0;
function step(key: CaseStepKey, date: string, extra: Partial<CaseStep> = {}): CaseStep {
  return { id: `s${++n}`, step: key, date, ...extra };
}
function newCase(over: Partial<DevelopmentCase> = {}): DevelopmentCase {
  return { id: 'c1', orgId: 'b1', personName: '赵六', birthDate: '2000-01-01', memberId: null, ruleSet: '2014', steps: [], ...over };
}
function walk(c: DevelopmentCase, steps: CaseStep[], settings = DEFAULT_SETTINGS): DevelopmentCase {
  return steps.reduce((acc, s) => addStep(acc, s, settings, TODAY).case, c);
}
const sponsors: SponsorRef[] = [
  { memberId: 'p1', name: '介绍人甲', isFullMember: true, underInternalProbation: false },
  { memberId: 'p2', name: '介绍人乙', isFullMember: true, underInternalProbation: false },
];
/** A 2014 case walked up to the admission meeting of 2027-06-18. */
function toAdmission(): DevelopmentCase {
  return walk(newCase(), [
    step('application', '2026-01-05'), step('applicantTalk', '2026-01-20'), step('activistConfirmed', '2026-04-10'),
    step('activistFiled', '2026-04-15'), step('contactsAssigned', '2026-04-15'),
    step('activistAssessment', '2026-10-09'), step('activistAssessment', '2027-04-09'),
    step('candidateConfirmed', '2027-04-10'), step('sponsorsAppointed', '2027-04-20', { sponsors }),
    step('politicalReview', '2027-05-01'), step('concentratedTraining', '2027-05-05', { training: { days: 3, hours: 18 } }),
    step('committeeReview', '2027-05-10'), step('preReview', '2027-05-20'), step('applicationFormFilled', '2027-05-25'),
    step('admissionMeeting', '2027-06-18'),
  ]);
}

describe('age gate (TV-08, DEV-01)', () => {
  it('rejects an applicant of 17 and accepts on the 18th birthday', () => {
    const c = newCase({ birthDate: '2008-02-01' });
    expect(() => addStep(c, step('application', '2026-01-31'), DEFAULT_SETTINGS, TODAY)).toThrow(/未满十八岁.*第五条/);
    expect(addStep(c, step('application', '2026-02-01'), DEFAULT_SETTINGS, TODAY).findings).toEqual([]);
  });
  it('born on 2-29: turns 18 on 2-28 by the clamp convention, flagged for review', () => {
    const c = newCase({ birthDate: '2008-02-29' });
    const r = addStep(c, step('application', '2026-02-28'), DEFAULT_SETTINGS, TODAY);
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['DEV-01', 'warning']]);
  });
});

describe('talk within a month (TV-09, DEV-03)', () => {
  const c = walk(newCase(), [step('application', '2026-01-31')]);
  it('deadline clamps to 2026-02-28', () => {
    expect(nextSteps(c, DEFAULT_SETTINGS)[0]).toMatchObject({ step: 'applicantTalk', latest: '2026-02-28' });
  });
  it('a talk on 2026-03-01 is overdue', () => {
    const r = addStep(c, step('applicantTalk', '2026-03-01'), DEFAULT_SETTINGS, TODAY);
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['DEV-03', 'error']]);
    expect(r.findings[0]!.message).toContain('应在2026-02-28前');
  });
  it('is listed as due soon, and as an overdue finding once past', () => {
    const dues = developmentDues(c, DEFAULT_SETTINGS, '2026-02-10');
    expect(dues).toEqual([expect.objectContaining({ ruleId: 'DEV-03', latest: '2026-02-28', subject: '赵六' })]);
    expect(developmentDues(c, DEFAULT_SETTINGS, '2026-01-01')).toEqual([]); // outside the 30-day horizon
    expect(checkCase(c, DEFAULT_SETTINGS, '2026-03-02').map((f) => f.ruleId)).toEqual(['DEV-03']);
  });
});

describe('activist → candidate (TV-10)', () => {
  const base = [step('application', '2026-01-31'), step('applicantTalk', '2026-02-10'), step('activistConfirmed', '2026-04-10')];
  it('half-year assessments due 2026-10-10 then 2027-04-10; candidate earliest 2027-04-10', () => {
    const c = walk(newCase(), base);
    const ns = nextSteps(c, DEFAULT_SETTINGS);
    expect(ns.find((x) => x.step === 'activistAssessment')!.latest).toBe('2026-10-10');
    expect(ns.find((x) => x.step === 'candidateConfirmed')!.earliest).toBe('2027-04-10');
    const c2 = walk(c, [step('activistAssessment', '2026-10-08')]);
    expect(nextSteps(c2, DEFAULT_SETTINGS).find((x) => x.step === 'activistAssessment')!.latest).toBe('2027-04-10');
  });
  it('refuses a candidate less than one year after the activist date, citing DEV-08', () => {
    const c = walk(newCase(), base);
    expect(() => addStep(c, step('candidateConfirmed', '2027-04-09'), DEFAULT_SETTINGS, TODAY)).toThrow(/不满一年.*第十三条/);
    expect(() => addStep(c, step('candidateConfirmed', '2027-04-10'), DEFAULT_SETTINGS, TODAY)).not.toThrow();
  });
  it('local 6-month wait: activist on 2026-04-10 is a warning, not an error', () => {
    const local = withSettings({ activistMinMonthsAfterApplication: 6 });
    const c = walk(newCase(), base.slice(0, 2), local);
    const r = addStep(c, base[2]!, local, TODAY);
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['DEV-04', 'warning']]);
    expect(r.findings[0]!.message).toContain('2026-07-31');
  });
});

describe('2026 publicity (TV-11, DEV-09)', () => {
  it('five working days from Mon 2027-03-29 end Fri 2027-04-02', () => {
    expect(endOfWorkingDays('2027-03-29', 5, DEFAULT_SETTINGS.holidayCalendar)).toBe('2027-04-02');
  });
  it('from Wed 2027-03-31 with 2027-04-05 injected as a holiday: ends 2027-04-07', () => {
    expect(endOfWorkingDays('2027-03-31', 5, { holidays: ['2027-04-05'], makeUpWorkdays: [] })).toBe('2027-04-07');
    // regulations.md TV-11 says "without that holiday it would end Mon 2027-04-05", but its own count
    // (3-31, 4-1, 4-2, then Mon 4-5 and Tue 4-6) gives Tuesday 2027-04-06: the vector's aside is off by one.
    expect(endOfWorkingDays('2027-03-31', 5, { holidays: [], makeUpWorkdays: [] })).toBe('2027-04-06');
  });
  it('a make-up Saturday counts as a working day', () => {
    expect(endOfWorkingDays('2027-04-01', 3, { holidays: [], makeUpWorkdays: ['2027-04-03'] })).toBe('2027-04-03');
  });
  it('a 2026.05 case without a posting gets a warning; with one that ended, none', () => {
    const base = [step('application', '2026-06-01'), step('applicantTalk', '2026-06-10'), step('activistConfirmed', '2026-04-10')];
    const c = walk(newCase({ ruleSet: '2026.05' }), [base[0]!, base[1]!, step('activistConfirmed', '2026-06-20')]);
    expect(addStep(c, step('candidateConfirmed', '2027-06-20'), DEFAULT_SETTINGS, TODAY).findings.map((f) => f.ruleId)).toEqual(['DEV-09']);
    expect(addStep(c, step('candidateConfirmed', '2027-06-21', { publicityStart: '2027-06-07' }), DEFAULT_SETTINGS, TODAY).findings).toEqual([]);
  });
});

describe('training, sponsors, political review (TV-12, DEV-10/11/12)', () => {
  it('≥ 3 days or ≥ 24 学时', () => {
    expect(trainingSufficient({ days: 3, hours: 18 })).toBe(true);
    expect(trainingSufficient({ days: 2, hours: 24 })).toBe(true);
    expect(trainingSufficient({ days: 2, hours: 20 })).toBe(false);
  });
  function upToForm(extra: CaseStep[]): DevelopmentCase {
    return walk(newCase(), [
      step('application', '2026-01-05'), step('applicantTalk', '2026-01-20'), step('activistConfirmed', '2026-04-10'),
      step('candidateConfirmed', '2027-04-10'), ...extra,
      step('committeeReview', '2027-05-10'), step('preReview', '2027-05-20'), step('applicationFormFilled', '2027-05-25'),
    ]);
  }
  it('refuses admission without two sponsors', () => {
    const c = upToForm([step('politicalReview', '2027-05-01'), step('concentratedTraining', '2027-05-05', { training: { days: 3, hours: 18 } })]);
    expect(() => addStep(c, step('admissionMeeting', '2027-06-18'), DEFAULT_SETTINGS, TODAY)).toThrow(/两名正式党员作入党介绍人/);
  });
  it('refuses admission without political review or without sufficient training', () => {
    const noReview = upToForm([step('sponsorsAppointed', '2027-04-20', { sponsors }), step('concentratedTraining', '2027-05-05', { training: { days: 3, hours: 18 } })]);
    expect(() => addStep(noReview, step('admissionMeeting', '2027-06-18'), DEFAULT_SETTINGS, TODAY)).toThrow(/未经政治审查.*第十六条/);
    const weak = upToForm([step('sponsorsAppointed', '2027-04-20', { sponsors }), step('politicalReview', '2027-05-01'), step('concentratedTraining', '2027-05-05', { training: { days: 2, hours: 20 } })]);
    expect(() => addStep(weak, step('admissionMeeting', '2027-06-18'), DEFAULT_SETTINGS, TODAY)).toThrow(/集中培训不足三天或二十四学时/);
  });
  it('refuses a probationary sponsor or one under 留党察看', () => {
    const c = upToForm([]);
    const bad = [sponsors[0]!, { ...sponsors[1]!, isFullMember: false }];
    expect(() => addStep(c, step('sponsorsAppointed', '2027-05-26', { sponsors: bad }), DEFAULT_SETTINGS, TODAY)).toThrow(/介绍人乙不是正式党员/);
    const disc = [sponsors[0]!, { ...sponsors[1]!, underInternalProbation: true }];
    expect(() => addStep(c, step('sponsorsAppointed', '2027-05-26', { sponsors: disc }), DEFAULT_SETTINGS, TODAY)).toThrow(/留党察看/);
  });
  it('refuses steps out of order and steps dated in the future', () => {
    const c = walk(newCase(), [step('application', '2026-01-05')]);
    expect(() => addStep(c, step('activistConfirmed', '2026-03-01'), DEFAULT_SETTINGS, TODAY)).toThrow(/须先完成「党组织派人谈话」/);
    expect(() => addStep(c, step('applicantTalk', '2026-01-01'), DEFAULT_SETTINGS, TODAY)).toThrow(/不能早于/);
    expect(() => addStep(c, step('applicantTalk', '2030-02-01'), DEFAULT_SETTINGS, TODAY)).toThrow(ValidationError);
  });
});

describe('admission → approval → probation → 转正 (TV-13)', () => {
  const c = toAdmission();
  it('approval due 2027-09-18, at most 2027-12-18', () => {
    const ns = nextSteps(c, DEFAULT_SETTINGS).find((x) => x.step === 'admissionApproved')!;
    expect(ns).toMatchObject({ latest: '2027-09-18', hardLatest: '2027-12-18' });
    const late = walk(c, [step('higherCommitteeTalk', '2027-07-01')]);
    expect(addStep(late, step('admissionApproved', '2027-10-01'), DEFAULT_SETTINGS, TODAY).findings.map((f) => f.severity)).toEqual(['warning']);
    expect(addStep(late, step('admissionApproved', '2027-12-19'), DEFAULT_SETTINGS, TODAY).findings.map((f) => f.severity)).toEqual(['error']);
  });
  it('approval needs the higher committee talk first (DEV-17)', () => {
    expect(() => addStep(c, step('admissionApproved', '2027-07-10'), DEFAULT_SETTINGS, TODAY)).toThrow(/上级党委派人谈话/);
  });
  const approved = walk(c, [step('higherCommitteeTalk', '2027-07-01'), step('admissionApproved', '2027-07-15'), step('oath', '2027-07-20'), step('fullMembershipApplication', '2028-06-01')]);
  it('probation ends 2028-06-18; 转正 meeting cannot come earlier', () => {
    expect(probationEnd(approved)).toBe('2028-06-18');
    expect(nextSteps(approved, DEFAULT_SETTINGS).find((x) => x.step === 'fullMembershipMeeting')).toMatchObject({ earliest: '2028-06-18', latest: '2028-06-18' });
    expect(() => addStep(approved, step('fullMembershipMeeting', '2028-06-10', { outcome: 'full' }), DEFAULT_SETTINGS, TODAY)).toThrow(/届满前不能讨论转正/);
  });
  it('on-time 转正 on a 2028-06-25 meeting: party standing from 2028-06-18, approval due 2028-09-25', () => {
    const full = walk(approved, [step('fullMembershipMeeting', '2028-06-25', { outcome: 'full' })]);
    expect(fullMembershipDate(full)).toBe('2028-06-18');
    expect(nextSteps(full, DEFAULT_SETTINGS)).toEqual([expect.objectContaining({ step: 'fullMembershipApproved', latest: '2028-09-25' })]);
    expect(addStep(full, step('fullMembershipApproved', '2028-09-26'), DEFAULT_SETTINGS, TODAY).findings.map((f) => f.ruleId)).toEqual(['DEV-23']);
  });
  it('extension: 6–12 months, once; new end moves accordingly', () => {
    expect(() => addStep(approved, step('fullMembershipMeeting', '2028-06-20', { outcome: 'extended', extensionMonths: 5 }), DEFAULT_SETTINGS, TODAY)).toThrow(/不能少于半年/);
    const ext6 = walk(approved, [step('fullMembershipMeeting', '2028-06-20', { outcome: 'extended', extensionMonths: 6 })]);
    expect(probationEnd(ext6)).toBe('2028-12-18');
    const ext12 = walk(approved, [step('fullMembershipMeeting', '2028-06-20', { outcome: 'extended', extensionMonths: 12 })]);
    expect(probationEnd(ext12)).toBe('2029-06-18');
    const again = walk(ext6, [step('fullMembershipApplication', '2028-12-01')]);
    expect(() => addStep(again, step('fullMembershipMeeting', '2028-12-20', { outcome: 'extended', extensionMonths: 6 }), DEFAULT_SETTINGS, TODAY)).toThrow(/只能延长一次/);
    const done = walk(again, [step('fullMembershipMeeting', '2028-12-20', { outcome: 'full' })]);
    expect(fullMembershipDate(done)).toBe('2028-12-18');
  });
  it('2026 rule set: oath due within a month of approval', () => {
    const c26 = { ...c, ruleSet: '2026.05' as const };
    const a = walk(c26, [step('higherCommitteeTalk', '2027-07-01'), step('admissionApproved', '2027-07-15')]);
    expect(nextSteps(a, DEFAULT_SETTINGS).find((x) => x.step === 'oath')!.latest).toBe('2027-08-15');
  });
});

describe('leap-day probation (TV-14)', () => {
  it('admission on 2024-02-29 → probation ends 2025-02-28', () => {
    const c: DevelopmentCase = newCase({ steps: [step('application', '2022-01-01'), step('admissionMeeting', '2024-02-29')] });
    expect(probationEnd(c)).toBe('2025-02-28');
  });
});

describe('pre-review and leaving within 3 months (TV-15)', () => {
  const before = (rs: '2014' | '2026.05') => walk(newCase({ ruleSet: rs }), [
    step('application', '2026-01-05'), step('applicantTalk', '2026-01-20'), step('activistConfirmed', '2026-04-10'),
    step('candidateConfirmed', '2027-04-10', { publicityStart: '2027-03-29' }), step('committeeReview', '2027-05-10'),
  ]);
  it('contract ending 2027-08-10 ≤ 2027-08-20: generally do not proceed (warning); 2027-09-01: proceed', () => {
    const c = before('2014');
    expect(addStep(c, step('preReview', '2027-05-20', { leavingUnitOn: '2027-08-10' }), DEFAULT_SETTINGS, TODAY).findings.map((f) => [f.ruleId, f.severity])).toEqual([['DEV-13', 'warning']]);
    expect(addStep(c, step('preReview', '2027-05-20', { leavingUnitOn: '2027-09-01' }), DEFAULT_SETTINGS, TODAY).findings).toEqual([]);
  });
  it('2026 rule set: general meeting due by 2027-06-20 after pre-review on 2027-05-20', () => {
    const c = walk(before('2026.05'), [step('preReview', '2027-05-20'), step('applicationFormFilled', '2027-05-25')]);
    expect(nextSteps(c, DEFAULT_SETTINGS).find((x) => x.step === 'admissionMeeting')).toMatchObject({ latest: '2027-06-20', ruleId: 'DEV-14' });
  });
});

describe('statistics read development counts from cases', () => {
  it('counts milestones in the period, 转正 dated by the probation end', () => {
    const c = walk(toAdmission(), [step('higherCommitteeTalk', '2027-07-01'), step('admissionApproved', '2027-07-15'), step('fullMembershipApplication', '2028-06-01'), step('fullMembershipMeeting', '2028-06-25', { outcome: 'full' })]);
    const other = walk(newCase({ id: 'c2' }), [step('application', '2027-03-01')]);
    const counts = countSteps([c, other], { from: '2027-01-01', to: '2027-12-31' });
    expect(counts.applied).toEqual({ count: 1, caseIds: ['c2'] });
    expect(counts.candidate.count).toBe(1);
    expect(counts.admittedProbationary.count).toBe(1);
    expect(counts.becameFull.count).toBe(0);
    expect(countSteps([c], { from: '2028-01-01', to: '2028-12-31' }).becameFull.count).toBe(1);
    expect(caseEvents(c).find((e) => e.step === 'becameFull')!.date).toBe('2028-06-18');
  });
  it('a stored case with an impossible sequence is reported, not thrown', () => {
    const bad = newCase({ steps: [step('application', '2026-01-05'), step('applicantTalk', '2026-01-10'), step('activistConfirmed', '2026-02-01'), step('candidateConfirmed', '2026-06-01')] });
    const fs = checkCase(bad, DEFAULT_SETTINGS, '2026-07-01');
    expect(fs.filter((f) => f.ruleId === 'DEV-08').map((f) => f.severity)).toEqual(['error']);
  });
});
