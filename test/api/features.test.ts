import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { toMemberRecord } from '../../src/app/member-service.ts';
import { insertActivities } from '../../src/db/queries/activity-queries.ts';
import { insertMembers } from '../../src/db/queries/member-queries.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { composeIdNumber } from '../../src/domain/member/id-number.ts';
import { writeRosterXlsx } from '../../src/render/xlsx-roster.ts';
import { main } from '../../src/cli/main.ts';
import { makeActivity, makeMember, makeOrg } from '../factories/records.ts';
import { createTestApp } from '../support/db.ts';
import { addUser, login, type Client } from './session.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('summaries, sign-in, roster and self-service over HTTP', () => {
  let app: AppContext;
  let server: FastifyInstance;
  let secretary: Client;
  let member: Client;
  let clock = new Date('2025-06-10T19:00:00+08:00');
  const branch = makeOrg({ name: '功能测试党支部' });
  const ms = [makeMember({ positions: ['secretary'] }, branch), makeMember({}, branch), makeMember({}, branch)];
  const idNumber = composeIdNumber('532801', '1980-01-02', 5, 'male');

  beforeAll(async () => {
    app = await createTestApp('pglite');
    await insertOrganizations(app.database.db, [branch]);
    await insertMembers(app.database.db, ms.map((m, i) => toMemberRecord(app.crypto, { ...m, idNumber: i === 0 ? idNumber : null, phone: null })));
    await insertActivities(app.database.db, [
      makeActivity({ orgId: branch.id, kind: 'branchCommitteeMeeting', date: '2025-03-05', present: ms }),
      makeActivity({ orgId: branch.id, kind: 'themedPartyDay', date: '2025-04-20', studyHours: 2.5, present: [ms[0]!, ms[2]!], absent: [ms[1]!] }),
      makeActivity({ orgId: branch.id, kind: 'partyLecture', date: '2025-05-20', studyHours: 1.5, present: ms }),
    ]);
    server = await buildServer(app, { today: () => '2025-06-10', now: () => clock });
    secretary = await login(server, await addUser(app, 'orgAdmin', { orgId: branch.id }));
    member = await login(server, await addUser(app, 'member', { memberId: ms[1]!.id }));
  });
  afterAll(async () => { await server?.close(); await app?.close(); });

  it('edits a paragraph\'s text around its numbers, keeps the numbers bound, and exports the edit', async () => {
    const created = await secretary.send({ method: 'POST', url: '/api/summaries', payload: { orgId: branch.id, year: 2025, quarter: 2 } });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    // The paragraph stating the number of 主题党日: recording one more later changes its generated text.
    const para = s.draft.blocks.find((b: { type: string; inlines?: Array<{ type: string; factKey?: string }> }) => b.type === 'paragraph' && b.inlines!.some((i) => i.factKey === 'activities.themedPartyDay'));
    const numbers = para.inlines.filter((i: { type: string }) => i.type === 'number');
    const texts = Array.from({ length: numbers.length + 1 }, (_, k) => `改写${k}`);
    const wrong = await secretary.send({ method: 'PUT', url: `/api/summaries/${s.id}/paragraphs/${para.id}`, payload: { texts: ['只有一段'].concat(numbers.length === 0 ? ['多'] : []) } });
    expect(wrong.statusCode).toBe(400);
    const edited = await secretary.send({ method: 'PUT', url: `/api/summaries/${s.id}/paragraphs/${para.id}`, payload: { texts } });
    expect(edited.statusCode).toBe(200);
    const after = edited.json().draft.blocks.find((b: { id?: string }) => b.id === para.id);
    expect(after.edited).toBe(true);
    expect(after.inlines.filter((i: { type: string }) => i.type === 'number')).toEqual(numbers);
    expect(after.inlines[0]).toEqual({ type: 'text', text: '改写0' });
    const md = await secretary.send({ method: 'GET', url: `/api/summaries/${s.id}/export?format=md` });
    expect(md.body).toContain(`改写0${numbers[0].text}${numbers[0].unit}改写1`);
    const docx = await secretary.send({ method: 'GET', url: `/api/summaries/${s.id}/export?format=docx` });
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // Unchanged records: the edit survives regeneration.
    const same = await secretary.send({ method: 'POST', url: `/api/summaries/${s.id}/regenerate` });
    expect(same.json().conflicts).toEqual([]);
    expect(same.json().draft.blocks.find((b: { id?: string }) => b.id === para.id).edited).toBe(true);

    // One more 主题党日 changes that paragraph: its edit is dropped and reported.
    await secretary.send({ method: 'POST', url: '/api/activities', payload: { orgId: branch.id, kind: 'themedPartyDay', date: '2025-06-01', title: '六月主题党日', attendance: ms.map((m) => ({ memberId: m.id, status: 'present' })) } });
    const changed = await secretary.send({ method: 'POST', url: `/api/summaries/${s.id}/regenerate` });
    expect(changed.json().conflicts).toEqual([para.id]);
    expect(changed.json().draft.blocks.find((b: { id?: string }) => b.id === para.id).edited).toBe(false);

    const reverted = await secretary.send({ method: 'PUT', url: `/api/summaries/${s.id}/paragraphs/${para.id}`, payload: { texts: null } });
    expect(reverted.json().draft.blocks.find((b: { id?: string }) => b.id === para.id).edited).toBe(false);
  });

  it('QR sign-in: marks only an unrecorded expected attendee 出席, never overrides 请假, queues the unexpected for the secretary, and works only in the window', async () => {
    // Today's 主题党日 (2025-06-10, 19:00 now): ms[1] recorded 请假, ms[2] nothing recorded; and a 支委会 (ms[1] is not on the committee).
    const day = makeActivity({ orgId: branch.id, kind: 'themedPartyDay', date: '2025-06-10', title: '六月十日主题党日', studyHours: 2.5, present: [ms[0]!], excused: [ms[1]!] });
    const committee = makeActivity({ orgId: branch.id, kind: 'branchCommitteeMeeting', date: '2025-06-10', title: '六月支委会' });
    await insertActivities(app.database.db, [day, committee]);
    const member2 = await login(server, await addUser(app, 'member', { memberId: ms[2]!.id }));

    const open = await secretary.send({ method: 'POST', url: `/api/activities/${day.id}/sign-in`, headers: { host: 'zhibu.example.cn' }, payload: { startTime: '18:30' } });
    expect(open.statusCode).toBe(200);
    expect(open.json().qrSvg).toMatch(/^<svg/);
    expect(open.json().url).toBe(`http://zhibu.example.cn/sign-in?token=${open.json().token}`);
    expect([open.json().validFrom, open.json().expiresAt]).toEqual(['2025-06-10T09:30:00.000Z', '2025-06-10T13:30:00.000Z']);
    const token = open.json().token;

    const ok = await member2.send({ method: 'POST', url: '/api/sign-in', payload: { token } });
    expect(ok.json()).toMatchObject({ activityId: day.id, outcome: 'present', reason: null });
    const excused = await member.send({ method: 'POST', url: '/api/sign-in', payload: { token } });
    expect(excused.json()).toMatchObject({ outcome: 'pending', reason: 'recordedExcused' });
    expect(excused.json().message).toContain('已登记请假');
    let detail = await secretary.send({ method: 'GET', url: `/api/activities/${day.id}` });
    const status = (id: string) => detail.json().attendance.find((a: { memberId: string }) => a.memberId === id)?.status;
    expect([status(ms[1]!.id), status(ms[2]!.id)]).toEqual(['excused', 'present']);

    // The 支委会: ms[1] is not expected, lands in the list, and is not added to the attendance.
    const openC = await secretary.send({ method: 'POST', url: `/api/activities/${committee.id}/sign-in`, payload: { startTime: '19:00' } });
    const unexpected = await member.send({ method: 'POST', url: '/api/sign-in', payload: { token: openC.json().token } });
    expect(unexpected.json()).toMatchObject({ outcome: 'pending', reason: 'notExpected' });
    const listC = await secretary.send({ method: 'GET', url: `/api/activities/${committee.id}/sign-ins` });
    expect(listC.json().scans.map((x: { name: string; outcome: string }) => [x.name, x.outcome])).toEqual([[ms[1]!.name, 'pending']]);
    const confirmedC = await secretary.send({ method: 'POST', url: `/api/activities/${committee.id}/sign-ins/${listC.json().scans[0].id}/confirm` });
    expect(confirmedC.json().scans[0].outcome).toBe('confirmed');
    expect((await secretary.send({ method: 'GET', url: `/api/activities/${committee.id}` })).json().attendance).toEqual([]);

    // The live list of the 主题党日; the secretary confirms the 请假 member was there after all.
    const list = await secretary.send({ method: 'GET', url: `/api/activities/${day.id}/sign-ins` });
    type Scan = { id: string; name: string; outcome: string; reason: string | null };
    const scans: Scan[] = list.json().scans;
    expect(scans.map((x) => [x.name, x.outcome, x.reason])).toEqual(expect.arrayContaining([[ms[2]!.name, 'present', null], [ms[1]!.name, 'pending', 'recordedExcused']]));
    expect(scans).toHaveLength(2);
    const pendingId = scans.find((x) => x.outcome === 'pending')!.id;
    expect((await secretary.send({ method: 'POST', url: `/api/activities/${day.id}/sign-ins/${pendingId}/confirm` })).statusCode).toBe(200);
    expect((await secretary.send({ method: 'POST', url: `/api/activities/${day.id}/sign-ins/${pendingId}/reject` })).statusCode).toBe(409);
    detail = await secretary.send({ method: 'GET', url: `/api/activities/${day.id}` });
    expect(status(ms[1]!.id)).toBe('present');

    // Outside the window: before it opens and after it closes.
    const early = await secretary.send({ method: 'POST', url: `/api/activities/${committee.id}/sign-in`, payload: { startTime: '22:30' } });
    const tooEarly = await member2.send({ method: 'POST', url: '/api/sign-in', payload: { token: early.json().token } });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().message).toMatch(/尚未开始/);
    clock = new Date('2025-06-10T22:30:01+08:00');
    const late = await member2.send({ method: 'POST', url: '/api/sign-in', payload: { token } });
    expect(late.statusCode).toBe(400);
    expect(late.json().message).toMatch(/过期/);
    // A meeting of another day needs its start time; one whose window is over gets no code.
    const past = await secretary.send({ method: 'POST', url: `/api/activities/${day.id}/sign-in`, payload: { startTime: '09:00' } });
    expect(past.statusCode).toBe(400);
  });

  it('gives a member their own attendance and study hours (学时 from the regulations engine), by month, including the QR sign-in above', async () => {
    const att = await member.send({ method: 'GET', url: '/api/me/attendance?year=2025' });
    expect(att.json().map((a: { kind: string; status: string }) => `${a.kind}:${a.status}`)).toEqual(expect.arrayContaining(['themedPartyDay:absent', 'themedPartyDay:present', 'partyLecture:present']));
    const hours = await member.send({ method: 'GET', url: '/api/me/study-hours?year=2025' });
    expect(hours.json().total).toBe(4);
    expect(hours.json().required).toBe(32);
    // April's 缺席 stays 缺席; June's 2.5 学时 come from the 请假 the secretary changed to 出席.
    expect(hours.json().byMonth.find((m: { month: number }) => m.month === 4)?.hours ?? 0).toBe(0);
    expect(hours.json().byMonth.find((m: { month: number }) => m.month === 6).hours).toBe(2.5);
  });

  it('previews a roster with per-row issues and saves nothing; exports the roster masked', async () => {
    const bytes = await writeRosterXlsx([
      { name: '新党员', gender: 'female', ethnicity: '汉族', birthDate: '1992-02-03', education: null, idNumber: composeIdNumber('532801', '1992-02-03', 8, 'female'), phone: '13900002222', category: 'full', admittedOn: '2016-07-01', fullOn: '2017-07-01', branchName: null, positions: [] },
      { name: '重复者', gender: 'male', ethnicity: '汉族', birthDate: '1980-01-02', education: null, idNumber, phone: null, category: 'full', admittedOn: '2010-07-01', fullOn: '2011-07-01', branchName: null, positions: [] },
    ]);
    const pre = await secretary.send({ method: 'POST', url: `/api/members/import/preview?orgId=${branch.id}`, payload: bytes, headers: { 'content-type': XLSX } });
    expect(pre.statusCode).toBe(200);
    expect(pre.json().ok).toBe(false);
    expect(pre.json().issues).toEqual([{ row: 3, field: '身份证号', message: '该党员已在系统中' }]);
    expect(pre.json().rows[0]).toMatchObject({ name: '新党员', phoneMasked: '139****2222', branchName: '功能测试党支部' });
    expect(pre.body).not.toContain('13900002222');
    const imp = await secretary.send({ method: 'POST', url: `/api/members/import?orgId=${branch.id}`, payload: bytes, headers: { 'content-type': XLSX } });
    expect(imp.statusCode).toBe(400);
    expect((await secretary.send({ method: 'GET', url: `/api/members?orgId=${branch.id}` })).json().items).toHaveLength(3);
    const exp = await secretary.send({ method: 'GET', url: `/api/members/export?orgId=${branch.id}` });
    expect(exp.headers['content-type']).toBe(XLSX);
    expect(exp.rawPayload.toString('latin1')).not.toContain(idNumber);
  });

  it('edits a member: an invalid 身份证号 is 400 naming the field; a valid one is stored masked', async () => {
    const bad = await secretary.send({ method: 'PUT', url: `/api/members/${ms[2]!.id}`, payload: { idNumber: '532801198001021230' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('idNumber');
    const good = composeIdNumber('532801', '1985-05-05', 7, 'male');
    const ok = await secretary.send({ method: 'PUT', url: `/api/members/${ms[2]!.id}`, payload: { idNumber: good, education: '研究生' } });
    expect(ok.json()).toMatchObject({ education: '研究生', idNumberMasked: '532801************' });
    expect(ok.body).not.toContain(good);
  });

  it('zhibu user add refuses without a password outside a terminal', async () => {
    const out: string[] = [];
    const err: string[] = [];
    // Checked before any database is opened: no terminal, no --password, no ZHIBU_PASSWORD.
    delete process.env.ZHIBU_PASSWORD;
    const code = await main(['node', 'zhibu', 'user', 'add', '--admin', '--username', 'x'], (s) => out.push(s), (s) => err.push(s));
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/ZHIBU_PASSWORD/);
  });
});
