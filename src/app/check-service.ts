/**
 * Compliance check (issue: regulations engine): load an organization's subtree and a year of its
 * records in a few set-based queries, then run the pure engine of src/domain/regulations.
 */
import { yearPeriod, type Period } from '../domain/common/period.ts';
import type { LocalDate } from '../domain/common/dates.ts';
import type { Organization } from '../domain/org/org.ts';
import { checkSubtree, DEFAULT_SETTINGS, type RegulationSettings, type SubtreeCheckResult } from '../domain/regulations/index.ts';
import { loadActivities } from '../db/queries/activity-queries.ts';
import { loadDevelopmentCases } from '../db/queries/development-queries.ts';
import { paymentsForOrgs, ratesForOrgs } from '../db/queries/dues-queries.ts';
import { membersForOrgs } from '../db/queries/member-queries.ts';
import { termsForOrgs } from '../db/queries/org-queries.ts';
import { assertOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { orgSubtree } from './org-service.ts';

/**
 * Findings and due items for `org` and its subtree over `period`, as of `today` (months and
 * quarters not yet over are not judged): cadence, structure, terms, study hours, development
 * cases (DEV-*) and, when any dues are recorded in the subtree, dues (EDU-03, DUES-13/14, PC-04).
 * Dues rates are loaded whole (a rate set years ago may still apply); payments for the period's months.
 */
export async function checkCompliance(app: AppContext, org: Organization, period: Period, today: LocalDate, settings: RegulationSettings = DEFAULT_SETTINGS): Promise<SubtreeCheckResult> {
  const db = app.database.db;
  const organizations = await orgSubtree(app, org);
  const ids = organizations.map((o) => o.id);
  const [members, activities, terms, developmentCases, rates, payments] = await Promise.all([
    membersForOrgs(db, ids),
    loadActivities(db, { orgIds: ids, from: period.from, to: period.to }),
    termsForOrgs(db, ids),
    loadDevelopmentCases(db, ids),
    ratesForOrgs(db, ids),
    paymentsForOrgs(db, ids, period.from.slice(0, 7), period.to.slice(0, 7)),
  ]);
  // A unit that keeps its dues elsewhere has no rates here: no dues findings rather than "all unpaid".
  const dues = rates.length > 0 ? { rates, payments } : undefined;
  return checkSubtree({ organizations, members, activities, terms, developmentCases, dues }, period, settings, today);
}

/**
 * The compliance view for a secretary or a 党委 (actor-scoped): findings for the year, what is
 * due within the settings' horizon (30 days) or overdue, and per organization what is open.
 * ForbiddenError for a member account; NotFoundError when `org` is outside the actor's scope.
 */
export async function complianceView(app: AppContext, actor: Actor, org: Organization, year: number, today: LocalDate, settings: RegulationSettings = DEFAULT_SETTINGS): Promise<SubtreeCheckResult> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  return checkCompliance(app, org, yearPeriod(year), today, settings);
}

/** The calendar year as a check period. */
export function checkYear(year: number): Period {
  return yearPeriod(year);
}
