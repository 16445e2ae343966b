import { describe, expect, it } from 'vitest';
import { STUDY_KINDS, participationCount, type Activity } from '../../domain/activity/activity.ts';
import { addDays } from 'date-fns';
import { addYearsClamped, fromDate, inRange, isLocalDate, toDate } from '../../domain/common/dates.ts';
import { customPeriod } from '../../domain/common/period.ts';
import { checkIdNumber } from '../../domain/member/id-number.ts';
import { categoryOn } from '../../domain/member/member.ts';
import { pathLabel } from '../../domain/org/org.ts';
import { computeFacts } from '../../domain/stats/stats.ts';
import { mergeDevelopmentEvents } from '../../domain/regulations/case-events.ts';
import { caseEvents, checkCase, DEFAULT_SETTINGS, memberLedger, monthsOfYear } from '../../domain/regulations/index.ts';
import { checkMemberDues } from '../../domain/regulations/dues.ts';
import { AUDIT_SEED_FACTS, DEMO_ORG_NAMES, DEMO_PLANTED_GAPS, DEMO_RANGE, buildDemoData, type DemoData } from './demo-data.ts';

const data = buildDemoData();
const addDaysIso = (d: string, n: number) => fromDate(addDays(toDate(d), n));
const orgNamed = (d: DemoData, name: string) => {
  const o = d.organizations.find((x) => x.name === name);
  if (!o) throw new Error(`no organization ${name}`);
  return o;
};
const { from: P_FROM, to: P_TO } = AUDIT_SEED_FACTS.period;

/** The audit branch's records of seed 003's period, counted directly from the raw records. */
function seedPeriodCounts(d: DemoData) {
  const audit = orgNamed(d, DEMO_ORG_NAMES.audit);
  const acts = d.activities.filter((a) => a.orgId === audit.id && inRange(a.date, P_FROM, P_TO));
  const ofKind = (k: Activity['kind']) => acts.filter((a) => a.kind === k);
  const study = acts.filter((a) => STUDY_KINDS.includes(a.kind));
  const vol = ofKind('volunteerService');
  const events = d.developmentEvents.filter((e) => e.orgId === audit.id && inRange(e.date, P_FROM, P_TO));
  return {
    branchCommitteeMeeting: ofKind('branchCommitteeMeeting').length,
    generalMembershipMeeting: ofKind('generalMembershipMeeting').length,
    themedPartyDay: ofKind('themedPartyDay').length,
    studySessions: study.length,
    studyParticipations: study.reduce((s, a) => s + participationCount(a), 0),
    volunteerServices: vol.length,
    volunteerParticipations: vol.reduce((s, a) => s + participationCount(a), 0),
    becameFull: events.filter((e) => e.step === 'becameFull').length,
    admittedProbationary: events.filter((e) => e.step === 'admittedProbationary').length,
    otherSteps: events.filter((e) => e.step !== 'becameFull' && e.step !== 'admittedProbationary').length,
  };
}

/** 学时 per member from the records of `orgIds` in [from, to]: studyHours of each activity attended. */
function studyHours(d: DemoData, orgIds: Set<string>, from: string, to: string): Map<string, number> {
  const h = new Map<string, number>();
  for (const a of d.activities) {
    if (!orgIds.has(a.orgId) || !inRange(a.date, from, to)) continue;
    for (const x of a.attendance) if (x.status === 'present') h.set(x.memberId, (h.get(x.memberId) ?? 0) + a.studyHours);
  }
  return h;
}

describe('州审计局党支部, 2023-01-01 to 2023-11-10: the numbers of seed 003', () => {
  it('has exactly the seed\'s counts, counted from the raw records', () => {
    const { period: _p, ...want } = AUDIT_SEED_FACTS;
    expect(want).toEqual({
      branchCommitteeMeeting: 12, generalMembershipMeeting: 13, themedPartyDay: 12, studySessions: 37, studyParticipations: 301,
      volunteerServices: 77, volunteerParticipations: 224, becameFull: 1, admittedProbationary: 1,
    });
    expect(seedPeriodCounts(data)).toEqual({ ...want, otherSteps: 0 });
  });

  it('gives the same numbers through computeFacts', () => {
    const audit = orgNamed(data, DEMO_ORG_NAMES.audit);
    const f = computeFacts({
      orgId: audit.id, includeSubtree: false, period: customPeriod(P_FROM, P_TO), organizations: [audit],
      members: data.members.filter((m) => m.orgId === audit.id), activities: data.activities.filter((a) => a.orgId === audit.id),
      developmentEvents: data.developmentEvents.filter((e) => e.orgId === audit.id),
    }).facts;
    expect([
      f['activities.branchCommitteeMeeting'].value, f['activities.generalMembershipMeeting'].value, f['activities.themedPartyDay'].value,
      f.studySessions.value, f.studyParticipations.value, f.volunteerServices.value, f.volunteerParticipations.value,
      f['development.becameFull'].value, f['development.admittedProbationary'].value,
    ]).toEqual([12, 13, 12, 37, 301, 77, 224, 1, 1]);
    expect(f.secretaryPartyLectures.value).toBeGreaterThanOrEqual(1);
    expect(f.firstAgendaItems.value).toBeGreaterThan(0);
    expect(f['members.probationary'].value).toBe(1);
    expect(f['members.total'].value).toBeGreaterThanOrEqual(20);
    expect(f['members.total'].value).toBeLessThanOrEqual(25);
  });

  it('has member records that agree with the two development events', () => {
    const audit = orgNamed(data, DEMO_ORG_NAMES.audit);
    const events = data.developmentEvents.filter((e) => e.orgId === audit.id && inRange(e.date, P_FROM, P_TO));
    const full = events.find((e) => e.step === 'becameFull')!;
    const admitted = events.find((e) => e.step === 'admittedProbationary')!;
    const fm = data.members.find((m) => m.id === full.memberId)!;
    const am = data.members.find((m) => m.id === admitted.memberId)!;
    expect(fm.fullOn).toBe(full.date);
    expect(addYearsClamped(fm.admittedOn!, 1)).toBe(fm.fullOn);
    expect(categoryOn(fm, full.date)).toBe('full');
    expect(am.admittedOn).toBe(admitted.date);
    expect(categoryOn(am, P_TO)).toBe('probationary');
    expect(am.fullOn).toBe(addYearsClamped(am.admittedOn!, 1));
    // The general meeting voted each step on its day (BR-07 支部工作条例 第十一条).
    for (const e of [full, admitted]) {
      expect(data.activities.some((a) => a.orgId === audit.id && a.kind === 'generalMembershipMeeting' && a.date === e.date)).toBe(true);
    }
  });

  it('has the texture of real records: varied attendance with reasons, secretary lectures, 第一议题', () => {
    const audit = orgNamed(data, DEMO_ORG_NAMES.audit);
    const acts = data.activities.filter((a) => a.orgId === audit.id && inRange(a.date, P_FROM, P_TO));
    const att = acts.flatMap((a) => a.attendance);
    const reasons = new Set(att.filter((x) => x.status === 'excused').map((x) => x.reason));
    expect(reasons).toContain('外出审计');
    expect(reasons).toContain('病假');
    expect(att.filter((x) => x.status === 'absent').length).toBeGreaterThan(0);
    expect(att.filter((x) => x.status === 'absent').length).toBeLessThan(att.length / 20);
    const sec = data.members.find((m) => m.orgId === audit.id && m.positions.includes('secretary'))!;
    expect(acts.filter((a) => a.kind === 'partyLecture' && a.lecturerMemberId === sec.id).length).toBeGreaterThanOrEqual(2);
    expect(acts.filter((a) => a.agendaItems.some((i) => i.isFirstAgendaItem)).length).toBeGreaterThanOrEqual(10);
    const months = new Set(acts.map((a) => a.date.slice(0, 7)));
    expect(months.size).toBe(11);
  });

  it('meets the seed\'s numbers with other seeds too (the builder distributes, it is not tuned)', () => {
    for (const seed of ['another-seed', 'x']) {
      const { otherSteps, ...got } = seedPeriodCounts(buildDemoData(seed));
      const { period: _p, ...want } = AUDIT_SEED_FACTS;
      expect(got).toEqual(want);
      expect(otherSteps).toBe(0);
    }
  });
});

describe('demo data integrity', () => {
  it('is deterministic: two builds are deep-equal; another seed gives other ids', () => {
    expect(buildDemoData()).toEqual(data);
    expect(buildDemoData('another-seed').members[0]!.id).not.toBe(data.members[0]!.id);
  });

  it('has unique uuid-format ids across all records', () => {
    const ids = [
      ...data.organizations.map((x) => x.id), ...data.committeeTerms.map((x) => x.id), ...data.members.map((x) => x.id),
      ...data.activities.map((x) => x.id), ...data.developmentEvents.map((x) => x.id),
      ...data.developmentCases.map((x) => x.id), ...data.developmentCases.flatMap((c) => c.steps.map((x) => x.id)), ...data.duesPayments.map((x) => x.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('builds the tree with materialized paths, parents first, a 党委 over at least three branches', () => {
    const byId = new Map(data.organizations.map((o) => [o.id, o]));
    const seen = new Set<string>();
    for (const o of data.organizations) {
      if (o.parentId === null) expect(o.path).toBe(pathLabel(o.id));
      else {
        expect(seen.has(o.parentId)).toBe(true);
        expect(o.path).toBe(`${byId.get(o.parentId)!.path}.${pathLabel(o.id)}`);
      }
      seen.add(o.id);
    }
    const committee = orgNamed(data, DEMO_ORG_NAMES.committee);
    expect(committee.type).toBe('primaryPartyCommittee');
    expect(committee.unitKind).toBe('organ');
    const branches = data.organizations.filter((o) => o.parentId === committee.id && o.type === 'partyBranch');
    expect(branches.map((o) => o.name)).toEqual(expect.arrayContaining([DEMO_ORG_NAMES.audit, DEMO_ORG_NAMES.finance, DEMO_ORG_NAMES.statistics]));
    expect(data.organizations.filter((o) => o.type === 'partySubgroup').every((g) => byId.get(g.parentId!)!.name === DEMO_ORG_NAMES.finance)).toBe(true);
  });

  it('gives every member a valid 身份证号 (Xishuangbanna 5328xx) matching birth date and gender, and a unique mobile', () => {
    for (const m of data.members) {
      const r = checkIdNumber(m.idNumber, DEMO_RANGE.to);
      expect(r, m.name).toEqual({ ok: true, info: { idNumber: m.idNumber, regionCode: expect.stringMatching(/^5328\d\d$/), birthDate: m.birthDate, gender: m.gender } });
      expect(m.phone).toMatch(/^1[3-9]\d{9}$/);
    }
    expect(new Set(data.members.map((m) => m.idNumber)).size).toBe(data.members.length);
    expect(new Set(data.members.map((m) => m.phone)).size).toBe(data.members.length);
    for (const e of ['汉族', '傣族', '哈尼族']) expect(data.members.some((m) => m.ethnicity === e)).toBe(true);
  });

  it('has member dates in order: born, 18 at admission, applied before admitted, full a year after', () => {
    for (const m of data.members) {
      for (const d of [m.birthDate, m.appliedOn, m.admittedOn]) expect(isLocalDate(d), m.name).toBe(true);
      expect(m.appliedOn! < m.admittedOn!).toBe(true);
      expect(addYearsClamped(m.birthDate!, 18) <= m.admittedOn!).toBe(true);
      if (m.fullOn) expect(m.fullOn).toBe(addYearsClamped(m.admittedOn!, 1));
      expect(m.category).toBe(m.fullOn && m.fullOn <= DEMO_RANGE.to ? 'full' : 'probationary');
      if (m.leftOn) expect(inRange(m.leftOn, DEMO_RANGE.from, DEMO_RANGE.to) && m.status !== 'normal').toBe(true);
    }
  });

  it('references, in every attendance, a member of the activity\'s branch who is on the roll that day', () => {
    const orgById = new Map(data.organizations.map((o) => [o.id, o]));
    const memberById = new Map(data.members.map((m) => [m.id, m]));
    for (const a of data.activities) {
      const org = orgById.get(a.orgId)!;
      const branchId = org.type === 'partySubgroup' ? org.parentId! : org.id;
      const ids = a.attendance.map((x) => x.memberId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const x of a.attendance) {
        const m = memberById.get(x.memberId)!;
        expect(m.orgId, a.title).toBe(branchId);
        if (org.type === 'partySubgroup') expect(m.subgroupId).toBe(org.id);
        expect(categoryOn(m, a.date), `${a.date} ${a.title} ${m.name}`).not.toBeNull();
        if (x.status === 'present') expect(x.reason).toBeNull();
        else expect(x.reason).toBeTruthy();
      }
      for (const id of [a.chairMemberId, a.lecturerMemberId]) if (id) expect(memberById.get(id)!.orgId).toBe(branchId);
      expect(a.studyHours).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps dates valid and within range, with records in every year for every branch', () => {
    for (const a of data.activities) {
      expect(isLocalDate(a.date)).toBe(true);
      expect(inRange(a.date, DEMO_RANGE.from, DEMO_RANGE.to), a.date).toBe(true);
    }
    for (const e of data.developmentEvents) {
      expect(isLocalDate(e.date)).toBe(true);
      expect(e.date <= DEMO_RANGE.to).toBe(true);
      if (e.memberId) expect(data.members.find((m) => m.id === e.memberId)!.orgId).toBe(e.orgId);
    }
    for (const t of data.committeeTerms) expect(t.expiresOn).toBe(addYearsClamped(t.electedOn, t.termYears));
    for (const name of [DEMO_ORG_NAMES.audit, DEMO_ORG_NAMES.finance, DEMO_ORG_NAMES.statistics]) {
      const o = orgNamed(data, name);
      for (const y of ['2023', '2024', '2025', '2026']) {
        expect(data.activities.filter((a) => a.orgId === o.id && a.date.startsWith(y)).length, `${name} ${y}`).toBeGreaterThan(30);
      }
    }
    // The branches differ: the 党委 roll-up is not three copies of one branch.
    const perBranch = [DEMO_ORG_NAMES.audit, DEMO_ORG_NAMES.finance, DEMO_ORG_NAMES.statistics]
      .map((n) => data.activities.filter((a) => a.orgId === orgNamed(data, n).id && a.date.startsWith('2024')).length);
    expect(new Set(perBranch).size).toBe(3);
  });
});

describe('demo data consistency with the rules', () => {
  it('has a general meeting voting every admission and 转正 in range, within 3 days after it (BR-07)', () => {
    const votes = data.developmentEvents.filter((e) => (e.step === 'admittedProbationary' || e.step === 'becameFull') && e.date >= DEMO_RANGE.from);
    expect(votes.length).toBeGreaterThanOrEqual(6);
    for (const e of votes) {
      const meeting = data.activities.find((a) => a.orgId === e.orgId && a.kind === 'generalMembershipMeeting' && a.date >= e.date
        && a.date <= addDaysIso(e.date, 3) && a.agendaItems.some((i) => i.title.includes(e.personName)));
      expect(meeting, `${e.personName} ${e.step} ${e.date}`).toBeDefined();
    }
  });

  it('writes minutes for meetings that agree with the attendance', () => {
    const meetings = data.activities.filter((a) => a.kind === 'branchCommitteeMeeting' || a.kind === 'generalMembershipMeeting');
    for (const a of meetings) {
      expect(a.minutes).toContain(`应到${a.attendance.length}人，实到${a.attendance.filter((x) => x.status === 'present').length}人`);
    }
    expect(data.activities.filter((a) => a.kind === 'volunteerService').every((a) => a.minutes === null)).toBe(true);
  });
});

describe('no gaps besides the planted ones in the closed years 2023–2025', () => {
  const branches = [DEMO_ORG_NAMES.audit, DEMO_ORG_NAMES.finance, DEMO_ORG_NAMES.statistics];
  it.each(branches)('%s keeps the monthly, quarterly and annual cadence', (name) => {
    const o = orgNamed(data, name);
    const acts = data.activities.filter((a) => a.orgId === o.id);
    for (const y of [2023, 2024, 2025]) {
      const months = (k: Activity['kind']) => new Set(acts.filter((a) => a.kind === k && a.date.startsWith(`${y}`)).map((a) => Number(a.date.slice(5, 7))));
      expect([...months('themedPartyDay')].sort((a, b) => a - b), `${name} ${y}`).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(months('branchCommitteeMeeting').size).toBe(12);
      const quarters = new Set([...months('generalMembershipMeeting')].map((m) => Math.ceil(m / 3)));
      expect(quarters.size).toBe(4);
      expect([...months('organizationalLifeMeeting')].some((m) => m >= 10)).toBe(true);
      expect(months('memberAppraisal').size).toBeGreaterThan(0);
    }
  });

  it.each(branches)('%s: every member on the roll at a year\'s end talked with a committee member that year (BR-16)', (name) => {
    const o = orgNamed(data, name);
    for (const y of [2023, 2024, 2025]) {
      const talks = data.activities.filter((a) => a.orgId === o.id && a.kind === 'heartToHeartTalk' && a.date.startsWith(`${y}`));
      const talked = new Set(talks.flatMap((a) => a.attendance.map((x) => x.memberId)));
      const roll = data.members.filter((m) => m.orgId === o.id && categoryOn(m, `${y}-12-31`) !== null);
      expect(roll.filter((m) => !talked.has(m.id)).map((m) => m.name), `${name} ${y}`).toEqual([]);
    }
  });
});

describe('planted compliance gaps', () => {
  it('州财政局党支部 (≥ 7 full members) holds a 支委会 every month of 2026 but July (BR-09)', () => {
    const fin = orgNamed(data, DEMO_PLANTED_GAPS.missingCommitteeMeetingMonth.org);
    const full = data.members.filter((m) => m.orgId === fin.id && categoryOn(m, DEMO_RANGE.to) === 'full');
    expect(full.length).toBeGreaterThanOrEqual(7);
    const months = new Set(data.activities.filter((a) => a.orgId === fin.id && a.kind === 'branchCommitteeMeeting' && a.date.startsWith('2026')).map((a) => a.date.slice(0, 7)));
    const all = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    expect(all.filter((m) => !months.has(m))).toEqual([DEMO_PLANTED_GAPS.missingCommitteeMeetingMonth.month]);
  });

  it('州统计局党支部 has members under 32 学时 in 2026, while 州审计局党支部\'s members stay above (EDU-07)', () => {
    const st = orgNamed(data, DEMO_PLANTED_GAPS.lowStudyHours.org);
    const hours = studyHours(data, new Set([st.id]), '2026-01-01', DEMO_RANGE.to);
    const roll = data.members.filter((m) => m.orgId === st.id && categoryOn(m, DEMO_RANGE.to) !== null);
    const under = roll.filter((m) => (hours.get(m.id) ?? 0) < 32);
    expect(under.length).toBeGreaterThanOrEqual(2);
    const audit = orgNamed(data, DEMO_ORG_NAMES.audit);
    const ah = studyHours(data, new Set([audit.id]), '2026-01-01', DEMO_RANGE.to);
    const auditFullYear = data.members.filter((m) => m.orgId === audit.id && categoryOn(m, '2026-01-01') !== null && categoryOn(m, DEMO_RANGE.to) !== null);
    expect(auditFullYear.every((m) => (ah.get(m.id) ?? 0) >= 32)).toBe(true);
  });

  it('州统计局党支部\'s committee term expired 2025-03-15 with no re-election; the others are current', () => {
    const st = orgNamed(data, DEMO_PLANTED_GAPS.expiredCommitteeTerm.org);
    const terms = data.committeeTerms.filter((t) => t.orgId === st.id);
    expect(terms.map((t) => [t.electedOn, t.expiresOn])).toEqual([[DEMO_PLANTED_GAPS.expiredCommitteeTerm.electedOn, DEMO_PLANTED_GAPS.expiredCommitteeTerm.expiresOn]]);
    expect(data.activities.some((a) => a.orgId === st.id && a.kind === 'termElection')).toBe(false);
    expect(data.members.filter((m) => m.orgId === st.id && categoryOn(m, DEMO_RANGE.to) === 'full').length).toBeGreaterThanOrEqual(7);
    for (const o of data.organizations.filter((x) => x.id !== st.id && x.type !== 'partySubgroup')) {
      const latest = data.committeeTerms.filter((t) => t.orgId === o.id).sort((a, b) => (a.electedOn < b.electedOn ? 1 : -1))[0]!;
      expect(latest.expiresOn > DEMO_RANGE.to, o.name).toBe(true);
    }
  });
});

describe('development cases and dues', () => {
  it('has a case for every person of the development events, yielding the same milestones on the same dates', () => {
    const people = new Set(data.developmentEvents.map((e) => `${e.orgId}|${e.personName}`));
    expect(new Set(data.developmentCases.map((c) => `${c.orgId}|${c.personName}`))).toEqual(people);
    const fromCases = data.developmentCases.flatMap(caseEvents).map((e) => [e.orgId, e.personName, e.step, e.date]);
    const stored = data.developmentEvents.map((e) => [e.orgId, e.personName, e.step, e.date]);
    expect(fromCases.sort()).toEqual(stored.sort());
    // Merged for statistics, nothing is counted twice.
    expect(mergeDevelopmentEvents(data.developmentCases, data.developmentEvents)).toHaveLength(data.developmentEvents.length);
  });

  it('keeps every case within the rules: no finding on the demo\'s last day', () => {
    for (const c of data.developmentCases) expect(checkCase(c, DEFAULT_SETTINGS, DEMO_RANGE.to), c.personName).toEqual([]);
    for (const c of data.developmentCases) for (const st of c.steps) expect(st.date <= DEMO_RANGE.to).toBe(true);
    const admitted = data.developmentCases.filter((c) => c.steps.some((x) => x.step === 'admissionMeeting'));
    for (const c of admitted) {
      const m = data.members.find((x) => x.id === c.memberId)!;
      expect(c.steps.find((x) => x.step === 'admissionMeeting')!.date).toBe(m.admittedOn);
      const sponsors = c.steps.find((x) => x.step === 'sponsorsAppointed')!.sponsors!;
      expect(sponsors).toHaveLength(2);
    }
  });

  it('keeps dues for every member on the roll, in 分, with exactly the planted arrears in 2026', () => {
    const withRate = new Set(data.duesRates.map((r) => r.memberId));
    expect(data.members.every((m) => withRate.has(m.id))).toBe(true);
    for (const r of data.duesRates) expect(Number.isInteger(r.amountFen) && r.amountFen > 0).toBe(true);
    const owing = new Map<string, string[]>();
    for (const y of [2023, 2024, 2025, 2026]) {
      for (const m of data.members) {
        const rows = memberLedger(m, data.duesRates.filter((r) => r.memberId === m.id), data.duesPayments.filter((p) => p.memberId === m.id), monthsOfYear(y), DEFAULT_SETTINGS);
        const unpaid = rows.filter((r) => r.status === 'unpaid' || r.status === 'partial').map((r) => r.month);
        if (unpaid.length > 0) owing.set(m.id, [...(owing.get(m.id) ?? []), ...unpaid]);
        // Judged after the year's end, only the planted member is in arrears (EDU-03), and nobody is flagged for DUES-13/14.
        const findings = checkMemberDues(m.orgId, m, rows, data.duesPayments.filter((p) => p.memberId === m.id), `${y + 1}-01-10`);
        expect(findings.filter((f) => f.ruleId !== 'EDU-03')).toEqual([]);
      }
    }
    const fin = orgNamed(data, DEMO_PLANTED_GAPS.duesArrears.org);
    const member = data.members.filter((m) => m.orgId === fin.id)[DEMO_PLANTED_GAPS.duesArrears.memberIndex]!;
    expect([...owing]).toEqual([[member.id, [...DEMO_PLANTED_GAPS.duesArrears.months]]]);
    expect(member.positions).toEqual([]);
    for (const p of data.duesPayments) expect(p.paidOn <= DEMO_RANGE.to).toBe(true);
  });
});
