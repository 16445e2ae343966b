/**
 * Compliance check (issue: regulations engine): load an organization's subtree and a year of its
 * records in a few set-based queries, then run the pure engine of src/domain/regulations.
 */
import { yearPeriod, type Period } from '../domain/common/period.ts';
import type { LocalDate } from '../domain/common/dates.ts';
import type { Organization } from '../domain/org/org.ts';
import { annualWindowEnd, checkSubtree, duesWindowStart, sortFindings, type RegulationSettings, type SubtreeCheckResult, type SubtreeRecords } from '../domain/regulations/index.ts';
import { loadActivities } from '../db/queries/activity-queries.ts';
import { loadDevelopmentCases, type UnreadableCase } from '../db/queries/development-queries.ts';
import { paymentsForOrgs, ratesForOrgs } from '../db/queries/dues-queries.ts';
import { membersForOrgs } from '../db/queries/member-queries.ts';
import { termsForOrgs } from '../db/queries/org-queries.ts';
import { assertOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { orgSubtree } from './org-service.ts';
import { settingsForSubtree } from './settings-service.ts';

/**
 * Findings and due items for `org` and its subtree over `period`, as of `today` (months and
 * quarters not yet over are not judged): cadence, structure, terms, study hours, development
 * cases (DEV-*) and, when any dues are recorded in the subtree, dues (EDU-03, DUES-13/14, PC-04).
 * Dues rates are loaded whole (a rate set years ago may still apply); payments for the period's months.
 * Without `settings`, each organization is checked with its own effective per-unit settings
 * (regulation_settings, inherited from its ancestors); with `settings`, those apply to the whole subtree.
 */
export async function checkCompliance(app: AppContext, org: Organization, period: Period, today: LocalDate, settings?: RegulationSettings): Promise<ComplianceResult> {
  const db = app.database.db;
  const organizations = await orgSubtree(app, org);
  const ids = organizations.map((o) => o.id);
  const settingsById = settings ? null : await settingsForSubtree(app, org, organizations);
  // Stored records the engine cannot read are left out of the check and reported by id.
  const unreadable: UnreadableCase[] = [];
  // Annual items of the period's last year may be held in the next year's first months (the
  // 组织生活会/民主评议 grace settings, "含次年1至N月补开"): load those months too.
  const all = settings ? [settings] : [...settingsById!.values()];
  const grace = Math.max(0, ...all.map((s) => Math.max(s.organizationalLifeGraceMonths, s.memberAppraisalGraceMonths)));
  const activitiesTo = grace > 0 ? annualWindowEnd(Number(period.to.slice(0, 4)), grace) : period.to;
  const [members, activities, terms, developmentCases, rates, payments] = await Promise.all([
    membersForOrgs(db, ids),
    loadActivities(db, { orgIds: ids, from: period.from, to: activitiesTo }),
    termsForOrgs(db, ids),
    loadDevelopmentCases(db, ids, unreadable),
    ratesForOrgs(db, ids),
    paymentsForOrgs(db, ids, duesWindowStart(period.from.slice(0, 7)), period.to.slice(0, 7)),
  ]);
  // A unit that keeps its dues elsewhere has no rates here: no dues findings rather than "all unpaid".
  const dues = rates.length > 0 ? { rates, payments } : undefined;
  const records: SubtreeRecords = { organizations, members, activities, terms, developmentCases, dues };
  const r = settings ? checkSubtree(records, period, settings, today) : checkWithUnitSettings(records, org, period, today, settingsById!);
  return { ...r, unreadable: unreadable.map((u) => ({ kind: 'developmentCase' as const, id: u.id, orgId: u.orgId, label: u.personName, reason: u.reason })) };
}

/** A stored record left out of a check because it cannot be read, with its id and why. */
export interface UnreadableRecord { kind: 'developmentCase'; id: string; orgId: string; label: string; reason: string }

/** The check's result plus the records it could not read. */
export type ComplianceResult = SubtreeCheckResult & { unreadable: UnreadableRecord[] };

/**
 * The engine takes one settings object per run: organizations are grouped by their effective
 * settings and the subtree is checked once per distinct group (usually one), each run keeping
 * only its group's findings. A 党小组 goes with its branch, which checks it. The dues collection
 * does not depend on per-unit settings and is taken from the run of `root`'s group.
 */
function checkWithUnitSettings(records: SubtreeRecords, root: Organization, period: Period, today: LocalDate, settingsById: Map<string, RegulationSettings>): SubtreeCheckResult {
  const byId = new Map(records.organizations.map((o) => [o.id, o]));
  const groups = new Map<string, { settings: RegulationSettings; orgIds: Set<string> }>();
  for (const o of records.organizations) {
    const owner = o.type === 'partySubgroup' && o.parentId && byId.has(o.parentId) ? o.parentId : o.id;
    const s = settingsById.get(owner);
    if (!s) continue;
    const key = JSON.stringify(s);
    const g = groups.get(key) ?? { settings: s, orgIds: new Set<string>() };
    g.orgIds.add(o.id);
    groups.set(key, g);
  }
  const list = [...groups.values()];
  if (list.length === 1) return checkSubtree(records, period, list[0]!.settings, today);
  const out: SubtreeCheckResult = { findings: [], dues: [], byOrg: [], duesCollection: null };
  for (const g of list) {
    const r = checkSubtree(records, period, g.settings, today);
    out.findings.push(...r.findings.filter((f) => g.orgIds.has(f.orgId)));
    out.dues.push(...r.dues.filter((d) => g.orgIds.has(d.orgId)));
    out.byOrg.push(...r.byOrg.filter((b) => g.orgIds.has(b.orgId)));
    if (g.orgIds.has(root.id)) out.duesCollection = r.duesCollection;
  }
  // The engine's own orderings, reapplied to the merged lists.
  out.findings = sortFindings(out.findings);
  out.dues.sort((a, b) => a.latest.localeCompare(b.latest));
  out.byOrg.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.name.localeCompare(b.name, 'zh-CN'));
  return out;
}

/**
 * The compliance view for a secretary or a 党委 (actor-scoped): findings for the year, what is
 * due within the settings' horizon (30 days) or overdue, and per organization what is open.
 * ForbiddenError for a member account; NotFoundError when `org` is outside the actor's scope.
 */
export async function complianceView(app: AppContext, actor: Actor, org: Organization, year: number, today: LocalDate, settings?: RegulationSettings): Promise<ComplianceResult> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  return checkCompliance(app, org, yearPeriod(year), today, settings);
}

/** The calendar year as a check period. */
export function checkYear(year: number): Period {
  return yearPeriod(year);
}
