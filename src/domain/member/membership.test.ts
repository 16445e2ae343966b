import { describe, expect, it } from 'vitest';
import { makeMember } from '../../../test/factories/regulations.ts';
import { ValidationError } from '../errors.ts';
import { categoryOn } from './member.ts';
import { belongedDuring, belongsOn, initialMembershipStart, orgOn, planMembershipEnd, planMembershipStart, type Membership } from './membership.ts';

const period = (over: Partial<Membership>): Membership => ({
  id: 'p', memberId: 'm', orgId: 'a', startedOn: null, startKind: 'initial', endedOn: null, endKind: null, cameFrom: null, wentTo: null, ...over,
});

describe('membership predicates', () => {
  const moved = makeMember({
    id: 'm', orgId: 'b', admittedOn: '2010-07-01', fullOn: '2011-07-01',
    memberships: [
      period({ id: 'p1', orgId: 'a', startedOn: '2015-01-01', endedOn: '2026-09-01', endKind: 'transferOutWithin' }),
      period({ id: 'p2', orgId: 'b', startedOn: '2026-09-01', startKind: 'transferInWithin' }),
    ],
  });

  it('counts a member on a roll from the start day up to the day before the end', () => {
    expect(belongsOn(moved, '2014-12-31')).toBe(false);
    expect(belongsOn(moved, '2015-01-01', 'a')).toBe(true);
    expect(belongsOn(moved, '2026-08-31', 'a')).toBe(true);
    expect(belongsOn(moved, '2026-09-01', 'a')).toBe(false);
    expect(orgOn(moved, '2026-08-31')).toBe('a');
    expect(orgOn(moved, '2026-09-01')).toBe('b');
    expect(categoryOn(moved, '2026-09-01', 'a')).toBeNull();
    expect(categoryOn(moved, '2026-09-01', 'b')).toBe('full');
  });

  it('overlaps a reporting period when they share one day', () => {
    expect(belongedDuring(moved, '2026-09-01', '2026-12-31', 'a')).toBe(false);
    expect(belongedDuring(moved, '2026-08-31', '2026-12-31', 'a')).toBe(true);
    expect(belongedDuring(moved, '2014-01-01', '2014-12-31')).toBe(false);
  });

  it('does not count a legacy 已去世 record whose period was never closed with a date', () => {
    const legacy = makeMember({ status: 'deceased', memberships: [period({})] });
    expect(belongsOn(legacy, '2020-01-01')).toBe(false);
  });

  it('starts a migrated period at the later of 入党时间 and the founding date', () => {
    expect(initialMembershipStart({ admittedOn: '2001-07-01', fullOn: null }, '2010-01-01')).toBe('2010-01-01');
    expect(initialMembershipStart({ admittedOn: null, fullOn: '2012-07-01' }, '2010-01-01')).toBe('2012-07-01');
    expect(initialMembershipStart({ admittedOn: null, fullOn: null }, null)).toBeNull();
  });
});

describe('planMembershipEnd / planMembershipStart', () => {
  const m = makeMember({ id: 'm', orgId: 'a', memberships: [period({ startedOn: '2020-01-01' })] });

  it('closes the open period and opens one in the receiving branch the same day', () => {
    const c = planMembershipEnd(m, { kind: 'transferOutWithin', date: '2026-09-01', toOrgId: 'b' }, '2026-11-29', 'new');
    expect(c.close).toEqual({ id: 'p', endedOn: '2026-09-01', endKind: 'transferOutWithin', wentTo: null });
    expect(c.open).toMatchObject({ id: 'new', orgId: 'b', startedOn: '2026-09-01', startKind: 'transferInWithin' });
    expect(c.member).toEqual({ orgId: 'b', status: 'normal', leftOn: null, subgroupId: null });
  });

  it('sets the status and leaving date for 转出, 出党, 死亡 and 停止党籍', () => {
    expect(planMembershipEnd(m, { kind: 'deceased', date: '2026-10-10' }, '2026-11-29', 'x').member).toEqual({ orgId: 'a', status: 'deceased', leftOn: '2026-10-10' });
    expect(planMembershipEnd(m, { kind: 'transferOutOutside', date: '2026-10-10', wentTo: '外单位' }, '2026-11-29', 'x').close?.wentTo).toBe('外单位');
    expect(planMembershipEnd(m, { kind: 'expelled', date: '2026-10-10' }, '2026-11-29', 'x').member.status).toBe('removed');
  });

  it('refuses a future date, a date not after the start, the same branch, and a member on no roll', () => {
    const refused = (f: () => unknown) => { try { f(); return null; } catch (e) { return e instanceof ValidationError ? e.issues[0]!.field : e; } };
    expect(refused(() => planMembershipEnd(m, { kind: 'deceased', date: '2026-12-01' }, '2026-11-29', 'x'))).toBe('date');
    expect(refused(() => planMembershipEnd(m, { kind: 'deceased', date: '2020-01-01' }, '2026-11-29', 'x'))).toBe('date');
    expect(refused(() => planMembershipEnd(m, { kind: 'transferOutWithin', date: '2026-01-01', toOrgId: 'a' }, '2026-11-29', 'x'))).toBe('toOrgId');
    const gone = makeMember({ id: 'g', status: 'transferredOut', memberships: [period({ endedOn: '2025-01-01', endKind: 'transferOutOutside' })] });
    expect(refused(() => planMembershipEnd(gone, { kind: 'deceased', date: '2026-01-01' }, '2026-11-29', 'x'))).toBe('date');
    expect(refused(() => planMembershipStart(gone, { date: '2024-12-31', orgId: 'a', cameFrom: null }, '2026-11-29', 'x'))).toBe('date');
    expect(planMembershipStart(gone, { date: '2025-01-01', orgId: 'a', cameFrom: '外单位' }, '2026-11-29', 'x').open?.cameFrom).toBe('外单位');
    expect(refused(() => planMembershipStart(m, { date: '2025-01-01', orgId: 'a', cameFrom: null }, '2026-11-29', 'x'))).toBe('date');
  });
});
