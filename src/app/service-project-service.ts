/**
 * Use cases for 我为群众办实事 projects and their 群众评议: record, list, edit and delete projects
 * (managers, in scope), the evaluation link and its QR code, and the public evaluation a person
 * gives without logging in — anonymous, one answer per device per project (the unique index on
 * project and device key decides), and rate-limited per address.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import QRCode from 'qrcode';
import type { LocalDate } from '../domain/common/dates.ts';
import { ConflictError, NotFoundError, ThrottledError, ValidationError } from '../domain/errors.ts';
import type { Organization } from '../domain/org/org.ts';
import { SERVICE_STATUSES, satisfactionRate, validateServiceProject, type ServiceEvaluation, type ServiceProject } from '../domain/service-project/service-project.ts';
import type { ServiceProjectFields, ServiceProjectView } from '../contract/service-projects.ts';
import { getOrganization } from '../db/queries/org-queries.ts';
import {
  deleteServiceProject as deleteRow, getCampaign, getServiceProject, insertServiceEvaluation, insertServiceProjects, listServiceEvaluations,
  listServiceProjects, serviceProjectByToken, updateServiceProject as updateRow, type ServiceProjectRow,
} from '../db/queries/work-queries.ts';
import { assertOrgInScope, assertRecordOrgInScope, assertRole, MANAGERS, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { orgSubtree } from './org-service.ts';

const NOT_FOUND = '找不到该办实事项目';
const LINK_NOT_FOUND = '评议链接无效或项目已删除';

/** Public evaluations per address: at most `max` answers in `windowMs` (spam of the open page). */
export const EVALUATION_RATE_LIMIT = { max: 20, windowMs: 10 * 60_000 } as const;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function view(p: ServiceProjectRow, evals: readonly ServiceEvaluation[]): ServiceProjectView {
  const { evaluationToken, ...rest } = p;
  const mine = evals.filter((e) => e.projectId === p.id);
  return {
    ...rest,
    evaluationPath: `/evaluate/${evaluationToken}`,
    evaluations: {
      total: mine.length,
      satisfied: mine.filter((e) => e.rating === 'satisfied').length,
      basicallySatisfied: mine.filter((e) => e.rating === 'basicallySatisfied').length,
      dissatisfied: mine.filter((e) => e.rating === 'dissatisfied').length,
      satisfactionRate: satisfactionRate(mine),
    },
  };
}

async function checkCampaign(app: AppContext, org: Organization, campaignId: string | null): Promise<void> {
  if (!campaignId) return;
  const c = await getCampaign(app.database.db, campaignId);
  const scope = new Set((await orgSubtree(app, org)).map((o) => o.id));
  if (!c || !scope.has(c.orgId)) throw new ValidationError('所选专项工作不存在或不属于本组织', [{ field: 'campaignId', message: '无效' }]);
}

/** Records a project of `org`. ValidationError for bad fields; NotFoundError outside the actor's scope. */
export async function recordServiceProject(app: AppContext, actor: Actor, org: Organization, input: ServiceProjectFields): Promise<ServiceProjectView> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const p: ServiceProject = { ...input, id: randomUUID(), orgId: org.id };
  validateServiceProject(p);
  await checkCampaign(app, org, p.campaignId);
  // The link's token: random and unguessable, since the page needs no login.
  const row: ServiceProjectRow = { ...p, evaluationToken: randomBytes(18).toString('base64url') };
  await insertServiceProjects(app.database.db, [row]);
  return view(row, []);
}

/** Projects of `org` and its subtree, oldest first, with their evaluation counts. */
export async function listServiceProjectsOf(app: AppContext, actor: Actor, org: Organization): Promise<ServiceProjectView[]> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const db = app.database.db;
  const rows = await listServiceProjects(db, (await orgSubtree(app, org)).map((o) => o.id));
  const evals = await listServiceEvaluations(db, rows.map((r) => r.id));
  return rows.map((r) => view(r, evals));
}

async function loadScoped(app: AppContext, actor: Actor, id: string): Promise<{ row: ServiceProjectRow; org: Organization }> {
  assertRole(actor, MANAGERS);
  const row = await getServiceProject(app.database.db, id);
  if (!row) throw new NotFoundError(NOT_FOUND);
  const org = await assertRecordOrgInScope(app, actor, row.orgId, NOT_FOUND);
  return { row, org };
}

/** Replaces a project's fields (its link stays). NotFoundError outside scope; ValidationError for bad fields. */
export async function editServiceProject(app: AppContext, actor: Actor, id: string, input: ServiceProjectFields): Promise<ServiceProjectView> {
  const { row, org } = await loadScoped(app, actor, id);
  const p: ServiceProject = { ...input, id: row.id, orgId: row.orgId };
  validateServiceProject(p);
  await checkCampaign(app, org, p.campaignId);
  await updateRow(app.database.db, p);
  return view({ ...p, evaluationToken: row.evaluationToken }, await listServiceEvaluations(app.database.db, [id]));
}

/** Deletes a project with its evaluations. NotFoundError outside scope. */
export async function removeServiceProject(app: AppContext, actor: Actor, id: string): Promise<void> {
  await loadScoped(app, actor, id);
  if (!(await deleteRow(app.database.db, id))) throw new NotFoundError(NOT_FOUND);
}

/** The public evaluation link of a project and its QR code (SVG). `urlFor` builds the absolute URL from the path. */
export async function evaluationLink(app: AppContext, actor: Actor, id: string, urlFor: (path: string) => string): Promise<{ url: string; qrSvg: string }> {
  const { row } = await loadScoped(app, actor, id);
  const url = urlFor(`/evaluate/${row.evaluationToken}`);
  return { url, qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
}

/** What the public page shows: the item, the organization and the status. NotFoundError for an unknown token. */
export async function publicProject(app: AppContext, token: string): Promise<{ title: string; orgName: string; status: ServiceProject['status']; statusLabel: string }> {
  const p = await serviceProjectByToken(app.database.db, token);
  if (!p) throw new NotFoundError(LINK_NOT_FOUND);
  const org = await getOrganization(app.database.db, p.orgId);
  return { title: p.title, orgName: org?.name ?? '', status: p.status, statusLabel: SERVICE_STATUSES[p.status] };
}

/** Who is answering, as the edge sees it: a device cookie when the browser sent one, and the address and browser. */
export interface Respondent {
  /** The long-lived device cookie (random), if present. */
  deviceCookie: string | null;
  address: string;
  userAgent: string;
}

const recent = new LRUCache<string, number[]>({ max: 50_000, ttl: EVALUATION_RATE_LIMIT.windowMs });

/**
 * Stores a 群众评议 answer. One answer per device per project: the device is its cookie, or
 * without one a hash of address and browser (the page sets the cookie on first view). Throws
 * NotFoundError for an unknown token, ConflictError when the device already answered,
 * ThrottledError past `EVALUATION_RATE_LIMIT` answers from one address.
 */
export async function evaluate(app: AppContext, token: string, answer: { rating: ServiceEvaluation['rating']; comment: string | null }, who: Respondent, today: LocalDate, now: Date): Promise<{ accepted: true }> {
  const p = await serviceProjectByToken(app.database.db, token);
  if (!p) throw new NotFoundError(LINK_NOT_FOUND);
  const addressKey = sha256(`addr:${who.address}`);
  const times = (recent.get(addressKey) ?? []).filter((t) => now.getTime() - t < EVALUATION_RATE_LIMIT.windowMs);
  if (times.length >= EVALUATION_RATE_LIMIT.max) throw new ThrottledError('提交过于频繁，请稍后再试');
  recent.set(addressKey, [...times, now.getTime()]);
  // Only hashes are kept: the answer stays anonymous.
  const deviceKey = who.deviceCookie ? sha256(`cookie:${who.deviceCookie}`) : sha256(`fp:${who.address}|${who.userAgent}`);
  const stored = await insertServiceEvaluation(app.database.db, { id: randomUUID(), projectId: p.id, rating: answer.rating, comment: answer.comment, date: today, deviceKey });
  if (!stored) throw new ConflictError('该设备已对此项目提交过评议，感谢参与');
  return { accepted: true };
}

/** Clears the per-address counters (tests). */
export function resetEvaluationLimits(): void { recent.clear(); }
