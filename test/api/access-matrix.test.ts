/**
 * The access matrix: every /api route × every role × a target inside and outside the role's
 * scope → the expected status. Routes are collected from the running server, so a new route
 * that is not listed here fails the test. Besides statuses, no 200 answer to an organization
 * administrator may contain the ids or names of records outside its subtree.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import { SYSTEM_ACTOR } from '../../src/app/access.ts';
import type { AppContext } from '../../src/app/context.ts';
import { toMemberRecord } from '../../src/app/member-service.ts';
import { openSignIn } from '../../src/app/sign-in-service.ts';
import { deleteActivity } from '../../src/app/activity-service.ts';
import { createUser } from '../../src/app/auth-service.ts';
import { listRecycleBin } from '../../src/app/history-service.ts';
import { timeInChina, todayInChina } from '../../src/app/clock.ts';
import { addCaseStep, openCase } from '../../src/app/development-service.ts';
import { createSummary } from '../../src/app/summary-service.ts';
import { recordServiceProject } from '../../src/app/service-project-service.ts';
import { textSegments } from '../../src/app/summary-edits.ts';
import { insertActivities } from '../../src/db/queries/activity-queries.ts';
import { insertDevelopmentEvents } from '../../src/db/queries/development-queries.ts';
import { insertMembers } from '../../src/db/queries/member-queries.ts';
import { insertScan } from '../../src/db/queries/sign-in-queries.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { composeIdNumber } from '../../src/domain/member/id-number.ts';
import type { Organization } from '../../src/domain/org/org.ts';
import { writeRosterXlsx } from '../../src/render/xlsx-roster.ts';
import { makeActivity, makeDevelopmentEvent, makeMember, makeOrg } from '../factories/records.ts';
import { createTestApp } from '../support/db.ts';
import { addUser, login, type Client } from './session.ts';

type RoleName = 'anonymous' | 'admin' | 'orgAdminA' | 'orgAdminCommittee' | 'memberA';
const ROLE_NAMES: RoleName[] = ['anonymous', 'admin', 'orgAdminA', 'orgAdminCommittee', 'memberA'];
type Where = 'inside' | 'outside';
/** A status for both targets, or [inside, outside]. */
type Expect = number | [number, number];

interface Records {
  org: Organization;
  memberId: string;
  activityId: string;
  summaryId: string;
  paragraph: { id: string; texts: string[] };
  eventId: string;
  signInToken: string;
  /** A meeting today (its sign-in window is open). */
  meetingId: string;
  caseId: string;
  projectId: string;
}

interface Row {
  method: string;
  url: string;
  /** Builds the request against the target organization's records. */
  req: (t: Records) => Promise<Omit<InjectOptions, 'method'>> | Omit<InjectOptions, 'method'>;
  expect: Record<RoleName, Expect>;
  /** Use a fresh session of the role (the request ends it). */
  fresh?: boolean;
}

/** Organization-level routes: admins everywhere, organization admins in their subtree, members never. */
const managers = (ok: number): Record<RoleName, Expect> => ({ anonymous: 401, admin: ok, orgAdminA: [ok, 404], orgAdminCommittee: [ok, 404], memberA: 403 });
/** The signed-in member's own pages. */
const own: Record<RoleName, Expect> = { anonymous: 401, admin: 403, orgAdminA: 403, orgAdminCommittee: 403, memberA: 200 };
/** Organization-independent manager tools: every manager, never a member. */
const anyoneButMembers = (ok: number): Record<RoleName, Expect> => ({ anonymous: 401, admin: ok, orgAdminA: ok, orgAdminCommittee: ok, memberA: 403 });
/** Account management: administrators only, wherever the account belongs. */
const adminOnly = (ok: number): Record<RoleName, Expect> => ({ anonymous: 401, admin: ok, orgAdminA: 403, orgAdminCommittee: 403, memberA: 403 });
/** Passes the password policy. */
const STRONG = 'Matrix-重设-口令-2025!xq';
const anyone = (ok: number): Record<RoleName, Expect> => ({ anonymous: 401, admin: ok, orgAdminA: ok, orgAdminCommittee: ok, memberA: ok });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let idSeq = 100;
const PROJECT = { title: '为社区修缮路灯', needSource: 'masses' as const, responsible: '组织委员', startedOn: '2025-03-01', deadline: '2025-09-30', status: 'planned' as const, campaignId: null, doneOn: null, peopleServed: null, result: null };

describe('access matrix', () => {
  let app: AppContext;
  let server: FastifyInstance;
  const committee = makeOrg({ type: 'primaryPartyCommittee', name: '矩阵党委' });
  const branchA = makeOrg({ parent: committee, name: '矩阵一支部' });
  const branchB = makeOrg({ parent: committee, name: '矩阵二支部' });
  const otherCommittee = makeOrg({ type: 'primaryPartyCommittee', name: '另一党委' });
  const branchC = makeOrg({ parent: otherCommittee, name: '另一党委支部' });
  const recs = new Map<string, Records>();
  const clients = new Map<RoleName, Client | null>();
  const users = new Map<RoleName, string>();
  let memberAId = '';

  /** Target organization for each role: inside is branch A for everyone; outside is just beyond its scope. */
  const target = (role: RoleName, where: Where): Records => {
    if (where === 'inside') return recs.get(branchA.id)!;
    return recs.get(role === 'orgAdminA' || role === 'memberA' ? branchB.id : branchC.id)!;
  };

  const freshActivity = async (orgId: string) => {
    const a = makeActivity({ orgId, date: '2025-05-01', title: '待删除' });
    await insertActivities(app.database.db, [a]);
    return a.id;
  };
  const freshCase = async (org: Organization) => (await openCase(app, SYSTEM_ACTOR, org, { personName: '待删除申请人', birthDate: '1998-05-05', appliedOn: '2024-01-10' }, '2024-01-10')).case.id;
  /** A fresh organization administrator of `orgId`; its id. */
  const freshAccount = async (orgId: string) =>
    (await createUser(app, SYSTEM_ACTOR, { username: `matrix-fresh-${idSeq++}`, password: STRONG, role: 'orgAdmin', orgRef: orgId })).id;
  /** A fresh activity deleted into the recycle bin; its bin entry's id. */
  const binnedActivity = async (orgId: string) => {
    const id = await freshActivity(orgId);
    await deleteActivity(app, SYSTEM_ACTOR, id);
    const org = [branchA, branchB, branchC].find((o) => o.id === orgId)!;
    return (await listRecycleBin(app, SYSTEM_ACTOR, org, new Date())).find((e) => e.recordId === id)!.id;
  };
  /** A member of `orgId` for a request that changes its membership (each request needs its own). */
  const freshMember = async (orgId: string, over: Parameters<typeof makeMember>[0] = {}) => {
    const m = makeMember({ orgId, ...over });
    await insertMembers(app.database.db, [toMemberRecord(app.crypto, { ...m, idNumber: null, phone: null })]);
    return m.id;
  };
  /** A pending scan of the target's activity by a fresh member (each decision needs its own). */
  const pendingScan = async (t: Records) => {
    const id = randomUUID();
    await insertScan(app.database.db, { id, activityId: t.activityId, memberId: await freshMember(t.org.id), at: new Date(), outcome: 'pending', reason: 'notExpected' });
    return id;
  };
  const roster = async () => writeRosterXlsx([{
    name: `导入${idSeq}`, gender: 'female', ethnicity: '汉族', birthDate: '1990-01-02', education: '大学本科',
    idNumber: composeIdNumber('532801', '1990-01-02', (idSeq += 2), 'female'), phone: null, category: 'full',
    admittedOn: '2015-07-01', fullOn: '2016-07-01', branchName: null, positions: [],
  }]);

  const freshProject = async (orgId: string) => (await recordServiceProject(app, SYSTEM_ACTOR, [branchA, branchB, branchC].find((o) => o.id === orgId)!, PROJECT));
  const projectToken = async (orgId: string) => (await freshProject(orgId)).evaluationPath.split('/').pop()!;

  const ROUTES: Row[] = [
    { method: 'GET', url: '/api/service-projects', req: (t) => ({ url: `/api/service-projects?orgId=${t.org.id}` }), expect: managers(200) },
    { method: 'POST', url: '/api/service-projects', req: (t) => ({ payload: { orgId: t.org.id, ...PROJECT } }), expect: managers(201) },
    { method: 'PUT', url: '/api/service-projects/:id', req: (t) => ({ url: `/api/service-projects/${t.projectId}`, payload: { ...PROJECT, status: 'inProgress' } }), expect: managers(200) },
    { method: 'DELETE', url: '/api/service-projects/:id', req: async (t) => ({ url: `/api/service-projects/${(await freshProject(t.org.id)).id}` }), expect: managers(204) },
    { method: 'GET', url: '/api/service-projects/:id/evaluation-link', req: (t) => ({ url: `/api/service-projects/${t.projectId}/evaluation-link` }), expect: managers(200) },
    // The public 群众评议 needs no login: anyone with the link, signed in or not (it names the project's branch, so the link is branch A's for all).
    { method: 'GET', url: '/api/public/evaluations/:token', req: async () => ({ url: `/api/public/evaluations/${await projectToken(branchA.id)}` }), expect: { anonymous: 200, admin: 200, orgAdminA: 200, orgAdminCommittee: 200, memberA: 200 } },
    { method: 'POST', url: '/api/public/evaluations/:token', req: async () => ({ url: `/api/public/evaluations/${await projectToken(branchA.id)}`, payload: { rating: 'satisfied' } }), expect: { anonymous: 201, admin: 201, orgAdminA: 201, orgAdminCommittee: 201, memberA: 201 } },
    { method: 'POST', url: '/api/auth/login', req: () => ({ payload: { username: users.get('admin'), password: 'correct horse battery' } }), expect: { anonymous: 200, admin: 200, orgAdminA: 200, orgAdminCommittee: 200, memberA: 200 } },
    { method: 'POST', url: '/api/auth/logout', req: () => ({}), expect: anyone(204), fresh: true },
    { method: 'GET', url: '/api/auth/me', req: () => ({}), expect: anyone(200) },
    // First-run setup is public while no account exists; here accounts exist.
    { method: 'GET', url: '/api/setup', req: () => ({}), expect: { anonymous: 200, admin: 200, orgAdminA: 200, orgAdminCommittee: 200, memberA: 200 } },
    {
      method: 'POST', url: '/api/setup', req: () => ({ payload: { token: 'x', username: 'late', password: 'late-password-1' } }),
      expect: { anonymous: 409, admin: 409, orgAdminA: 409, orgAdminCommittee: 409, memberA: 409 },
    },
    { method: 'GET', url: '/api/orgs', req: () => ({}), expect: { ...managers(200), orgAdminA: 200, orgAdminCommittee: 200 } },
    { method: 'GET', url: '/api/orgs/:id', req: (t) => ({ url: `/api/orgs/${t.org.id}` }), expect: managers(200) },
    { method: 'GET', url: '/api/members', req: (t) => ({ url: `/api/members?orgId=${t.org.id}` }), expect: managers(200) },
    { method: 'GET', url: '/api/members/:id', req: (t) => ({ url: `/api/members/${t.memberId}` }), expect: managers(200) },
    { method: 'PUT', url: '/api/members/:id', req: (t) => ({ url: `/api/members/${t.memberId}`, payload: { education: '研究生' } }), expect: managers(200) },
    { method: 'POST', url: '/api/members/:id/membership/end', req: async (t) => ({ url: `/api/members/${await freshMember(t.org.id)}/membership/end`, payload: { kind: 'deceased', date: '2025-06-01' } }), expect: managers(200) },
    { method: 'POST', url: '/api/members/:id/membership/start', req: async (t) => ({ url: `/api/members/${await freshMember(t.org.id, { status: 'transferredOut', leftOn: '2025-01-01' })}/membership/start`, payload: { date: '2025-06-01', orgId: t.org.id } }), expect: managers(200) },
    { method: 'GET', url: '/api/members/export', req: (t) => ({ url: `/api/members/export?orgId=${t.org.id}` }), expect: managers(200) },
    { method: 'POST', url: '/api/members/import/preview', req: async (t) => ({ url: `/api/members/import/preview?orgId=${t.org.id}`, payload: await roster(), headers: { 'content-type': XLSX } }), expect: managers(200) },
    { method: 'POST', url: '/api/members/import', req: async (t) => ({ url: `/api/members/import?orgId=${t.org.id}`, payload: await roster(), headers: { 'content-type': XLSX } }), expect: managers(200) },
    { method: 'GET', url: '/api/activities', req: (t) => ({ url: `/api/activities?orgId=${t.org.id}` }), expect: managers(200) },
    { method: 'POST', url: '/api/activities', req: (t) => ({ payload: { orgId: t.org.id, kind: 'branchCommitteeMeeting', date: '2025-06-01', title: '支委会', allowDuplicate: true } }), expect: managers(201) },
    { method: 'GET', url: '/api/activities/:id', req: (t) => ({ url: `/api/activities/${t.activityId}` }), expect: managers(200) },
    { method: 'DELETE', url: '/api/activities/:id', req: async (t) => ({ url: `/api/activities/${await freshActivity(t.org.id)}` }), expect: managers(204) },
    {
      method: 'PUT', url: '/api/activities/:id',
      req: async (t) => ({ url: `/api/activities/${await freshActivity(t.org.id)}`, payload: { kind: 'themedPartyDay', date: '2025-04-10', title: '改过的主题党日', studyHours: 2, allowDuplicate: true } }),
      expect: managers(200),
    },
    { method: 'GET', url: '/api/personal-data-log', req: () => ({ url: '/api/personal-data-log?limit=5' }), expect: { anonymous: 401, admin: 200, orgAdminA: 403, orgAdminCommittee: 403, memberA: 403 } },
    { method: 'GET', url: '/api/history', req: (t) => ({ url: `/api/history?type=activity&id=${t.activityId}` }), expect: managers(200) },
    { method: 'GET', url: '/api/recycle-bin', req: (t) => ({ url: `/api/recycle-bin?orgId=${t.org.id}` }), expect: managers(200) },
    { method: 'POST', url: '/api/recycle-bin/:id/restore', req: async (t) => ({ url: `/api/recycle-bin/${await binnedActivity(t.org.id)}/restore` }), expect: managers(200) },
    { method: 'POST', url: '/api/activities/:id/sign-in', req: (t) => ({ url: `/api/activities/${t.meetingId}/sign-in`, payload: {} }), expect: managers(200) },
    { method: 'GET', url: '/api/activities/:id/sign-ins', req: (t) => ({ url: `/api/activities/${t.activityId}/sign-ins` }), expect: managers(200) },
    { method: 'POST', url: '/api/activities/:id/sign-ins/:scanId/confirm', req: async (t) => ({ url: `/api/activities/${t.activityId}/sign-ins/${await pendingScan(t)}/confirm` }), expect: managers(200) },
    { method: 'POST', url: '/api/activities/:id/sign-ins/:scanId/reject', req: async (t) => ({ url: `/api/activities/${t.activityId}/sign-ins/${await pendingScan(t)}/reject` }), expect: managers(200) },
    { method: 'GET', url: '/api/accounts', req: () => ({}), expect: adminOnly(200) },
    { method: 'POST', url: '/api/accounts', req: (t) => ({ payload: { username: `matrix-account-${idSeq++}`, password: STRONG, role: 'orgAdmin', orgId: t.org.id } }), expect: adminOnly(201) },
    { method: 'PUT', url: '/api/accounts/:id/disabled', req: async (t) => ({ url: `/api/accounts/${await freshAccount(t.org.id)}/disabled`, payload: { disabled: true } }), expect: adminOnly(200) },
    { method: 'POST', url: '/api/accounts/:id/password', req: async (t) => ({ url: `/api/accounts/${await freshAccount(t.org.id)}/password`, payload: { password: STRONG } }), expect: adminOnly(200) },
    { method: 'POST', url: '/api/sign-in', req: (t) => ({ payload: { token: t.signInToken } }), expect: { anonymous: 401, admin: 403, orgAdminA: 403, orgAdminCommittee: 403, memberA: [200, 404] } },
    { method: 'GET', url: '/api/stats', req: (t) => ({ url: `/api/stats?orgId=${t.org.id}&year=2025` }), expect: managers(200) },
    { method: 'POST', url: '/api/reports', req: (t) => ({ payload: { orgId: t.org.id, year: 2025, format: 'json' } }), expect: managers(200) },
    {
      method: 'POST', url: '/api/documents/check',
      req: (t) => ({ url: `/api/documents/check?orgId=${t.org.id}&year=2025`, headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: '测试党支部2025年度党建工作总结\n一、主要工作\n召开支委会议12次。\n' }),
      expect: managers(200),
    },
    {
      method: 'POST', url: '/api/documents/analyze',
      req: () => ({ url: '/api/documents/analyze?name=a.txt', headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: '测试党支部2025年度党建工作总结\n召开支委会议12次。\n' }),
      expect: anyoneButMembers(200),
    },
    {
      method: 'POST', url: '/api/documents/table',
      req: () => ({ payload: { rows: [{ file: 'a.txt', title: 't', org: null, year: 2025, period: 'annual', stats: { 'activities.branchCommitteeMeeting': 12 }, otherStats: [], placeholders: 0 }] } }),
      expect: anyoneButMembers(200),
    },
    { method: 'GET', url: '/api/dashboard', req: (t) => ({ url: `/api/dashboard?orgId=${t.org.id}&year=2025` }), expect: managers(200) },
    { method: 'POST', url: '/api/summaries', req: (t) => ({ payload: { orgId: t.org.id, year: 2025 } }), expect: managers(201) },
    { method: 'GET', url: '/api/summaries', req: (t) => ({ url: `/api/summaries?orgId=${t.org.id}` }), expect: managers(200) },
    { method: 'GET', url: '/api/summaries/:id', req: (t) => ({ url: `/api/summaries/${t.summaryId}` }), expect: managers(200) },
    { method: 'PUT', url: '/api/summaries/:id/paragraphs/:paragraphId', req: (t) => ({ url: `/api/summaries/${t.summaryId}/paragraphs/${t.paragraph.id}`, payload: { texts: t.paragraph.texts } }), expect: managers(200) },
    { method: 'POST', url: '/api/summaries/:id/regenerate', req: (t) => ({ url: `/api/summaries/${t.summaryId}/regenerate` }), expect: managers(200) },
    { method: 'GET', url: '/api/summaries/:id/export', req: (t) => ({ url: `/api/summaries/${t.summaryId}/export?format=md` }), expect: managers(200) },
    // Out-of-scope records are left out of the answer (checked by the leak check), never an error.
    { method: 'GET', url: '/api/records', req: (t) => ({ url: `/api/records?ids=activity:${t.activityId},member:${t.memberId},developmentEvent:${t.eventId},organization:${t.org.id}` }), expect: { ...managers(200), orgAdminA: 200, orgAdminCommittee: 200 } },
    { method: 'GET', url: '/api/me/attendance', req: () => ({ url: '/api/me/attendance?year=2025' }), expect: own },
    { method: 'GET', url: '/api/me/study-hours', req: () => ({ url: '/api/me/study-hours?year=2025' }), expect: own },
    { method: 'GET', url: '/api/me/upcoming', req: () => ({}), expect: own },
    { method: 'GET', url: '/api/development/cases', req: (t) => ({ url: `/api/development/cases?orgId=${t.org.id}` }), expect: managers(200) },
    { method: 'POST', url: '/api/development/cases', req: (t) => ({ payload: { orgId: t.org.id, personName: '矩阵申请人', birthDate: '1999-01-01', appliedOn: '2025-03-01' } }), expect: managers(201) },
    { method: 'GET', url: '/api/development/cases/:id', req: (t) => ({ url: `/api/development/cases/${t.caseId}` }), expect: managers(200) },
    { method: 'PATCH', url: '/api/development/cases/:id', req: (t) => ({ url: `/api/development/cases/${t.caseId}`, payload: { birthDate: '1998-05-06', reason: '矩阵更正' } }), expect: managers(200) },
    { method: 'DELETE', url: '/api/development/cases/:id', req: async (t) => ({ url: `/api/development/cases/${await freshCase(t.org)}` }), expect: managers(204) },
    { method: 'POST', url: '/api/development/cases/:id/steps', req: (t) => ({ url: `/api/development/cases/${t.caseId}/steps`, payload: { step: 'activistAssessment', date: '2025-11-01' } }), expect: managers(200) },
    { method: 'GET', url: '/api/dues/ledger', req: (t) => ({ url: `/api/dues/ledger?orgId=${t.org.id}&year=2025` }), expect: managers(200) },
    { method: 'GET', url: '/api/dues/ledger/export', req: (t) => ({ url: `/api/dues/ledger/export?orgId=${t.org.id}&year=2025` }), expect: managers(200) },
    { method: 'GET', url: '/api/dues/collection', req: (t) => ({ url: `/api/dues/collection?orgId=${t.org.id}&year=2025` }), expect: managers(200) },
    { method: 'GET', url: '/api/dues/rates', req: (t) => ({ url: `/api/dues/rates?memberId=${t.memberId}` }), expect: managers(200) },
    { method: 'POST', url: '/api/dues/rates', req: (t) => ({ payload: { memberId: t.memberId, from: '2025-01', category: 'employed', base: '6000' } }), expect: managers(200) },
    { method: 'POST', url: '/api/dues/payments', req: (t) => ({ payload: { memberId: t.memberId, months: ['2025-02'], paidOn: '2025-02-10', amount: '90' } }), expect: managers(201) },
    { method: 'GET', url: '/api/compliance', req: (t) => ({ url: `/api/compliance?orgId=${t.org.id}&year=2025` }), expect: managers(200) },
    { method: 'GET', url: '/api/orgs/:id/regulation-settings', req: (t) => ({ url: `/api/orgs/${t.org.id}/regulation-settings` }), expect: managers(200) },
    { method: 'PUT', url: '/api/orgs/:id/regulation-settings', req: (t) => ({ url: `/api/orgs/${t.org.id}/regulation-settings`, payload: { partyLectureFrequency: 'yearly' } }), expect: managers(200) },
  ];

  beforeAll(async () => {
    app = await createTestApp('pglite');
    const db = app.database.db;
    await insertOrganizations(db, [committee, otherCommittee, branchA, branchB, branchC]);
    for (const org of [branchA, branchB, branchC]) {
      const ms = [makeMember({ positions: ['secretary'] }, org), makeMember({}, org)];
      await insertMembers(db, ms.map((m) => toMemberRecord(app.crypto, { ...m, idNumber: null, phone: null })));
      const act = makeActivity({ orgId: org.id, kind: 'themedPartyDay', date: '2025-04-10', studyHours: 2, present: ms });
      await insertActivities(db, [act]);
      const ev = makeDevelopmentEvent({ orgId: org.id, date: '2025-03-01' });
      await insertDevelopmentEvents(db, [ev]);
      const s = await createSummary(app, SYSTEM_ACTOR, org, { year: 2025 }, undefined, new Date());
      const p = s.draft.blocks.find((b) => b.type === 'paragraph' && b.inlines.some((i) => i.type === 'number'));
      if (!p || p.type !== 'paragraph') throw new Error('no paragraph with numbers');
      // A meeting today, so that its code is valid now.
      const now = new Date();
      const meeting = makeActivity({ orgId: org.id, kind: 'themedPartyDay', date: todayInChina(now), title: '今日主题党日' });
      await insertActivities(db, [meeting]);
      const sign = await openSignIn(app, SYSTEM_ACTOR, meeting.id, now, (t) => t, { startTime: timeInChina(now) });
      const kase = await openCase(app, SYSTEM_ACTOR, org, { personName: `${org.name}申请人`, birthDate: '1998-05-05', appliedOn: '2024-01-10' }, '2024-01-10');
      await addCaseStep(app, SYSTEM_ACTOR, kase.case.id, { step: 'applicantTalk', date: '2024-01-20' }, '2024-01-20', new Date());
      await addCaseStep(app, SYSTEM_ACTOR, kase.case.id, { step: 'activistConfirmed', date: '2024-06-01' }, '2024-06-01', new Date());
      const project = await recordServiceProject(app, SYSTEM_ACTOR, org, PROJECT);
      recs.set(org.id, { org, memberId: ms[0]!.id, activityId: act.id, summaryId: s.id, paragraph: { id: p.id, texts: textSegments(p.inlines).map((x) => x + '（改）') }, eventId: ev.id, signInToken: sign.token, meetingId: meeting.id, caseId: kase.case.id, projectId: project.id });
      if (org === branchA) memberAId = ms[1]!.id;
    }
    server = await buildServer(app, { today: () => '2025-12-01' });
    users.set('admin', await addUser(app, 'admin'));
    users.set('orgAdminA', await addUser(app, 'orgAdmin', { orgId: branchA.id }));
    users.set('orgAdminCommittee', await addUser(app, 'orgAdmin', { orgId: committee.id }));
    users.set('memberA', await addUser(app, 'member', { memberId: memberAId }));
    clients.set('anonymous', null);
    for (const r of ROLE_NAMES.slice(1)) clients.set(r, await login(server, users.get(r)!));
  }, 180_000);
  afterAll(async () => { await server?.close(); await app?.close(); });

  it('lists every /api route of the server', async () => {
    await server.ready();
    const served = collectRoutes(server.printRoutes({ commonPrefix: false }));
    const listed = new Set(ROUTES.map((r) => `${r.method} ${r.url}`));
    const missing = served.filter((r) => !listed.has(r));
    expect(missing, 'routes missing from the access matrix (add a row with the expected status per role)').toEqual([]);
    expect([...listed].filter((r) => !served.includes(r)), 'matrix rows for routes that no longer exist').toEqual([]);
  });

  /** Ids and names an organization administrator must never receive. */
  const forbiddenFor = (role: RoleName): string[] => {
    const outside = role === 'orgAdminA' ? [branchB, branchC] : role === 'orgAdminCommittee' ? [branchC] : [];
    return outside.flatMap((o) => { const r = recs.get(o.id)!; return [o.name, r.memberId, r.activityId, r.summaryId, r.eventId, r.caseId]; });
  };

  for (const row of ROUTES) {
    it(`${row.method} ${row.url}`, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const role of ROLE_NAMES) {
        for (const where of ['inside', 'outside'] as const) {
          const e = row.expect[role];
          const expected = Array.isArray(e) ? e[where === 'inside' ? 0 : 1] : e;
          const built = await row.req(target(role, where));
          const opts = { url: row.url, ...built, method: row.method } as InjectOptions;
          let client = clients.get(role) ?? null;
          if (client && row.fresh) client = await login(server, users.get(role)!);
          const res = client ? await client.send(opts) : await server.inject(opts);
          got.push(`${role}/${where}: ${res.statusCode}`);
          want.push(`${role}/${where}: ${expected}`);
          if (res.statusCode < 300) for (const s of forbiddenFor(role)) expect(res.body, `${role} ${where} leaks ${s}`).not.toContain(s);
        }
      }
      expect(got).toEqual(want);
    }, 30_000);
  }
});

/** `METHOD /path` of every /api route in Fastify's route tree (HEAD is implied by GET). */
function collectRoutes(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    stack.length = depth + 1;
    if (!path.startsWith('/api/')) continue;
    for (const method of m[3]!.split(',').map((s) => s.trim())) if (method !== 'HEAD') out.push(`${method} ${path}`);
  }
  return out.sort();
}
