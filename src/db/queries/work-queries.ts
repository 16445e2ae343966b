/**
 * Named queries for the summary's substance records: campaigns, 办实事 projects and their
 * evaluations, 整改 items, 共建 partners and honours. Each takes the database or a transaction.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Campaign, CampaignKind } from '../../domain/campaign/campaign.ts';
import type { SummaryArea } from '../../domain/activity/activity.ts';
import type { Honour, HonourRecipient } from '../../domain/honour/honour.ts';
import type { Partner } from '../../domain/partner/partner.ts';
import type { RectificationItem, RectificationSource, RectificationStatus } from '../../domain/rectification/rectification.ts';
import type { NeedSource, Rating, ServiceEvaluation, ServiceProject, ServiceStatus } from '../../domain/service-project/service-project.ts';
import type { DbOrTx } from '../client.ts';
import { campaigns, honours, partners, rectificationItems, serviceEvaluations, serviceProjects } from '../schema/index.ts';

/** A 办实事 project as stored, with its public evaluation token. */
export type ServiceProjectRow = ServiceProject & { evaluationToken: string };

const toCampaign = (r: typeof campaigns.$inferSelect): Campaign => ({
  id: r.id, orgId: r.orgId, kind: r.kind as CampaignKind, name: r.name, area: r.area as SummaryArea, from: r.from, to: r.to, result: r.result,
});
const toPartner = (r: typeof partners.$inferSelect): Partner => ({ id: r.id, orgId: r.orgId, name: r.name, agreementDate: r.agreementDate, content: r.content });
const toProject = (r: typeof serviceProjects.$inferSelect): ServiceProjectRow => ({
  id: r.id, orgId: r.orgId, campaignId: r.campaignId, title: r.title, needSource: r.needSource as NeedSource, responsible: r.responsible,
  startedOn: r.startedOn, deadline: r.deadline, status: r.status as ServiceStatus, doneOn: r.doneOn, peopleServed: r.peopleServed,
  result: r.result, evaluationToken: r.evaluationToken,
});
const toEvaluation = (r: typeof serviceEvaluations.$inferSelect): ServiceEvaluation => ({
  id: r.id, projectId: r.projectId, rating: r.rating as Rating, comment: r.comment, date: r.date,
});
const toRectification = (r: typeof rectificationItems.$inferSelect): RectificationItem => ({
  id: r.id, orgId: r.orgId, campaignId: r.campaignId, problem: r.problem, source: r.source as RectificationSource, foundOn: r.foundOn,
  measures: r.measures, responsible: r.responsible, deadline: r.deadline, status: r.status as RectificationStatus, evidence: r.evidence, closedOn: r.closedOn,
});
const toHonour = (r: typeof honours.$inferSelect): Honour => ({
  id: r.id, orgId: r.orgId, title: r.title, awardedBy: r.awardedBy, date: r.date, recipient: r.recipient as HonourRecipient, memberId: r.memberId,
});

// --- campaigns

export async function insertCampaigns(db: DbOrTx, rows: readonly Campaign[]): Promise<void> {
  if (rows.length > 0) await db.insert(campaigns).values([...rows]);
}
export async function listCampaigns(db: DbOrTx, orgIds: readonly string[]): Promise<Campaign[]> {
  if (orgIds.length === 0) return [];
  return (await db.select().from(campaigns).where(inArray(campaigns.orgId, [...orgIds])).orderBy(asc(campaigns.from), asc(campaigns.id))).map(toCampaign);
}
export async function getCampaign(db: DbOrTx, id: string): Promise<Campaign | null> {
  const [r] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return r ? toCampaign(r) : null;
}
export async function updateCampaign(db: DbOrTx, c: Campaign): Promise<void> {
  const { id, orgId: _o, ...rest } = c;
  await db.update(campaigns).set(rest).where(eq(campaigns.id, id));
}
export async function deleteCampaign(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.delete(campaigns).where(eq(campaigns.id, id)).returning({ id: campaigns.id })).length > 0;
}

// --- partners

export async function insertPartners(db: DbOrTx, rows: readonly Partner[]): Promise<void> {
  if (rows.length > 0) await db.insert(partners).values([...rows]);
}
export async function listPartners(db: DbOrTx, orgIds: readonly string[]): Promise<Partner[]> {
  if (orgIds.length === 0) return [];
  return (await db.select().from(partners).where(inArray(partners.orgId, [...orgIds])).orderBy(asc(partners.agreementDate), asc(partners.id))).map(toPartner);
}
export async function getPartner(db: DbOrTx, id: string): Promise<Partner | null> {
  const [r] = await db.select().from(partners).where(eq(partners.id, id));
  return r ? toPartner(r) : null;
}
export async function updatePartner(db: DbOrTx, p: Partner): Promise<void> {
  const { id, orgId: _o, ...rest } = p;
  await db.update(partners).set(rest).where(eq(partners.id, id));
}
export async function deletePartner(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.delete(partners).where(eq(partners.id, id)).returning({ id: partners.id })).length > 0;
}

// --- 办实事 projects and evaluations

export async function insertServiceProjects(db: DbOrTx, rows: readonly ServiceProjectRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(serviceProjects).values([...rows]);
}
export async function listServiceProjects(db: DbOrTx, orgIds: readonly string[]): Promise<ServiceProjectRow[]> {
  if (orgIds.length === 0) return [];
  return (await db.select().from(serviceProjects).where(inArray(serviceProjects.orgId, [...orgIds])).orderBy(asc(serviceProjects.startedOn), asc(serviceProjects.id))).map(toProject);
}
export async function getServiceProject(db: DbOrTx, id: string): Promise<ServiceProjectRow | null> {
  const [r] = await db.select().from(serviceProjects).where(eq(serviceProjects.id, id));
  return r ? toProject(r) : null;
}
export async function serviceProjectByToken(db: DbOrTx, token: string): Promise<ServiceProjectRow | null> {
  const [r] = await db.select().from(serviceProjects).where(eq(serviceProjects.evaluationToken, token));
  return r ? toProject(r) : null;
}
export async function updateServiceProject(db: DbOrTx, p: ServiceProject): Promise<void> {
  const { id, orgId: _o, ...rest } = p;
  await db.update(serviceProjects).set(rest).where(eq(serviceProjects.id, id));
}
export async function deleteServiceProject(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.delete(serviceProjects).where(eq(serviceProjects.id, id)).returning({ id: serviceProjects.id })).length > 0;
}
/**
 * Inserts an evaluation unless the device already answered for the project (the unique index
 * decides, so two answers racing from one device cannot both land). Returns whether it was stored.
 */
export async function insertServiceEvaluation(db: DbOrTx, e: ServiceEvaluation & { deviceKey: string }): Promise<boolean> {
  const r = await db.insert(serviceEvaluations).values(e).onConflictDoNothing({ target: [serviceEvaluations.projectId, serviceEvaluations.deviceKey] }).returning({ id: serviceEvaluations.id });
  return r.length > 0;
}
/** Evaluations of the projects (oldest first). */
export async function listServiceEvaluations(db: DbOrTx, projectIds: readonly string[]): Promise<ServiceEvaluation[]> {
  if (projectIds.length === 0) return [];
  return (await db.select().from(serviceEvaluations).where(inArray(serviceEvaluations.projectId, [...projectIds])).orderBy(asc(serviceEvaluations.createdAt), asc(serviceEvaluations.id))).map(toEvaluation);
}
/** Inserts evaluations as they are (the demo loader); device keys must be distinct per project. */
export async function insertServiceEvaluations(db: DbOrTx, rows: ReadonlyArray<ServiceEvaluation & { deviceKey: string }>): Promise<void> {
  if (rows.length > 0) await db.insert(serviceEvaluations).values([...rows]);
}

// --- 整改清单

export async function insertRectificationItems(db: DbOrTx, rows: readonly RectificationItem[]): Promise<void> {
  if (rows.length > 0) await db.insert(rectificationItems).values([...rows]);
}
export async function listRectificationItems(db: DbOrTx, orgIds: readonly string[]): Promise<RectificationItem[]> {
  if (orgIds.length === 0) return [];
  return (await db.select().from(rectificationItems).where(inArray(rectificationItems.orgId, [...orgIds])).orderBy(asc(rectificationItems.foundOn), asc(rectificationItems.id))).map(toRectification);
}
export async function getRectificationItem(db: DbOrTx, id: string): Promise<RectificationItem | null> {
  const [r] = await db.select().from(rectificationItems).where(eq(rectificationItems.id, id));
  return r ? toRectification(r) : null;
}
export async function updateRectificationItem(db: DbOrTx, r: RectificationItem): Promise<void> {
  const { id, orgId: _o, ...rest } = r;
  await db.update(rectificationItems).set(rest).where(eq(rectificationItems.id, id));
}
export async function deleteRectificationItem(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.delete(rectificationItems).where(eq(rectificationItems.id, id)).returning({ id: rectificationItems.id })).length > 0;
}

// --- honours

export async function insertHonours(db: DbOrTx, rows: readonly Honour[]): Promise<void> {
  if (rows.length > 0) await db.insert(honours).values([...rows]);
}
export async function listHonours(db: DbOrTx, orgIds: readonly string[]): Promise<Honour[]> {
  if (orgIds.length === 0) return [];
  return (await db.select().from(honours).where(inArray(honours.orgId, [...orgIds])).orderBy(asc(honours.date), asc(honours.id))).map(toHonour);
}
export async function getHonour(db: DbOrTx, id: string): Promise<Honour | null> {
  const [r] = await db.select().from(honours).where(eq(honours.id, id));
  return r ? toHonour(r) : null;
}
export async function updateHonour(db: DbOrTx, h: Honour): Promise<void> {
  const { id, orgId: _o, ...rest } = h;
  await db.update(honours).set(rest).where(eq(honours.id, id));
}
export async function deleteHonour(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.delete(honours).where(eq(honours.id, id)).returning({ id: honours.id })).length > 0;
}

/** Everything the summary reads of these records for the organizations (evaluations of their projects included). */
export async function loadWorkRecords(db: DbOrTx, orgIds: readonly string[]) {
  const [campaignList, partnerList, projects, items, honourList] = await Promise.all([
    listCampaigns(db, orgIds), listPartners(db, orgIds), listServiceProjects(db, orgIds), listRectificationItems(db, orgIds), listHonours(db, orgIds),
  ]);
  const evaluations = await listServiceEvaluations(db, projects.map((p) => p.id));
  return { campaigns: campaignList, partners: partnerList, serviceProjects: projects, evaluations, rectificationItems: items, honours: honourList };
}

/** Number of evaluations per project. */
export async function countEvaluations(db: DbOrTx, projectIds: readonly string[]): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db.select({ id: serviceEvaluations.projectId, n: sql<number>`count(*)::int` }).from(serviceEvaluations)
    .where(and(inArray(serviceEvaluations.projectId, [...projectIds]))).groupBy(serviceEvaluations.projectId);
  return new Map(rows.map((r) => [r.id, r.n]));
}
