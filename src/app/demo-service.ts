/** Loads the demo organization (州直机关党委 and its branches) in one transaction. */
import { buildDemoData } from './demo/demo-data.ts';
import { countOrganizations, insertCommitteeTerms, insertOrganizations } from '../db/queries/org-queries.ts';
import { insertMembers } from '../db/queries/member-queries.ts';
import { insertActivities } from '../db/queries/activity-queries.ts';
import { insertDevelopmentCases, insertDevelopmentEvents } from '../db/queries/development-queries.ts';
import { insertDuesPayments, upsertDuesRates } from '../db/queries/dues-queries.ts';
import type { DbOrTx } from '../db/client.ts';
import type { AppContext } from './context.ts';
import { insertCampaigns, insertHonours, insertPartners, insertRectificationItems, insertServiceEvaluations, insertServiceProjects } from '../db/queries/work-queries.ts';
import { toMemberRecord } from './member-service.ts';

export interface DemoResult {
  loaded: boolean;
  organizations: number;
  members: number;
  activities: number;
}

/** Called after each step of loading the demo: `done` of `total` steps, the step just finished (Chinese). */
export type DemoProgress = (done: number, total: number, step: string) => void;

/**
 * Inserts the demo data when the database is empty (or always, with `force`). All or nothing:
 * a failure leaves the database as it was. `onProgress` hears of each step (the server shows a
 * progress line while it loads).
 */
export async function loadDemo(app: AppContext, opts: { force: boolean; onProgress?: DemoProgress }): Promise<DemoResult> {
  const db = app.database.db;
  if (!opts.force && (await countOrganizations(db)) > 0) return { loaded: false, organizations: 0, members: 0, activities: 0 };
  const steps: Array<[string, (tx: DbOrTx) => Promise<unknown>]> = [];
  const total = 11;
  let done = 0;
  const tick = (step: string) => opts.onProgress?.(++done, total, step);
  const data = buildDemoData();
  tick('生成演示记录');
  const records = data.members.map((m) => toMemberRecord(app.crypto, m));
  tick('加密个人信息');
  steps.push(
    ['组织', (tx) => insertOrganizations(tx, data.organizations)],
    ['委员会任期', (tx) => insertCommitteeTerms(tx, data.committeeTerms)],
    ['党员', (tx) => insertMembers(tx, records)],
    // Campaigns and partners before the activities that name them.
    ['专项工作与办实事', async (tx) => {
      await insertCampaigns(tx, data.campaigns);
      await insertPartners(tx, data.partners);
      await insertServiceProjects(tx, data.serviceProjects);
      await insertServiceEvaluations(tx, data.evaluations);
      await insertRectificationItems(tx, data.rectificationItems);
      await insertHonours(tx, data.honours);
    }],
    ['活动与出勤', (tx) => insertActivities(tx, data.activities)],
    ['发展党员事件', (tx) => insertDevelopmentEvents(tx, data.developmentEvents)],
    ['发展党员', (tx) => insertDevelopmentCases(tx, data.developmentCases)],
    ['党费标准', (tx) => upsertDuesRates(tx, data.duesRates)],
    ['党费缴纳', (tx) => insertDuesPayments(tx, data.duesPayments)],
  );
  await db.transaction(async (tx) => {
    for (const [step, run] of steps) {
      await run(tx);
      tick(step);
    }
  });
  return { loaded: true, organizations: data.organizations.length, members: data.members.length, activities: data.activities.length };
}
