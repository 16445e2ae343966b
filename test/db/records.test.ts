import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { customPeriod } from '../../src/domain/common/period.ts';
import { ValidationError, NotFoundError } from '../../src/domain/errors.ts';
import type { AppContext } from '../../src/app/context.ts';
import { SYSTEM_ACTOR } from '../../src/app/access.ts';
import { deleteActivity, listActivities, recordActivity } from '../../src/app/activity-service.ts';
import { listMembersOf, toMemberRecord } from '../../src/app/member-service.ts';
import { orgSubtree, resolveOrg } from '../../src/app/org-service.ts';
import { factsFor } from '../../src/app/report-service.ts';
import { insertMembers } from '../../src/db/queries/member-queries.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { insertActivities } from '../../src/db/queries/activity-queries.ts';
import { composeIdNumber } from '../../src/domain/member/id-number.ts';
import { makeActivity, makeMember, makeOrg } from '../factories/records.ts';
import { backends, createTestApp } from '../support/db.ts';

describe.each(backends)('records on %s', (backend) => {
  let app: AppContext;
  const top = makeOrg({ type: 'primaryPartyCommittee', name: '测试机关党委' });
  const b1 = makeOrg({ parent: top, name: '第一党支部' });
  const b2 = makeOrg({ parent: top, name: '第二党支部' });
  const other = makeOrg({ type: 'primaryPartyCommittee', name: '别的党委' });
  const b3 = makeOrg({ parent: other, name: '别的党支部' });
  const m1 = Array.from({ length: 4 }, () => makeMember({}, b1));
  const m2 = Array.from({ length: 3 }, () => makeMember({}, b2));
  const m3 = [makeMember({}, b3)];
  const idNumber = composeIdNumber('532801', '1985-05-05', 12, 'male');

  beforeAll(async () => {
    app = await createTestApp(backend);
    const db = app.database.db;
    await insertOrganizations(db, [top, b1, b2, other, b3]);
    await insertMembers(db, [...m1, ...m2, ...m3].map((m, i) => toMemberRecord(app.crypto, { ...m, idNumber: i === 0 ? idNumber : null, phone: i === 0 ? '13812345678' : null })));
    await insertActivities(db, [
      makeActivity({ orgId: b1.id, kind: 'branchCommitteeMeeting', date: '2023-02-01', present: m1.slice(0, 3), excused: m1.slice(3) }),
      makeActivity({ orgId: b1.id, kind: 'branchCommitteeMeeting', date: '2023-03-01', present: m1 }),
      makeActivity({ orgId: b2.id, kind: 'branchCommitteeMeeting', date: '2023-03-05', present: m2 }),
      makeActivity({ orgId: b2.id, kind: 'volunteerService', date: '2023-04-05', present: m2, nonMemberParticipants: 6 }),
      makeActivity({ orgId: b3.id, kind: 'branchCommitteeMeeting', date: '2023-03-05', present: m3 }),
    ]);
  });
  afterAll(async () => { await app?.close(); });

  it('finds a subtree by materialized path, without the neighbours', async () => {
    const sub = await orgSubtree(app, await resolveOrg(app, '测试机关党委'));
    expect(sub.map((o) => o.name)).toEqual(expect.arrayContaining(['测试机关党委', '第一党支部', '第二党支部']));
    expect(sub).toHaveLength(3);
  });

  it('stores 身份证号 and phone encrypted, lists them masked', async () => {
    const rows = await app.database.db.execute(sql`select id_number_enc, phone_enc from members where id = ${m1[0]!.id}`);
    const raw = JSON.stringify((rows as unknown as { rows: unknown[] }).rows ?? rows);
    expect(raw).not.toContain(idNumber);
    expect(raw).not.toContain('13812345678');
    const list = await listMembersOf(app, SYSTEM_ACTOR, b1);
    const first = list.find((m) => m.id === m1[0]!.id)!;
    expect(first.idNumberMasked).toBe(`${idNumber.slice(0, 6)}************`);
    expect(first.phoneMasked).toBe('138****5678');
    expect(Object.keys(first)).not.toContain('idNumberEnc');
  });

  it('rolls the committee up as the sum of its branches', async () => {
    const p = customPeriod('2023-01-01', '2023-11-10');
    const [all, one, two] = await Promise.all([factsFor(app, top, p), factsFor(app, b1, p), factsFor(app, b2, p)]);
    for (const k of ['activities.branchCommitteeMeeting', 'participations', 'volunteerParticipations', 'members.total'] as const) {
      expect(all.facts[k].value).toBe(one.facts[k].value + two.facts[k].value);
    }
    expect(all.facts['activities.branchCommitteeMeeting'].value).toBe(3);
    expect(all.facts.volunteerParticipations.value).toBe(9);
  });

  it('records an activity with attendance, and deleting it changes the count', async () => {
    const p = customPeriod('2023-01-01', '2023-11-10');
    const before = (await factsFor(app, b1, p)).facts['activities.branchCommitteeMeeting'].value;
    const saved = await recordActivity(app, SYSTEM_ACTOR, b1, {
      kind: 'branchCommitteeMeeting', date: '2023-06-01', title: '6月支委会', location: '会议室', chairMemberId: m1[0]!.id,
      lecturerMemberId: null, lecturerName: null, minutes: null, nonMemberParticipants: 0, studyHours: 1,
      agendaItems: [{ title: '学习总书记重要讲话', isFirstAgendaItem: true }],
      attendance: m1.map((m, i) => ({ memberId: m.id, status: i === 0 ? 'excused' : 'present', reason: i === 0 ? '出差' : null })),
    }, '2023-11-10');
    const mid = await factsFor(app, b1, p);
    expect(mid.facts['activities.branchCommitteeMeeting'].value).toBe(before + 1);
    expect(mid.facts.firstAgendaItems.sources).toContainEqual({ type: 'activity', id: saved.id });
    await deleteActivity(app, SYSTEM_ACTOR, saved.id);
    expect((await factsFor(app, b1, p)).facts['activities.branchCommitteeMeeting'].value).toBe(before);
    await expect(deleteActivity(app, SYSTEM_ACTOR, saved.id)).rejects.toThrow(NotFoundError);
  });

  it('refuses an activity with a non-member attendee or a missing reason, and saves nothing', async () => {
    const count = async () => (await listActivities(app, SYSTEM_ACTOR, b1, { limit: 100, offset: 0 })).total;
    const n = await count();
    const bad = recordActivity(app, SYSTEM_ACTOR, b1, {
      kind: 'partyLecture', date: '2023-06-01', title: '党课', location: null, chairMemberId: null, lecturerMemberId: null,
      lecturerName: null, minutes: null, nonMemberParticipants: 0, studyHours: 2, agendaItems: [],
      attendance: [{ memberId: m3[0]!.id, status: 'present', reason: null }, { memberId: m1[1]!.id, status: 'absent', reason: null }],
    }, '2023-11-10');
    await expect(bad).rejects.toThrow(ValidationError);
    await expect(bad).rejects.toMatchObject({ issues: expect.arrayContaining([
      expect.objectContaining({ field: 'attendance[0].memberId' }), expect.objectContaining({ field: 'attendance[1].reason' }),
    ]) });
    expect(await count()).toBe(n);
  });

  it('pages activities newest first with attendance counts', async () => {
    const page = await listActivities(app, SYSTEM_ACTOR, top, { limit: 2, offset: 0 });
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.date >= page.items[1]!.date).toBe(true);
    const vol = (await listActivities(app, SYSTEM_ACTOR, b2, { limit: 10, offset: 0, kind: 'volunteerService' })).items[0]!;
    expect(vol).toMatchObject({ present: 3, expected: 3, nonMemberParticipants: 6 });
  });
});
