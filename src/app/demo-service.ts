/** Loads the demo organization (州直机关党委 and its branches) in one transaction. */
import { buildDemoData } from './demo/demo-data.ts';
import { countOrganizations, insertCommitteeTerms, insertOrganizations } from '../db/queries/org-queries.ts';
import { insertMembers } from '../db/queries/member-queries.ts';
import { insertActivities } from '../db/queries/activity-queries.ts';
import { insertDevelopmentCases, insertDevelopmentEvents } from '../db/queries/development-queries.ts';
import { insertDuesPayments, upsertDuesRates } from '../db/queries/dues-queries.ts';
import type { AppContext } from './context.ts';
import { toMemberRecord } from './member-service.ts';

export interface DemoResult {
  loaded: boolean;
  organizations: number;
  members: number;
  activities: number;
}

/**
 * Inserts the demo data when the database is empty (or always, with `force`). All or nothing:
 * a failure leaves the database as it was.
 */
export async function loadDemo(app: AppContext, opts: { force: boolean }): Promise<DemoResult> {
  const db = app.database.db;
  if (!opts.force && (await countOrganizations(db)) > 0) return { loaded: false, organizations: 0, members: 0, activities: 0 };
  const data = buildDemoData();
  const records = data.members.map((m) => toMemberRecord(app.crypto, m));
  await db.transaction(async (tx) => {
    await insertOrganizations(tx, data.organizations);
    await insertCommitteeTerms(tx, data.committeeTerms);
    await insertMembers(tx, records);
    await insertActivities(tx, data.activities);
    await insertDevelopmentEvents(tx, data.developmentEvents);
    await insertDevelopmentCases(tx, data.developmentCases);
    await upsertDuesRates(tx, data.duesRates);
    await insertDuesPayments(tx, data.duesPayments);
  });
  return { loaded: true, organizations: data.organizations.length, members: data.members.length, activities: data.activities.length };
}
