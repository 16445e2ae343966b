/**
 * Saved summaries (工作总结草稿) with the user's paragraph edits: create from the records,
 * list, read, edit a paragraph's text (numbers stay bound), regenerate after the records changed
 * (keeping edits whose paragraph did not change), export with the edits applied. Scoped to the
 * actor's organizations (access.ts).
 */
import { randomUUID } from 'node:crypto';
import { periodFrom, periodLabel, type Period, type PeriodSpec } from '../domain/common/period.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { DraftDocument, SummaryKind } from '../domain/report/document.ts';
import { getSummary, insertSummary, listSummaries, updateSummary, type SummaryRow } from '../db/queries/account-queries.ts';
import { assertOrgInScope, assertRecordOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { todayInChina } from './clock.ts';
import { draftSummary, renderDraft, type DraftFormat } from './report-service.ts';
import { applyEdits, findParagraph, makeEdit, rebaseEdits, type SummaryEdits } from './summary-edits.ts';
import type { Organization } from '../domain/org/org.ts';
import type { SummaryView } from './views.ts';

export type { SummaryView };


const NOT_FOUND = '找不到该总结';

function view(row: SummaryRow, conflicts: string[] = []): SummaryView {
  const draft = row.draft as DraftDocument;
  const edits = row.edits as SummaryEdits;
  return {
    id: row.id, orgId: row.orgId, title: draft.title, kind: draft.kind, periodLabel: periodLabel(draft.period),
    period: { from: draft.period.from, to: draft.period.to },
    draft: applyEdits(draft, edits), couldBeAdded: draft.couldBeAdded, conflicts, updatedAt: row.updatedAt.toISOString(),
  };
}

async function loadScoped(app: AppContext, actor: Actor, id: string): Promise<{ row: SummaryRow; org: Organization }> {
  assertRole(actor, MANAGERS);
  const row = await getSummary(app.database.db, id);
  if (!row) throw new NotFoundError(NOT_FOUND);
  const org = await assertRecordOrgInScope(app, actor, row.orgId, NOT_FOUND);
  return { row, org };
}

/**
 * Drafts and saves a summary of `org` for the period. ValidationError for a bad period;
 * NotFoundError when `org` is outside the actor's scope.
 */
export async function createSummary(app: AppContext, actor: Actor, org: Organization, spec: PeriodSpec, kind: SummaryKind | undefined, now: Date): Promise<SummaryView> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const period = periodFrom(spec);
  const { draft } = await draftSummary(app, { org, period, kind, today: todayInChina(now) });
  const row: SummaryRow = { id: randomUUID(), orgId: org.id, kind: draft.kind, periodFrom: period.from, periodTo: period.to, draft, edits: {}, createdAt: now, updatedAt: now };
  await insertSummary(app.database.db, row);
  return view(row);
}

/** Saved summaries of `org`, most recently changed first. */
export async function listSummariesOf(app: AppContext, actor: Actor, org: Organization): Promise<Array<{ id: string; title: string; periodLabel: string; kind: SummaryKind; updatedAt: string }>> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const rows = await listSummaries(app.database.db, [org.id]);
  return rows.map((r) => {
    const d = r.draft as DraftDocument;
    return { id: r.id, title: d.title, periodLabel: periodLabel(d.period), kind: d.kind, updatedAt: r.updatedAt.toISOString() };
  });
}

/** One saved summary; NotFoundError when missing or outside the actor's scope. */
export async function readSummary(app: AppContext, actor: Actor, id: string): Promise<SummaryView> {
  return view((await loadScoped(app, actor, id)).row);
}

/**
 * Replaces a paragraph's text segments (`texts`: numbers + 1 strings), or reverts it to the
 * generated text (`null`). NotFoundError for an unknown paragraph, ValidationError for a wrong
 * number of segments.
 */
export async function editParagraph(app: AppContext, actor: Actor, id: string, paragraphId: string, texts: string[] | null, now: Date): Promise<SummaryView> {
  const { row } = await loadScoped(app, actor, id);
  const draft = row.draft as DraftDocument;
  const p = findParagraph(draft, paragraphId);
  if (!p) throw new NotFoundError('找不到该段落');
  const edits = { ...(row.edits as SummaryEdits) };
  if (texts === null) delete edits[paragraphId];
  else edits[paragraphId] = makeEdit(p, texts);
  await updateSummary(app.database.db, id, { edits, updatedAt: now });
  return view({ ...row, edits, updatedAt: now });
}

/**
 * Recomputes the draft from the current records for the same organization, period and kind. An
 * edit survives when its paragraph's generated text is unchanged; the others are dropped and
 * listed in `conflicts`.
 */
export async function regenerateSummary(app: AppContext, actor: Actor, id: string, now: Date): Promise<SummaryView> {
  const { row, org } = await loadScoped(app, actor, id);
  const old = row.draft as DraftDocument;
  const { draft } = await draftSummary(app, { org, period: old.period as Period, kind: old.kind, today: todayInChina(now) });
  const { edits, conflicts } = rebaseEdits(draft, row.edits as SummaryEdits);
  await updateSummary(app.database.db, id, { draft, edits, updatedAt: now });
  return view({ ...row, draft, edits, updatedAt: now }, conflicts);
}

/** The summary rendered with its edits applied (docx / md / json), with a file name. */
export async function exportSummary(app: AppContext, actor: Actor, id: string, format: DraftFormat): Promise<{ bytes: Buffer; mime: string; filename: string; ext: string }> {
  const { row } = await loadScoped(app, actor, id);
  const edited = applyEdits(row.draft as DraftDocument, row.edits as SummaryEdits);
  const draft: DraftDocument = { ...edited, blocks: edited.blocks.map((b) => (b.type === 'paragraph' ? { type: 'paragraph', id: b.id, inlines: b.inlines } : b)) };
  const out = await renderDraft(draft, format);
  return { ...out, filename: `${draft.title}.${out.ext}` };
}

