/**
 * Compliance check (issue: regulations engine): load an organization's subtree and a year of its
 * records in a few set-based queries, then run the pure engine of src/domain/regulations.
 */
import { yearPeriod, type Period } from '../domain/common/period.ts';
import type { LocalDate } from '../domain/common/dates.ts';
import type { Organization } from '../domain/org/org.ts';
import { checkSubtree, DEFAULT_SETTINGS, type RegulationSettings, type SubtreeCheckResult } from '../domain/regulations/index.ts';
import { loadActivities } from '../db/queries/activity-queries.ts';
import { membersForOrgs } from '../db/queries/member-queries.ts';
import { termsForOrgs } from '../db/queries/org-queries.ts';
import type { AppContext } from './context.ts';
import { orgSubtree } from './org-service.ts';

/**
 * Findings and due items for `org` and its subtree over the calendar `year`, as of `today`
 * (months and quarters not yet over are not judged). Development cases and dues join the check
 * once they are stored (see the closing note of the regulations issue).
 */
export async function checkCompliance(app: AppContext, org: Organization, period: Period, today: LocalDate, settings: RegulationSettings = DEFAULT_SETTINGS): Promise<SubtreeCheckResult> {
  const db = app.database.db;
  const organizations = await orgSubtree(app, org);
  const ids = organizations.map((o) => o.id);
  const [members, activities, terms] = await Promise.all([
    membersForOrgs(db, ids),
    loadActivities(db, { orgIds: ids, from: period.from, to: period.to }),
    termsForOrgs(db, ids),
  ]);
  return checkSubtree({ organizations, members, activities, terms, developmentCases: [] }, period, settings, today);
}

/** The calendar year as a check period. */
export function checkYear(year: number): Period {
  return yearPeriod(year);
}
