/**
 * The demo branch's draft composed straight from the demo records (no database): the same
 * selection of records (`periodRecords`) and facts (`computeFacts`) as the summary use case,
 * with the dues ledger as it stood on the cut-off day.
 */
import { buildDemoData, DEMO_ORG_NAMES, type DemoData } from '../../src/app/demo/demo-data.ts';
import { customPeriod, type Period } from '../../src/domain/common/period.ts';
import { composeDraft } from '../../src/domain/report/compose.ts';
import type { DraftDocument } from '../../src/domain/report/document.ts';
import { themesFor, validateThemesTable } from '../../src/domain/report/themes.ts';
import { DEFAULT_SETTINGS, memberLedger } from '../../src/domain/regulations/index.ts';
import { monthRange } from '../../src/domain/regulations/dues.ts';
import { computeFacts, periodRecords, type StatsInput } from '../../src/domain/stats/stats.ts';
import type { Facts } from '../../src/domain/stats/facts.ts';
import themesJson from '../../config/themes.json' with { type: 'json' };

let cached: DemoData | null = null;
export function demoData(): DemoData { return (cached ??= buildDemoData()); }

/** The draft of the organization named `orgName` (with its subtree) for [from, to]. */
export function demoDraft(orgName: string = DEMO_ORG_NAMES.audit, period: Period = customPeriod('2023-01-01', '2023-11-10')): { facts: Facts; draft: DraftDocument; input: StatsInput } {
  const d = demoData();
  const org = d.organizations.find((o) => o.name === orgName)!;
  const subtree = d.organizations.filter((o) => o.path === org.path || o.path.startsWith(`${org.path}.`));
  const ids = new Set(subtree.map((o) => o.id));
  const members = d.members.filter((m) => ids.has(m.orgId));
  const asOf = period.to;
  const months = monthRange(period.from.slice(0, 7), period.to.slice(0, 7));
  const duesLedger = members.flatMap((m) => memberLedger(m, d.duesRates.filter((r) => r.memberId === m.id), d.duesPayments.filter((p) => p.memberId === m.id && p.paidOn <= asOf), months, DEFAULT_SETTINGS));
  const input: StatsInput = {
    orgId: org.id, includeSubtree: true, period, organizations: subtree, members,
    activities: d.activities.filter((a) => ids.has(a.orgId)), developmentEvents: d.developmentEvents.filter((e) => ids.has(e.orgId)),
    duesLedger, asOf, campaigns: d.campaigns, serviceProjects: d.serviceProjects, evaluations: d.evaluations,
    rectificationItems: d.rectificationItems, partners: d.partners, honours: d.honours,
  };
  const facts = computeFacts(input);
  const parent = d.organizations.find((o) => o.id === org.parentId);
  const table = validateThemesTable(themesJson);
  const privateNames = [...new Set([...d.members.map((m) => m.name), ...d.developmentEvents.map((e) => e.personName), ...d.developmentCases.map((c) => c.personName)])];
  const draft = composeDraft({
    kind: 'annual', facts, org: { id: org.id, name: org.name, type: org.type }, parentOrgName: parent?.name ?? null,
    themes: themesFor(table, period.year), signoffDate: period.to,
    records: { ...periodRecords(input), members, organizations: subtree, privateNames },
  });
  return { facts, draft, input };
}
