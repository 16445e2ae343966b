/**
 * Member roster import (党员花名册): read the spreadsheet, validate every row (domain), check
 * against the database (duplicates, branches), then save all rows in one transaction — or
 * nothing, with every bad row named.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { ValidationError, type FieldIssue } from '../domain/errors.ts';
import { isBranchLike, type Organization } from '../domain/org/org.ts';
import { rosterRowToMember, validateRoster, type RosterOptions, type RosterResult, type RosterRow } from '../domain/member/roster.ts';
import { readRosterSheet } from '../render/xlsx-roster.ts';
import { validateRosterOffThread } from './parse-pool.ts';
import { existingIdNumberHashes, insertMembers } from '../db/queries/member-queries.ts';
import { listOrganizations } from '../db/queries/org-queries.ts';
import { maskIdNumber, maskPhone } from '../domain/member/mask.ts';
import { assertOrgInScope, assertRole, MANAGERS, SYSTEM_ACTOR, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { toMemberRecord } from './member-service.ts';
import { orgSubtree, resolveOrg } from './org-service.ts';
import { LISTED_FIELDS, logPersonalData } from './personal-data-log-service.ts';

export interface ImportOptions {
  /** Branch for rows without 所在党支部 (required when the sheet has no such column). */
  orgRef?: string | undefined;
  dryRun: boolean;
  today: string;
  /** Show a progress bar on stderr while saving. */
  progress?: boolean;
}

/** Imports a roster file (.xlsx). Throws ValidationError listing every bad row; saves nothing then. */
export async function importRosterFile(app: AppContext, file: string, opts: ImportOptions): Promise<{ count: number }> {
  let bytes: Buffer;
  try { bytes = readFileSync(file); } catch { throw new ValidationError(`无法读取文件：${file}`, [{ field: 'file', message: '文件不存在或无法读取' }]); }
  return importRoster(app, bytes, opts);
}

/** Imports roster bytes (.xlsx). See importRosterFile. */
export async function importRoster(app: AppContext, bytes: Buffer, opts: ImportOptions): Promise<{ count: number }> {
  const orgs = await listOrganizations(app.database.db);
  const fallback = opts.orgRef ? await resolveOrg(app, opts.orgRef) : null;
  const prepared = await prepareRoster(app, async (o) => validateRoster(await readRosterSheet(bytes), o), { branches: orgs.filter((o) => isBranchLike(o.type)), fallback, today: opts.today });
  if (!prepared.ok) throw rosterError(prepared.issues);
  if (opts.dryRun) return { count: prepared.rows.length };
  return saveRoster(app, prepared, opts.progress ?? false);
}

/** One row of an import preview: what would be saved, personal data masked. */
export interface RosterPreviewRow {
  rowNumber: number;
  name: string;
  gender: 'male' | 'female';
  category: 'full' | 'probationary';
  branchName: string | null;
  idNumberMasked: string;
  phoneMasked: string | null;
  admittedOn: string | null;
  fullOn: string | null;
  positions: string[];
  /** 加入本支部日期: from the sheet, or the import date when it was left empty (`joinedOnDefaulted`). */
  joinedOn: string;
  joinedOnDefaulted: boolean;
}

/**
 * Checks a roster for `org` without saving: rows (masked) and every issue. For a branch, rows
 * without 所在党支部 go to it; rows may only name branches inside `org`'s subtree. NotFoundError
 * when `org` is outside the actor's scope, ForbiddenError for a member account.
 */
export async function previewRosterImport(app: AppContext, actor: Actor, org: Organization, bytes: Buffer, today: string): Promise<{ ok: boolean; rows: RosterPreviewRow[]; issues: FieldIssue[]; notes: string[] }> {
  const prepared = await prepareScoped(app, actor, org, bytes, today);
  const rows = prepared.rows.map((r, i) => ({
    rowNumber: r.rowNumber, name: r.name, gender: r.gender, category: r.category,
    branchName: prepared.targets[i]?.name ?? r.branchName,
    idNumberMasked: maskIdNumber(r.idNumber), phoneMasked: r.phone ? maskPhone(r.phone) : null,
    admittedOn: r.admittedOn, fullOn: r.fullOn, positions: r.positions,
    joinedOn: r.joinedOn, joinedOnDefaulted: r.joinedOnDefaulted,
  }));
  const defaulted = rows.filter((r) => r.joinedOnDefaulted).length;
  const notes = defaulted === 0 ? [] : [joinedOnNote(defaulted, today)];
  return { ok: prepared.ok, rows, issues: prepared.issues, notes };
}

/**
 * What the preview says about rows without 加入本支部日期: they join the branch on the import date,
 * so no summary of an earlier period counts them.
 */
export function joinedOnNote(rows: number, today: string): string {
  return `${rows} 行未填写“加入本支部日期”，按导入日期 ${today} 计入本支部；此前各期的统计和总结不计入这些党员。如其实际更早加入本支部，请在表中填写该列后重新预览。`;
}

/** Imports a roster into `org`'s subtree, all or nothing (ValidationError listing every issue). Scope as for the preview. */
export async function importRosterInto(app: AppContext, actor: Actor, org: Organization, bytes: Buffer, today: string): Promise<{ count: number }> {
  const prepared = await prepareScoped(app, actor, org, bytes, today);
  if (!prepared.ok) throw rosterError(prepared.issues);
  return saveRoster(app, prepared, false, actor);
}

async function prepareScoped(app: AppContext, actor: Actor, org: Organization, bytes: Buffer, today: string): Promise<Prepared> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const subtree = await orgSubtree(app, org);
  // Uploads are parsed in the worker pool, time-limited, so the server's event loop never waits on one.
  return prepareRoster(app, (o) => validateRosterOffThread(bytes, o), { branches: subtree.filter((o) => isBranchLike(o.type)), fallback: isBranchLike(org.type) ? org : null, today });
}

interface Prepared {
  ok: boolean;
  rows: RosterRow[];
  /** The branch of each row (null where it could not be found). */
  targets: Array<Organization | null>;
  issues: FieldIssue[];
}

/** `validate` reads and validates the sheet with the options given (in the worker pool for uploads). */
async function prepareRoster(app: AppContext, validate: (o: RosterOptions) => Promise<RosterResult>, opts: { branches: Organization[]; fallback: Organization | null; today: string }): Promise<Prepared> {
  const { branches, fallback } = opts;
  if (fallback && !isBranchLike(fallback.type)) {
    throw new ValidationError(`“${fallback.name}”不是党支部，党员只能导入到党支部`, [{ field: 'org', message: '应为党支部' }]);
  }
  const result = await validate({ today: opts.today, ...(fallback ? {} : { knownBranchNames: branches.map((b) => b.name) }) });
  if (!result.ok) return { ok: false, rows: [], targets: [], issues: result.issues };

  const issues: FieldIssue[] = [];
  const byName = new Map<string, Organization[]>();
  for (const b of branches) byName.set(b.name, [...(byName.get(b.name) ?? []), b]);
  const targets = result.rows.map((row: RosterRow) => {
    if (!row.branchName) return fallback;
    const found = byName.get(row.branchName) ?? [];
    if (found.length === 1) return found[0]!;
    issues.push({ row: row.rowNumber, field: '所在党支部', message: found.length === 0 ? `没有名为“${row.branchName}”的党支部` : `有多个名为“${row.branchName}”的党支部` });
    return null;
  });
  result.rows.forEach((row, i) => { if (!targets[i] && row.branchName === null) issues.push({ row: row.rowNumber, field: '所在党支部', message: '未填写，且未用 --org 指定党支部' }); });

  const hashes = result.rows.map((r) => app.crypto.blindIndex(r.idNumber.toUpperCase()));
  const existing = await existingIdNumberHashes(app.database.db, hashes);
  result.rows.forEach((row, i) => { if (existing.has(hashes[i]!)) issues.push({ row: row.rowNumber, field: '身份证号', message: '该党员已在系统中' }); });
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { ok: issues.length === 0, rows: result.rows, targets, issues };
}

async function saveRoster(app: AppContext, prepared: Prepared, progress: boolean, actor: Actor = SYSTEM_ACTOR): Promise<{ count: number }> {
  const records = prepared.rows.map((row, i) => toMemberRecord(app.crypto, {
    ...rosterRowToMember(row, { id: randomUUID(), orgId: prepared.targets[i]!.id, membershipId: randomUUID() }),
    idNumber: row.idNumber,
    phone: row.phone,
  }));
  const bar = progress ? new cliProgress.SingleBar({ format: '导入 [{bar}] {value}/{total}' }, cliProgress.Presets.shades_classic) : null;
  bar?.start(records.length, 0);
  await app.database.db.transaction(async (tx) => {
    for (let i = 0; i < records.length; i += 200) {
      await insertMembers(tx, records.slice(i, i + 200));
      bar?.update(Math.min(records.length, i + 200));
    }
    await logPersonalData(app, actor, { action: 'import', recordIds: records.map((r) => r.id), fields: LISTED_FIELDS }, tx);
  });
  bar?.stop();
  return { count: records.length };
}

function rosterError(issues: FieldIssue[]): ValidationError {
  const rows = new Set(issues.map((i) => i.row).filter((r) => r !== undefined));
  return new ValidationError(`花名册有 ${issues.length} 处错误（涉及 ${rows.size} 行），未导入任何数据`, issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
}
