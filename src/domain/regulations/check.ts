/**
 * Entry points of the regulations engine: all checks for one organization, or for a whole
 * subtree at once, over a period, judged on `today`. Pure; the caller loads the records.
 * checkSubtree groups every record by organization and member once (Maps), so its cost grows
 * linearly with the number of records.
 */
import { groupBy } from '../common/collections.ts';
import { addDays, endOfMonth, endOfQuarter, startOfQuarter } from 'date-fns';
import type { Activity, ActivityKind } from '../activity/activity.ts';
import { fromDate, toDate, type LocalDate } from '../common/dates.ts';
import type { Period } from '../common/period.ts';
import type { Member } from '../member/member.ts';
import { withinOrgs } from '../member/membership.ts';
import { isBranchLike, isCommitteeLike, type CommitteeTerm, type Organization } from '../org/org.ts';
import { checkCadence, checkSecretaryLecture, COMMITTEE_REQUIRED_FROM, fullMembersOn } from './cadence.ts';
import { checkCase, developmentDues, type DevelopmentCase } from './development.ts';
import { checkMemberDues, collectionRates, duesWindowStart, memberLedger, monthRange, type CollectionRate, type DuesPayment, type DuesRate, type LedgerRow } from './dues.ts';
import { sortFindings, type Due, type Finding } from './finding.ts';
import { checkStructure, checkTerms } from './org-rules.ts';
import type { RegulationSettings } from './settings.ts';
import { checkStudyHours, studyHoursByMember } from './study-hours.ts';

/** Everything checkOrganization needs for one organization. */
export interface OrganizationCheckInput {
  org: Organization;
  period: Period;
  /** 党小组 under the organization. */
  subgroups: readonly Organization[];
  /** The organization's roll (members whose orgId is the organization). */
  members: readonly Member[];
  /**
   * Activities recorded on the organization or its subgroups, for the period (plus the grace
   * months of the next year when annual items may be held then, see settings).
   */
  activities: readonly Activity[];
  terms: readonly CommitteeTerm[];
  developmentCases: readonly DevelopmentCase[];
  /** Dues rates and payments of the organization's members; omitted when dues are not kept in Zhibu. */
  dues?: { rates: readonly DuesRate[]; payments: readonly DuesPayment[] };
  /** For a 党委-level organization: its secretary's member ids and the Party lectures in its subtree (BR-12). */
  committeeSecretaryIds?: readonly string[];
  subtreePartyLectures?: readonly Activity[];
}

/** Findings (sorted: errors first), due items (by latest date) and the dues collection rate. */
export interface CheckResult {
  findings: Finding[];
  dues: Due[];
  /** Collection per month and in total for the period; null when no dues data was given. */
  duesCollection: { months: CollectionRate[]; total: CollectionRate } | null;
  ledger: LedgerRow[];
}

function horizonOf(today: LocalDate, settings: RegulationSettings): LocalDate {
  return fromDate(addDays(toDate(today), settings.dueHorizonDays));
}

/** Monthly and quarterly items of the running month/quarter not yet held, as due items. */
function cadenceDues(input: OrganizationCheckInput, today: LocalDate, settings: RegulationSettings): Due[] {
  const { org, period } = input;
  if (!isBranchLike(input.org.type) || today < period.from || today > period.to) return [];
  const horizon = horizonOf(today, settings);
  const monthEnd = fromDate(endOfMonth(toDate(today)));
  const quarterEnd = fromDate(endOfQuarter(toDate(today)));
  const monthStart = `${today.slice(0, 7)}-01`;
  const quarterStart = fromDate(startOfQuarter(toDate(today)));
  const held = (kind: ActivityKind, from: LocalDate) => input.activities.some((a) => (a.kind === kind || (kind === 'generalMembershipMeeting' && a.kind === 'termElection')) && a.date >= from && a.date <= today);
  const out: Due[] = [];
  const due = (ruleId: Due['ruleId'], subject: string, from: LocalDate, latest: LocalDate) => {
    if (latest <= horizon) out.push({ ruleId, orgId: org.id, subject, earliest: from, latest, message: `${org.name}本期尚未开展${subject}，应在${latest}前开展`, recordIds: [] });
  };
  if (!held('themedPartyDay', monthStart)) due('BR-13', '主题党日', monthStart, monthEnd);
  if (fullMembersOn(input.members, today) >= COMMITTEE_REQUIRED_FROM && !held('branchCommitteeMeeting', monthStart)) due('BR-09', '支部委员会会议', monthStart, monthEnd);
  if (!held('generalMembershipMeeting', quarterStart)) due('BR-06', '支部党员大会', quarterStart, quarterEnd);
  if (settings.partyLectureFrequency === 'quarterly' && !held('partyLecture', quarterStart)) due('BR-12', '党课', quarterStart, quarterEnd);
  return out;
}

/**
 * All findings and due items for one organization over `input.period` on `today`:
 * cadence (BR-06/09/10/12/13/14/15/16), structure (BR-01/02/17/18), terms (PC-06, BR-19,
 * ELE-01/11), study hours (EDU-07/08) for calendar years wholly in the period and over,
 * development cases (DEV-*), and dues (EDU-03, DUES-13/14) when dues data is given.
 */
export function checkOrganization(input: OrganizationCheckInput, settings: RegulationSettings, today: LocalDate): CheckResult {
  const { org, period } = input;
  const findings: Finding[] = [];
  const dues: Due[] = [];
  const label = period.kind === 'year' ? String(period.year) : `${period.from}~${period.to}`;
  const asOf = period.to < today ? period.to : today;

  if (isBranchLike(org.type)) {
    findings.push(...checkCadence({ org, subgroups: input.subgroups, members: input.members, activities: input.activities }, period, settings, today));
    findings.push(...checkStructure(org, input.members, asOf, label));
    for (let y = Number(period.from.slice(0, 4)); y <= Number(period.to.slice(0, 4)); y++) {
      if (period.from <= `${y}-01-01` && period.to >= `${y}-12-31`) {
        findings.push(...checkStudyHours(org.id, input.members, input.activities, y, settings, today, studyHoursByMember(input.activities, y)));
      }
    }
    dues.push(...cadenceDues(input, today, settings));
  }
  if (isCommitteeLike(org.type) && input.committeeSecretaryIds && input.subtreePartyLectures) {
    findings.push(...checkSecretaryLecture(org.id, input.committeeSecretaryIds, input.subtreePartyLectures, period, today));
  }
  const terms = checkTerms(org, input.terms, settings, today);
  findings.push(...terms.findings);
  dues.push(...terms.dues);

  for (const c of input.developmentCases) {
    findings.push(...checkCase(c, settings, today, period));
    dues.push(...developmentDues(c, settings, today));
  }

  const ledger: LedgerRow[] = [];
  let duesCollection: CheckResult['duesCollection'] = null;
  if (input.dues) {
    // The ledger shown is the period's; findings are judged over a window reaching back into the
    // previous year, so arrears and six-month runs are seen across the year boundary.
    const periodFrom = period.from.slice(0, 7);
    const months = monthRange(duesWindowStart(periodFrom), period.to.slice(0, 7));
    const ratesBy = groupBy(input.dues.rates, (r) => r.memberId);
    const paysBy = groupBy(input.dues.payments, (p) => p.memberId);
    for (const m of input.members) {
      const rates = ratesBy.get(m.id) ?? [];
      const pays = paysBy.get(m.id) ?? [];
      const rows = memberLedger(m, rates, pays, months, settings);
      for (const row of rows) if (row.month >= periodFrom) ledger.push(row);
      // Months off the roll (after 转出, 出党, 死亡, 停止党籍) are not due: memberLedger reads the periods.
      findings.push(...checkMemberDues(org.id, m, rows, pays, today, periodFrom));
    }
    duesCollection = collectionRates(ledger);
  }
  dues.sort((a, b) => a.latest.localeCompare(b.latest));
  return { findings: sortFindings(findings), dues, duesCollection, ledger };
}


/** All records of a subtree, as loaded by the caller in a few queries. */
export interface SubtreeRecords {
  /** The root and every organization under it (any order). */
  organizations: readonly Organization[];
  members: readonly Member[];
  activities: readonly Activity[];
  terms: readonly CommitteeTerm[];
  developmentCases: readonly DevelopmentCase[];
  dues?: { rates: readonly DuesRate[]; payments: readonly DuesPayment[] };
  /** Secretary member ids per 党委-level organization; default: its own members with the secretary position. */
  committeeSecretaryIds?: Readonly<Record<string, readonly string[]>>;
}

/** Open findings per organization, for the "which branches have what open" view of a 党委. */
export interface OrgOpenSummary {
  orgId: string;
  name: string;
  errors: number;
  warnings: number;
  /** Count per rule id. */
  byRule: Record<string, number>;
  dues: number;
}

/** checkSubtree result: everything, plus one summary line per organization with something open. */
export interface SubtreeCheckResult {
  findings: Finding[];
  dues: Due[];
  byOrg: OrgOpenSummary[];
  duesCollection: { months: CollectionRate[]; total: CollectionRate } | null;
}

/**
 * Members grouped by the organizations whose rolls they were on; someone transferred between two
 * branches of the subtree appears in both, each time with only the periods spent there.
 */
function membersByOrg(members: readonly Member[]): Map<string, Member[]> {
  const out = new Map<string, Member[]>();
  const push = (orgId: string, m: Member) => {
    const list = out.get(orgId);
    if (list) list.push(m); else out.set(orgId, [m]);
  };
  for (const m of members) {
    const orgIds = new Set(m.memberships.map((p) => p.orgId));
    if (orgIds.size === 0) push(m.orgId, m);
    else if (orgIds.size === 1) push([...orgIds][0]!, m);
    else for (const o of orgIds) push(o, withinOrgs(m, new Set([o])));
  }
  return out;
}

/**
 * Checks every organization of a subtree over `period` (see checkOrganization). Subgroups
 * (党小组) are checked as part of their branch. Linear in the number of records.
 */
export function checkSubtree(records: SubtreeRecords, period: Period, settings: RegulationSettings, today: LocalDate): SubtreeCheckResult {
  const orgs = records.organizations;
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const subgroupsBy = groupBy(orgs.filter((o) => o.type === 'partySubgroup' && o.parentId !== null), (o) => o.parentId!);
  // Activities recorded on a subgroup belong to its branch.
  const ownerOf = (orgId: string): string => {
    const o = orgById.get(orgId);
    return o && o.type === 'partySubgroup' && o.parentId ? o.parentId : orgId;
  };
  const activitiesBy = groupBy(records.activities, (a) => ownerOf(a.orgId));
  const membersBy = membersByOrg(records.members);
  const termsBy = groupBy(records.terms, (t) => t.orgId);
  const casesBy = groupBy(records.developmentCases, (c) => c.orgId);
  // Dues go with the member: each organization sees the rows of the members on its roll (by period).
  const ratesByMember = records.dues ? groupBy(records.dues.rates, (r) => r.memberId) : null;
  const paysByMember = records.dues ? groupBy(records.dues.payments, (p) => p.memberId) : null;
  const lectures = records.activities.filter((a) => a.kind === 'partyLecture' && a.lecturerMemberId !== null);

  const findings: Finding[] = [];
  const dues: Due[] = [];
  const byOrg: OrgOpenSummary[] = [];
  const ledger: LedgerRow[] = [];
  for (const org of orgs) {
    if (org.type === 'partySubgroup') continue;
    const members = membersBy.get(org.id) ?? [];
    let committeeSecretaryIds: readonly string[] | undefined;
    let subtreePartyLectures: Activity[] | undefined;
    if (isCommitteeLike(org.type)) {
      committeeSecretaryIds = records.committeeSecretaryIds?.[org.id] ?? members.filter((m) => m.positions.includes('secretary')).map((m) => m.id);
      const prefix = org.path;
      subtreePartyLectures = lectures.filter((a) => {
        const o = orgById.get(a.orgId);
        return o !== undefined && (o.path === prefix || o.path.startsWith(`${prefix}.`));
      });
    }
    const r = checkOrganization({
      org, period, subgroups: subgroupsBy.get(org.id) ?? [], members, activities: activitiesBy.get(org.id) ?? [],
      terms: termsBy.get(org.id) ?? [], developmentCases: casesBy.get(org.id) ?? [],
      dues: ratesByMember && paysByMember ? {
        rates: members.flatMap((m) => ratesByMember.get(m.id) ?? []),
        payments: members.flatMap((m) => paysByMember.get(m.id) ?? []),
      } : undefined,
      committeeSecretaryIds, subtreePartyLectures,
    }, settings, today);
    if (r.findings.length > 0 || r.dues.length > 0) {
      const byRule: Record<string, number> = {};
      for (const f of r.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
      byOrg.push({ orgId: org.id, name: org.name, errors: r.findings.filter((f) => f.severity === 'error').length, warnings: r.findings.filter((f) => f.severity === 'warning').length, byRule, dues: r.dues.length });
    }
    for (const f of r.findings) findings.push(f);
    for (const d of r.dues) dues.push(d);
    for (const row of r.ledger) ledger.push(row);
  }
  byOrg.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.name.localeCompare(b.name, 'zh-CN'));
  dues.sort((a, b) => a.latest.localeCompare(b.latest));
  return { findings: sortFindings(findings), dues, byOrg, duesCollection: records.dues ? collectionRates(ledger) : null };
}
