/**
 * Organization structure and committee terms: branch size (BR-01/02/03), committee required from
 * 7 full members (BR-17/18), term length (PC-06, BR-19, ELE-10), term expiry with the 6-month
 * reminder (ELE-11) and the at-most-1-year delay (ELE-01).
 */
import { addDays } from 'date-fns';
import { addMonthsClamped, addYearsClamped, fromDate, toDate, type LocalDate } from '../common/dates.ts';
import { categoryOn, type Member } from '../member/member.ts';
import { isBranchLike, type CommitteeTerm, type Organization } from '../org/org.ts';
import { COMMITTEE_REQUIRED_FROM, fullMembersOn } from './cadence.ts';
import { makeFinding, type Due, type Finding } from './finding.ts';
import type { RegulationSettings } from './settings.ts';

/** Structure the member count calls for (TV-25). */
export interface StructureAdvice {
  kind: 'jointBranch' | 'branchNoCommittee' | 'branchWithCommittee';
  /** Findings-style notes: rule id and Chinese text. */
  notes: { ruleId: 'BR-01' | 'BR-02' | 'BR-03' | 'BR-17' | 'BR-18'; message: string }[];
}

/**
 * What a unit with `fullMembers` full members should have (BR-01, BR-03, BR-17, BR-18, BR-02).
 * `unitsCovered`: for a joint branch, how many units it covers (≤ 5, BR-03).
 */
export function structureFor(fullMembers: number, unitsCovered = 1): StructureAdvice {
  if (fullMembers < 3) {
    const notes: StructureAdvice['notes'] = [{ ruleId: 'BR-03', message: '正式党员不足3人，应与邻近单位成立联合党支部' }];
    if (unitsCovered > 5) notes.push({ ruleId: 'BR-03', message: `联合党支部覆盖${unitsCovered}个单位，一般不超过5个` });
    return { kind: 'jointBranch', notes };
  }
  if (fullMembers < COMMITTEE_REQUIRED_FROM) {
    return { kind: 'branchNoCommittee', notes: [{ ruleId: 'BR-18', message: '不设支部委员会，设书记1名，必要时设副书记1名' }] };
  }
  const notes: StructureAdvice['notes'] = [{ ruleId: 'BR-17', message: '应当设立支部委员会，由3至5人组成，一般不超过7人' }];
  if (fullMembers > 50) notes.push({ ruleId: 'BR-02', message: `党员${fullMembers}人，超过50人，可考虑调整设置（机关、国有企业可设党总支）` });
  return { kind: 'branchWithCommittee', notes };
}

/**
 * Size and committee findings for a branch on `asOf` (BR-01, BR-02, BR-17, BR-18), from its roll.
 * Committee members are those holding 书记/副书记/委员 positions.
 */
export function checkStructure(org: Organization, members: readonly Member[], asOf: LocalDate, periodLabel: string): Finding[] {
  if (!isBranchLike(org.type)) return [];
  const active = members.filter((m) => categoryOn(m, asOf) !== null);
  const full = fullMembersOn(members, asOf);
  const out: Finding[] = [];
  if (full < 3 && org.type === 'partyBranch') {
    out.push(makeFinding('BR-01', org.id, periodLabel, `${org.name}正式党员${full}人，不足3人，应与邻近单位成立联合党支部`));
  }
  if (active.length > 50) out.push(makeFinding('BR-02', org.id, periodLabel, `${org.name}党员${active.length}人，超过50人（一般不超过50人）`));
  const committee = active.filter((m) => m.positions.some((p) => p !== 'subgroupLeader'));
  const plainMembers = active.filter((m) => m.positions.some((p) => p !== 'subgroupLeader' && p !== 'secretary' && p !== 'deputySecretary'));
  if (full >= COMMITTEE_REQUIRED_FROM) {
    if (committee.length < 3) out.push(makeFinding('BR-17', org.id, periodLabel, `${org.name}正式党员${full}人，应当设立支部委员会（3至5人），现记录支部委员${committee.length}人`, committee.map((m) => m.id)));
    else if (committee.length > 7) out.push(makeFinding('BR-17', org.id, periodLabel, `${org.name}支部委员${committee.length}人，一般不超过7人`, committee.map((m) => m.id), 'warning'));
  } else if (plainMembers.length > 0) {
    out.push(makeFinding('BR-18', org.id, periodLabel, `${org.name}正式党员${full}人，不足7人，一般不设支部委员会，设书记、副书记`, plainMembers.map((m) => m.id)));
  }
  return out;
}

/**
 * Default term in years (ELE-10; BR-19 支部工作条例 第二十一条): village and community
 * organizations 5; primary Party committees (基层委员会) 5; general branches and branches 3.
 */
export function defaultTermYears(org: Pick<Organization, 'type' | 'unitKind'>): number {
  if (org.unitKind === 'village' || org.unitKind === 'community') return 5;
  if (org.type === 'primaryPartyCommittee') return 5;
  return 3;
}

/** Expiry (anniversary), reminder date (ELE-11: − 6 months) and latest election with an approved delay (ELE-01: + 1 year). */
export function termDates(term: Pick<CommitteeTerm, 'electedOn' | 'termYears'>, settings: RegulationSettings): { expiresOn: LocalDate; reminderFrom: LocalDate; latestElection: LocalDate } {
  const expiresOn = addYearsClamped(term.electedOn, term.termYears);
  return { expiresOn, reminderFrom: addMonthsClamped(expiresOn, -settings.termReminderMonths), latestElection: addYearsClamped(expiresOn, 1) };
}

/**
 * Term findings and due items for one organization on `today` (TV-26):
 * PC-06 when a term is outside 3–5 years; BR-19/ELE-10 when it differs from the default;
 * ELE-01 when the current term has expired without a new election (warning within the
 * one-year approved delay, error after); ELE-11 reminder as a due item from 6 months before expiry.
 */
export function checkTerms(org: Organization, terms: readonly CommitteeTerm[], settings: RegulationSettings, today: LocalDate): { findings: Finding[]; dues: Due[] } {
  const findings: Finding[] = [];
  const dues: Due[] = [];
  const mine = terms.filter((t) => t.orgId === org.id).sort((a, b) => a.electedOn.localeCompare(b.electedOn));
  const expected = defaultTermYears(org);
  for (const t of mine) {
    const label = t.electedOn.slice(0, 4);
    if (!Number.isInteger(t.termYears) || t.termYears < 3 || t.termYears > 5) {
      findings.push(makeFinding('PC-06', org.id, label, `${org.name}${t.electedOn}选举产生的委员会任期记为${t.termYears}年，党章规定每届任期三年至五年`, [t.id]));
    } else if (t.termYears !== expected) {
      findings.push(makeFinding('BR-19', org.id, label, `${org.name}任期记为${t.termYears}年，按规定一般为${expected}年`, [t.id]));
    }
  }
  const current = [...mine].reverse().find((t) => t.electedOn <= today);
  if (!current) return { findings, dues };
  const { expiresOn, reminderFrom, latestElection } = termDates(current, settings);
  const horizon = fromDate(addDays(toDate(today), settings.dueHorizonDays));
  if (today > expiresOn) {
    const overdue = today > latestElection;
    findings.push(makeFinding('ELE-01', org.id, expiresOn.slice(0, 4),
      overdue
        ? `${org.name}委员会任期已于${expiresOn}届满，超过一年仍未换届`
        : `${org.name}委员会任期已于${expiresOn}届满，尚未换届（经上级批准延期的，最迟至${latestElection}）`,
      [current.id], overdue ? 'error' : 'warning'));
    dues.push({ ruleId: 'ELE-01', orgId: org.id, subject: '委员会换届', earliest: null, latest: latestElection, message: `${org.name}应尽快换届选举，最迟不超过${latestElection}`, recordIds: [current.id] });
  } else if (reminderFrom <= horizon) {
    dues.push({ ruleId: 'ELE-11', orgId: org.id, subject: '委员会换届', earliest: reminderFrom, latest: expiresOn, message: `${org.name}委员会任期将于${expiresOn}届满，应做好换届准备`, recordIds: [current.id] });
  }
  return { findings, dues };
}
