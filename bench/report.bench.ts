/**
 * Issue 2's benchmark: a synthetic branch-year of 60 members and 400 activities on PGlite; times
 * computing the facts (loading the records included), composing the draft, rendering the .docx.
 * Targets: < 100 ms, < 50 ms, < 300 ms.
 */
import { ACTIVITY_KIND_LIST } from '../src/domain/activity/activity.ts';
import { yearPeriod } from '../src/domain/common/period.ts';
import { composeDraft } from '../src/domain/report/compose.ts';
import { themesFor } from '../src/domain/report/themes.ts';
import { computeFacts } from '../src/domain/stats/stats.ts';
import { appOver } from '../src/app/context.ts';
import { toMemberRecord } from '../src/app/member-service.ts';
import { factsFor } from '../src/app/report-service.ts';
import { openDatabase } from '../src/db/client.ts';
import { createFieldCrypto } from '../src/db/field-crypto.ts';
import { insertActivities, loadActivities } from '../src/db/queries/activity-queries.ts';
import { insertMembers, membersForOrgs } from '../src/db/queries/member-queries.ts';
import { insertOrganizations } from '../src/db/queries/org-queries.ts';
import { renderDocx } from '../src/render/docx.ts';
import { makeActivity, makeMember, makeOrg } from '../test/factories/records.ts';
import { seededRandom } from '../test/factories/facts.ts';
import type { BenchResult } from './types.ts';
import { median } from './util.ts';

export async function run(): Promise<BenchResult[]> {
  const rand = seededRandom(2023);
  const app = appOver(await openDatabase({ dataDir: 'memory://' }), createFieldCrypto(Buffer.alloc(32, 1)));
  const top = makeOrg({ type: 'primaryPartyCommittee', name: '基准党委' });
  const branch = makeOrg({ parent: top, name: '基准党支部' });
  const members = Array.from({ length: 60 }, (_, i) => makeMember({ positions: i === 0 ? ['secretary'] : [] }, branch));
  const activities = Array.from({ length: 400 }, (_, i) => {
    const present = members.filter(() => rand() < 0.85);
    const absent = members.filter((m) => !present.includes(m));
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    return makeActivity({
      orgId: branch.id, kind: ACTIVITY_KIND_LIST[Math.floor(rand() * ACTIVITY_KIND_LIST.length)]!, date: `2023-${month}-${day}`,
      title: `活动${i}`, present, excused: absent, studyHours: Math.floor(rand() * 4), nonMemberParticipants: Math.floor(rand() * 5),
      agendaItems: [{ title: '学习重要讲话', isFirstAgendaItem: rand() < 0.5 }, { title: '研究工作', isFirstAgendaItem: false }],
    });
  });
  await insertOrganizations(app.database.db, [top, branch]);
  await insertMembers(app.database.db, members.map((m) => toMemberRecord(app.crypto, { ...m, idNumber: null, phone: null })));
  await insertActivities(app.database.db, activities);
  const period = yearPeriod(2023);

  const factsMs = await median(() => factsFor(app, branch, period));
  const [ms, acts] = await Promise.all([membersForOrgs(app.database.db, [branch.id]), loadActivities(app.database.db, { orgIds: [branch.id], from: period.from, to: period.to })]);
  const computeMs = await median(() => computeFacts({ orgId: branch.id, includeSubtree: true, period, organizations: [branch], members: ms, activities: acts, developmentEvents: [] }), 50);
  const facts = await factsFor(app, branch, period);
  const input = { kind: 'annual' as const, facts, org: branch, parentOrgName: top.name, themes: themesFor(app.themes, 2023), signoffDate: '2023-12-31' };
  const composeMs = await median(() => composeDraft(input), 50);
  const draft = composeDraft(input);
  const docxMs = await median(() => renderDocx(draft), 15);
  await app.close();
  return [
    { name: 'facts: load 60 members + 400 activities from PGlite and compute', value: factsMs, target: 100 },
    { name: 'facts: compute only (pure)', value: computeMs },
    { name: 'draft: compose the document model', value: composeMs, target: 50 },
    { name: 'docx: render the draft', value: docxMs, target: 300 },
  ];
}
