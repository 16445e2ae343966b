/**
 * Editing records with history and the recycle bin: an edit keeps the before and after, a
 * delete leaves every count at once and can be restored (not after 30 days), a planned meeting
 * counts nowhere, a held one cannot be in the future, and a possible duplicate is refused
 * unless confirmed. A failed edit leaves neither the record nor its history changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/access.ts';
import { deleteActivity, readActivity, recordActivity, updateActivity, type NewActivity } from '../../src/app/activity-service.ts';
import type { AppContext } from '../../src/app/context.ts';
import { listRecycleBin, recordHistory } from '../../src/app/history-service.ts';
import { toMemberRecord } from '../../src/app/member-service.ts';
import { restoreFromRecycleBin } from '../../src/app/recycle-bin-service.ts';
import { factsFor } from '../../src/app/report-service.ts';
import { insertMembers } from '../../src/db/queries/member-queries.ts';
import { insertOrganizations } from '../../src/db/queries/org-queries.ts';
import { customPeriod } from '../../src/domain/common/period.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../src/domain/errors.ts';
import type { Activity } from '../../src/domain/activity/activity.ts';
import { makeMember, makeOrg } from '../factories/records.ts';
import { backends, createTestApp } from '../support/db.ts';

const TODAY = '2026-06-15';
const year = customPeriod('2026-01-01', '2026-12-31');

describe.each(backends)('editing with history and the recycle bin on %s', (backend) => {
  let app: AppContext;
  const branch = makeOrg({ name: '编辑测试支部' });
  const ms = [makeMember({ positions: ['secretary'] }, branch), makeMember({}, branch), makeMember({}, branch)];
  const meeting = (over: Partial<NewActivity> = {}): NewActivity => ({
    kind: 'generalMembershipMeeting', status: 'held', date: '2026-05-10', title: '五月党员大会', location: null, chairMemberId: ms[0]!.id,
    lecturerMemberId: null, lecturerName: null, agendaItems: [], minutes: null, nonMemberParticipants: 0, studyHours: 2,
    attendance: ms.map((m) => ({ memberId: m.id, status: 'present' as const, reason: null })), ...over,
  });
  const held = async () => (await factsFor(app, branch, year)).facts['activities.generalMembershipMeeting'].value;

  beforeAll(async () => {
    app = await createTestApp(backend);
    await insertOrganizations(app.database.db, [branch]);
    await insertMembers(app.database.db, ms.map((m) => toMemberRecord(app.crypto, { ...m, idNumber: null, phone: null })));
  });
  afterAll(async () => { await app?.close(); });

  it('keeps who changed an activity, when, and the attendance before and after', async () => {
    const a = await recordActivity(app, SYSTEM_ACTOR, branch, meeting({ title: '六月党员大会', date: '2026-06-01' }), TODAY);
    const changed = meeting({ title: '六月党员大会', date: '2026-06-01', attendance: [
      { memberId: ms[0]!.id, status: 'present', reason: null }, { memberId: ms[1]!.id, status: 'excused', reason: '出差' }, { memberId: ms[2]!.id, status: 'present', reason: null },
    ] });
    await updateActivity(app, SYSTEM_ACTOR, a.id, changed, TODAY);
    expect((await readActivity(app, SYSTEM_ACTOR, a.id)).attendance.find((x) => x.memberId === ms[1]!.id)).toEqual({ memberId: ms[1]!.id, status: 'excused', reason: '出差' });
    const h = await recordHistory(app, SYSTEM_ACTOR, 'activity', a.id);
    expect(h.map((c) => c.action)).toEqual(['update', 'create']);
    expect(h[0]!.actorName).toBe('命令行');
    const before = h[0]!.before as Activity;
    const after = h[0]!.after as Activity;
    expect(before.attendance.find((x) => x.memberId === ms[1]!.id)!.status).toBe('present');
    expect(after.attendance.find((x) => x.memberId === ms[1]!.id)!.status).toBe('excused');
  });

  it('a refused edit changes neither the record nor its history', async () => {
    const a = await recordActivity(app, SYSTEM_ACTOR, branch, meeting({ title: '拒绝测试', date: '2026-04-01' }), TODAY);
    const bad = meeting({ title: '拒绝测试', date: '2026-04-01', attendance: [{ memberId: ms[1]!.id, status: 'absent', reason: null }] });
    await expect(updateActivity(app, SYSTEM_ACTOR, a.id, bad, TODAY)).rejects.toThrow(ValidationError);
    expect((await readActivity(app, SYSTEM_ACTOR, a.id)).attendance).toHaveLength(3);
    expect(await recordHistory(app, SYSTEM_ACTOR, 'activity', a.id)).toHaveLength(1);
  });

  it('refuses a held meeting dated after today and counts a planned one nowhere', async () => {
    await expect(recordActivity(app, SYSTEM_ACTOR, branch, meeting({ date: '2026-07-01', title: '未来' }), TODAY)).rejects.toThrow(/不能晚于今天/);
    const before = await held();
    const planned = await recordActivity(app, SYSTEM_ACTOR, branch, meeting({ status: 'planned', date: '2026-07-01', title: '七月党员大会' }), TODAY);
    expect(await held()).toBe(before);
    // Held once it has happened: counted from then on.
    await updateActivity(app, SYSTEM_ACTOR, planned.id, meeting({ status: 'held', date: '2026-06-14', title: '七月党员大会（提前）' }), TODAY);
    expect(await held()).toBe(before + 1);
  });

  it('warns of a possible duplicate (same kind, day and title) unless confirmed', async () => {
    await recordActivity(app, SYSTEM_ACTOR, branch, meeting({ title: '重复 检查', date: '2026-03-03' }), TODAY);
    await expect(recordActivity(app, SYSTEM_ACTOR, branch, meeting({ title: '重复检查', date: '2026-03-03' }), TODAY)).rejects.toThrow(ConflictError);
    await expect(recordActivity(app, SYSTEM_ACTOR, branch, meeting({ title: '重复检查', date: '2026-03-03' }), TODAY, { allowDuplicate: true })).resolves.toBeTruthy();
    // Another kind the same day is no duplicate.
    await expect(recordActivity(app, SYSTEM_ACTOR, branch, meeting({ kind: 'themedPartyDay', title: '重复检查', date: '2026-03-03' }), TODAY)).resolves.toBeTruthy();
  });

  it('deletes into the recycle bin (counted nowhere), restores within 30 days, not after', async () => {
    const a = await recordActivity(app, SYSTEM_ACTOR, branch, meeting({ title: '待删除', date: '2026-02-02' }), TODAY, { now: new Date('2026-06-15T01:00:00Z') });
    const before = await held();
    const deletedAt = new Date('2026-06-15T02:00:00Z');
    await deleteActivity(app, SYSTEM_ACTOR, a.id, deletedAt);
    expect(await held()).toBe(before - 1);
    await expect(readActivity(app, SYSTEM_ACTOR, a.id)).rejects.toThrow(NotFoundError);
    const [entry] = (await listRecycleBin(app, SYSTEM_ACTOR, branch, deletedAt)).filter((e) => e.recordId === a.id);
    expect(entry).toMatchObject({ label: '支部党员大会：待删除', recordDate: '2026-02-02', deletedByName: '命令行' });
    expect(await listRecycleBin(app, SYSTEM_ACTOR, branch, new Date('2026-07-16T00:00:00Z'))).toEqual([]);
    await expect(restoreFromRecycleBin(app, SYSTEM_ACTOR, entry!.id, new Date('2026-07-16T00:00:00Z'))).rejects.toThrow(NotFoundError);

    const restored = await restoreFromRecycleBin(app, SYSTEM_ACTOR, entry!.id, new Date('2026-06-20T00:00:00Z'));
    expect(restored).toEqual({ recordType: 'activity', recordId: a.id, url: `/activities/${a.id}` });
    expect((await readActivity(app, SYSTEM_ACTOR, a.id)).attendance).toHaveLength(3);
    expect(await held()).toBe(before);
    expect((await recordHistory(app, SYSTEM_ACTOR, 'activity', a.id)).map((c) => c.action)).toEqual(['restore', 'delete', 'create']);
    // The entry is gone: a second restore finds nothing.
    await expect(restoreFromRecycleBin(app, SYSTEM_ACTOR, entry!.id, new Date('2026-06-20T00:00:00Z'))).rejects.toThrow(NotFoundError);
  });
});
