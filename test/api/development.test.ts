/**
 * A development case walked from application to 转正 through the API, with the legal dates the
 * engine gives at each step (regulations.md §10: TV-09, TV-10, TV-13), and impossible steps
 * refused with HTTP 400 and a message that cites the rule. Also the compliance and dues routes
 * on the same records.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { toMemberRecord } from '../../src/app/member-service.ts';
import { insertMembers } from '../../src/db/queries/member-queries.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { makeMember, makeOrg } from '../factories/records.ts';
import { createTestApp } from '../support/db.ts';
import { addUser, login, type Client } from './session.ts';

describe('development case through the API', () => {
  let app: AppContext;
  let server: FastifyInstance;
  let client: Client;
  let today = '2026-01-31';
  const committee = makeOrg({ type: 'primaryPartyCommittee', name: '走流程党委' });
  const branch = makeOrg({ parent: committee, name: '走流程支部' });
  const sponsorA = makeMember({ name: '介绍人甲' }, branch);
  const sponsorB = makeMember({ name: '介绍人乙' }, branch);
  const probationer = makeMember({ name: '预备党员丙', category: 'probationary', admittedOn: '2027-06-18', fullOn: null, appliedOn: '2026-01-31' }, branch);
  let caseId = '';

  beforeAll(async () => {
    app = await createTestApp('pglite');
    await insertOrganizations(app.database.db, [committee, branch]);
    await insertMembers(app.database.db, [sponsorA, sponsorB, probationer].map((m) => toMemberRecord(app.crypto, { ...m, idNumber: null, phone: null })));
    server = await buildServer(app, { today: () => today });
    client = await login(server, await addUser(app, 'orgAdmin', { orgId: committee.id }));
  }, 60_000);
  afterAll(async () => { await server?.close(); await app?.close(); });

  const step = async (date: string, body: Record<string, unknown>) => {
    today = date;
    const r = await client.send({ method: 'POST', url: `/api/development/cases/${caseId}/steps`, payload: { date, ...body } });
    return { status: r.statusCode, body: r.json() };
  };
  const next = (b: { nextSteps: Array<{ step: string; earliest: string | null; latest: string | null; hardLatest?: string }> }, s: string) => b.nextSteps.find((n) => n.step === s);

  it('opens the case: the talk is due within a month, clamped to the month end (TV-09)', async () => {
    const r = await client.send({ method: 'POST', url: '/api/development/cases', payload: { orgId: branch.id, personName: '预备党员丙', birthDate: '2000-05-05', appliedOn: '2026-01-31' } });
    expect(r.statusCode).toBe(201);
    caseId = r.json().case.id;
    expect(next(r.json(), 'applicantTalk')).toMatchObject({ earliest: '2026-01-31', latest: '2026-02-28' });
  });

  it('refuses an applicant under 18 with the rule cited (DEV-01)', async () => {
    const r = await client.send({ method: 'POST', url: '/api/development/cases', payload: { orgId: branch.id, personName: '少年', birthDate: '2008-02-01', appliedOn: '2026-01-31' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/未满十八岁.*（《中国共产党发展党员工作细则》第五条/);
  });

  it('walks activist → candidate with the half-yearly assessments and the one-year wait (TV-10), refusing a candidate too early (DEV-08)', async () => {
    expect((await step('2026-02-20', { step: 'applicantTalk' })).status).toBe(200);
    const a = await step('2026-04-10', { step: 'activistConfirmed' });
    expect(next(a.body, 'activistAssessment')).toMatchObject({ latest: '2026-10-10' });
    expect(next(a.body, 'candidateConfirmed')).toMatchObject({ earliest: '2027-04-10' });
    await step('2026-04-15', { step: 'activistFiled' });
    await step('2026-04-15', { step: 'contactsAssigned' });
    const s1 = await step('2026-10-09', { step: 'activistAssessment' });
    expect(next(s1.body, 'activistAssessment')).toMatchObject({ latest: '2027-04-10' });
    await step('2027-04-01', { step: 'activistAssessment' });

    const early = await step('2027-04-09', { step: 'candidateConfirmed' });
    expect(early.status).toBe(400);
    expect(early.body.message).toContain('2027-04-10起方可确定为发展对象');
    expect(early.body.message).toMatch(/《中国共产党发展党员工作细则》第[一二三四五六七八九十]+条/);
    expect((await step('2027-04-10', { step: 'candidateConfirmed' })).status).toBe(200);
  });

  it('refuses admission without sponsors, review and training (DEV-10/11/12), then admits; approval due in 3 months, at most 6 (TV-13)', async () => {
    await step('2027-04-12', { step: 'candidateFiled' });
    await step('2027-04-20', { step: 'committeeReview' });
    await step('2027-05-20', { step: 'preReview', passed: true });
    await step('2027-05-25', { step: 'applicationFormFilled' });
    const refused = await step('2027-06-18', { step: 'admissionMeeting' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('没有两名正式党员作入党介绍人');
    expect(refused.body.message).toContain('未经政治审查');
    expect(refused.body.message).toContain('未参加集中培训');
    const oneSponsor = await step('2027-04-15', { step: 'sponsorsAppointed', sponsorMemberIds: [sponsorA.id] });
    expect(oneSponsor.status).toBe(400);
    expect(oneSponsor.body.message).toContain('两名入党介绍人');
    expect((await step('2027-04-15', { step: 'sponsorsAppointed', sponsorMemberIds: [sponsorA.id, sponsorB.id] })).status).toBe(200);
    await step('2027-04-30', { step: 'politicalReview', passed: true });
    await step('2027-05-10', { step: 'concentratedTraining', training: { days: 3, hours: 18 } });
    const admitted = await step('2027-06-18', { step: 'admissionMeeting', memberId: probationer.id });
    expect(admitted.status).toBe(200);
    expect(admitted.body.case.memberId).toBe(probationer.id);
    expect(next(admitted.body, 'admissionApproved')).toMatchObject({ earliest: '2027-06-18', latest: '2027-09-18', hardLatest: '2027-12-18' });
  });

  it('sets the probation end a year after the meeting; 转正 before it is refused (DEV-20); approval due 3 months after the meeting (DEV-23)', async () => {
    await step('2027-07-01', { step: 'higherCommitteeTalk' });
    const approved = await step('2027-08-01', { step: 'admissionApproved' });
    expect(next(approved.body, 'fullMembershipMeeting')).toMatchObject({ earliest: '2028-06-18', latest: '2028-06-18' });
    await step('2027-08-10', { step: 'oath' });
    await step('2027-08-10', { step: 'assignedToBranch' });
    await step('2027-08-20', { step: 'admissionFiled' });
    await step('2028-05-20', { step: 'fullMembershipApplication' });
    const tooEarly = await step('2028-06-10', { step: 'fullMembershipMeeting', outcome: 'full' });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.message).toContain('预备期至2028-06-18届满');
    const meeting = await step('2028-06-25', { step: 'fullMembershipMeeting', outcome: 'full' });
    expect(meeting.status).toBe(200);
    expect(next(meeting.body, 'fullMembershipApproved')).toMatchObject({ latest: '2028-09-25' });
    const done = await step('2028-07-10', { step: 'fullMembershipApproved' });
    expect(done.body.nextSteps.map((n: { step: string }) => n.step)).toEqual(['archived']);
    expect(done.body.findings).toEqual([]);
    expect(done.body.stage).toBe(5);
  });

  it('lists the case and reads it back; another organization\'s admin gets 404', async () => {
    const list = await client.send({ method: 'GET', url: `/api/development/cases?orgId=${committee.id}` });
    expect(list.json().items.map((c: { case: { personName: string } }) => c.case.personName)).toEqual(['预备党员丙']);
    const other = makeOrg({ type: 'primaryPartyCommittee', name: '走流程别的党委' });
    await insertOrganizations(app.database.db, [other]);
    const outsider = await login(server, await addUser(app, 'orgAdmin', { orgId: other.id }));
    expect((await outsider.send({ method: 'GET', url: `/api/development/cases/${caseId}` })).statusCode).toBe(404);
    expect((await outsider.send({ method: 'POST', url: `/api/development/cases/${caseId}/steps`, payload: { step: 'archived', date: '2028-07-11' } })).statusCode).toBe(404);
  });

  it('compliance lists arrears and what is due; the dues ledger and collection follow the payments', async () => {
    today = '2026-11-20';
    const rate = await client.send({ method: 'POST', url: '/api/dues/rates', payload: { memberId: sponsorA.id, from: '2026-01', category: 'employed', base: '3000.00' } });
    expect(rate.statusCode).toBe(200);
    expect(rate.json().rate.amountFen).toBe(1500);
    expect(rate.json().calculation.ruleText).toContain('3000元以下（含3000元）');
    const pay = await client.send({ method: 'POST', url: '/api/dues/payments', payload: { memberId: sponsorA.id, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'], paidOn: '2026-08-05' } });
    expect(pay.statusCode).toBe(201);
    const bad = await client.send({ method: 'POST', url: '/api/dues/payments', payload: { memberId: sponsorA.id, months: ['2026-13'], paidOn: '2026-08-05' } });
    expect(bad.statusCode).toBe(400);
    const c = await client.send({ method: 'GET', url: `/api/compliance?orgId=${committee.id}&year=2026` });
    expect(c.statusCode).toBe(200);
    const arrears = c.json().findings.filter((f: { ruleId: string }) => f.ruleId === 'EDU-03');
    expect(arrears.map((f: { message: string }) => f.message)).toEqual(['介绍人甲欠交党费2个月（2026年9月、2026年10月），合计30.00元']);
    expect(c.json().byOrg.find((o: { orgId: string }) => o.orgId === branch.id).byRule['EDU-03']).toBe(1);
    expect(c.json().dues.every((d: { latest: string }) => d.latest <= '2026-12-20')).toBe(true);
    const col = await client.send({ method: 'GET', url: `/api/dues/collection?orgId=${branch.id}&year=2026` });
    expect(col.json().total).toMatchObject({ dueFen: 18000, paidFen: 12000, rate: '66.7%' });
    const x = await client.send({ method: 'GET', url: `/api/dues/ledger/export?orgId=${branch.id}&year=2026` });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-disposition']).toContain(encodeURIComponent('走流程支部2026年党费收缴台账.xlsx'));
  });
});
