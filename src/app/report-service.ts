/**
 * Use cases for statistics and the summary: load the records of an organization (with its
 * subtree) for a period, compute facts, compose the draft, render it.
 */
import type { Period } from '../domain/common/period.ts';
import { addDays } from 'date-fns';
import { fromDate, toDate, type LocalDate } from '../domain/common/dates.ts';
import { isCommitteeLike, type Organization } from '../domain/org/org.ts';
import { composeDraft } from '../domain/report/compose.ts';
import type { DraftDocument, SummaryKind } from '../domain/report/document.ts';
import { themesFor } from '../domain/report/themes.ts';
import type { Facts } from '../domain/stats/facts.ts';
import { computeFacts, cutOff, periodRecords } from '../domain/stats/stats.ts';
import { loadWorkRecords } from '../db/queries/work-queries.ts';
import { loadActivities } from '../db/queries/activity-queries.ts';
import { loadDevelopmentCases, loadDevelopmentEvents } from '../db/queries/development-queries.ts';
import { mergeDevelopmentEvents } from '../domain/regulations/case-events.ts';
import { membersForOrgs } from '../db/queries/member-queries.ts';
import { getOrganization } from '../db/queries/org-queries.ts';
import { renderDocx } from '../render/docx.ts';
import { renderJson } from '../render/json.ts';
import { renderMarkdown } from '../render/markdown.ts';
import type { AppContext } from './context.ts';
import { orgSubtree } from './org-service.ts';
import { ledgerRowsFor } from './dues-service.ts';
import { checkCompliance } from './check-service.ts';
import { settingsFor } from './settings-service.ts';

/**
 * The records statistics are computed from, for the organizations of `subtree` over `period`:
 * members (whole: the roll at a date needs their dates), activities and development milestones
 * of the period, and the dues ledger when dues are kept.
 */
export async function loadStatsRecords(app: AppContext, subtree: readonly Organization[], period: Period, asOf?: LocalDate) {
  const db = app.database.db;
  const ids = subtree.map((o) => o.id);
  const [members, activities, storedEvents, cases, work] = await Promise.all([
    membersForOrgs(db, ids),
    loadActivities(db, { orgIds: ids, from: period.from, to: period.to }),
    loadDevelopmentEvents(db, ids, period.from, period.to),
    loadDevelopmentCases(db, ids),
    loadWorkRecords(db, ids),
  ]);
  // Development counts come from the cases; stored events cover records entered before cases existed.
  const developmentEvents = mergeDevelopmentEvents(cases, storedEvents);
  // The dues policy of the organization the statistics are for (the root of `subtree`).
  const settings = subtree[0] ? await settingsFor(app, subtree[0]) : undefined;
  // Dues are counted by payment date: payments after the cut-off are not in the ledger yet.
  const duesLedger = await ledgerRowsFor(app, ids, members, period.from, period.to, settings, cutOff(period, asOf));
  return { members, activities, developmentEvents, duesLedger, developmentCases: cases, ...work };
}

/**
 * Facts for `org` over `period`, as of `asOf` when the period is not over. A committee (党委,
 * 党总支…) includes its subtree unless `includeSubtree` is false; a branch is itself (with its 党小组).
 */
export async function factsFor(app: AppContext, org: Organization, period: Period, includeSubtree?: boolean, asOf?: LocalDate): Promise<Facts> {
  const subtree = includeSubtree ?? true ? await orgSubtree(app, org) : [org];
  const records = await loadStatsRecords(app, subtree, period, asOf);
  return computeFacts({ orgId: org.id, includeSubtree: includeSubtree ?? true, period, organizations: subtree, ...records, asOf });
}

export interface DraftRequest {
  org: Organization;
  period: Period;
  /** Defaults from the period: quarter → quarterly, half → half-year, otherwise annual. */
  kind?: SummaryKind | undefined;
  /** 落款 date; defaults to the period's last day. */
  signoffDate?: LocalDate | undefined;
  /** Today (China): months after it are not judged by the regulations check. Defaults to the period's last day. */
  today?: LocalDate | undefined;
}

/** The summary kind that fits a period when the user names none. */
export function defaultKind(period: Period): SummaryKind {
  return period.kind === 'quarter' ? 'quarterly' : period.kind === 'half' ? 'half-year' : 'annual';
}

/** Computes the facts and composes the draft; returns both (the facts back the JSON export). */
export async function draftSummary(app: AppContext, req: DraftRequest): Promise<{ facts: Facts; draft: DraftDocument }> {
  // A period not over yet is stated as of today: planned meetings are not counted as held.
  const asOf = req.today && req.today < req.period.to ? req.today : req.period.to;
  const subtree = await orgSubtree(app, req.org);
  const loaded = await loadStatsRecords(app, subtree, req.period, asOf);
  const statsInput = { orgId: req.org.id, includeSubtree: true, period: req.period, organizations: subtree, ...loaded, asOf };
  const facts = computeFacts(statsInput);
  const privateNames = [...new Set([
    ...loaded.members.map((m) => m.name),
    ...loaded.developmentEvents.map((e) => e.personName),
    ...loaded.developmentCases.map((c) => c.personName),
    ...loaded.activities.map((a) => a.lecturerName ?? '').filter((n) => n),
  ])];
  const records = { ...periodRecords(statsInput), members: loaded.members, organizations: subtree, privateNames };
  const parent = req.org.parentId ? await getOrganization(app.database.db, req.org.parentId) : null;
  // The problems section states what the regulations check finds for the same period.
  // A finished period is judged the day after it ends, so that year-end rules (32 学时, the
  // annual 组织生活会) count; an unfinished one as of today.
  const checkDay = asOf < req.period.to ? asOf : fromDate(addDays(toDate(req.period.to), 1));
  const check = await checkCompliance(app, req.org, req.period, checkDay);
  const orgNames = new Map(subtree.map((o) => [o.id, o.name]));
  const year = req.period.year;
  const draft = composeDraft({
    kind: req.kind ?? defaultKind(req.period),
    facts,
    org: { id: req.org.id, name: req.org.name, type: req.org.type },
    parentOrgName: parent?.name ?? null,
    themes: themesFor(app.themes, year),
    nextYearThemes: themesFor(app.themes, year + 1),
    signoffDate: req.signoffDate ?? asOf,
    findings: check.findings,
    orgNames,
    records,
  });
  return { facts, draft };
}

export type DraftFormat = 'docx' | 'md' | 'json';

/** Renders a draft to bytes in the given format, with its MIME type and file extension. */
export async function renderDraft(draft: DraftDocument, format: DraftFormat): Promise<{ bytes: Buffer; mime: string; ext: string }> {
  switch (format) {
    case 'docx': return { bytes: await renderDocx(draft), mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' };
    case 'md': return { bytes: Buffer.from(renderMarkdown(draft), 'utf8'), mime: 'text/markdown; charset=utf-8', ext: 'md' };
    case 'json': return { bytes: Buffer.from(renderJson(draft), 'utf8'), mime: 'application/json; charset=utf-8', ext: 'json' };
  }
}

/** Whether an organization's summary rolls up a subtree (for messages and defaults). */
export function rollsUp(org: Organization): boolean {
  return isCommitteeLike(org.type);
}

