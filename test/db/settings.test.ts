/**
 * Per-unit regulation settings against the demo 党委: overrides saved at the 党委 reach every
 * branch's check, a branch's own override wins over its 党委's, and bad input is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../../src/app/access.ts';
import { checkCompliance } from '../../src/app/check-service.ts';
import type { AppContext } from '../../src/app/context.ts';
import { DEMO_ORG_NAMES } from '../../src/app/demo/demo-data.ts';
import { loadDemo } from '../../src/app/demo-service.ts';
import { resolveOrg } from '../../src/app/org-service.ts';
import { replaceSettings, resetSettings, settingsFor, settingsView, updateSettings } from '../../src/app/settings-service.ts';
import { yearPeriod } from '../../src/domain/common/period.ts';
import type { Organization } from '../../src/domain/org/org.ts';
import { createTestApp } from '../support/db.ts';

describe('regulation settings per unit', () => {
  let app: AppContext;
  let top: Organization;
  let stats: Organization;
  let finance: Organization;
  beforeAll(async () => {
    app = await createTestApp('pglite');
    await loadDemo(app, { force: false });
    top = await resolveOrg(app, DEMO_ORG_NAMES.committee);
    stats = await resolveOrg(app, DEMO_ORG_NAMES.statistics);
    finance = await resolveOrg(app, DEMO_ORG_NAMES.finance);
  }, 120_000);
  afterAll(async () => { await app?.close(); });

  const studyFindings = async (org: Organization) => (await checkCompliance(app, top, yearPeriod(2026), '2027-01-10')).findings.filter((f) => f.ruleId === 'EDU-07' && f.orgId === org.id);

  it('a 党委 setting reaches its branches; a branch override wins; reset inherits again', async () => {
    expect((await studyFindings(stats)).length).toBeGreaterThan(0);
    await replaceSettings(app, SYSTEM_ACTOR, top, { studyHoursMinimum: 0 });
    expect((await settingsFor(app, stats)).studyHoursMinimum).toBe(0);
    expect(await studyFindings(stats)).toEqual([]);

    await updateSettings(app, SYSTEM_ACTOR, stats, { studyHoursMinimum: 32 });
    expect((await studyFindings(stats)).length).toBeGreaterThan(0);
    expect(await studyFindings(finance)).toEqual([]);

    const view = await settingsView(app, SYSTEM_ACTOR, stats);
    expect(view.own).toEqual({ studyHoursMinimum: 32 });
    expect(view.inherited.map((l) => l.orgId)).toEqual([top.id]);
    expect(view.sources.studyHoursMinimum).toBe('own');
    expect(view.sources.partyLectureFrequency).toBe('default');
    const statsAdmin: Actor = { userId: 'u', role: 'orgAdmin', orgPath: stats.path, memberId: null };
    expect((await settingsView(app, statsAdmin, stats)).inherited).toEqual([{ orgId: null, name: '上级党组织', overrides: { studyHoursMinimum: 0 } }]);

    await resetSettings(app, SYSTEM_ACTOR, stats, ['studyHoursMinimum']);
    expect(await studyFindings(stats)).toEqual([]);
    await resetSettings(app, SYSTEM_ACTOR, top);
    expect((await settingsView(app, SYSTEM_ACTOR, top)).own).toEqual({});
    expect((await studyFindings(stats)).length).toBeGreaterThan(0);
  });

  it('refuses bad values and unknown keys, and out-of-scope or member actors', async () => {
    await expect(replaceSettings(app, SYSTEM_ACTOR, top, { partyLectureFrequency: 'weekly' })).rejects.toThrow(/党课频次（partyLectureFrequency）/);
    await expect(resetSettings(app, SYSTEM_ACTOR, top, ['nope'])).rejects.toThrow(/没有名为 nope 的设置项/);
    const branchAdmin: Actor = { userId: 'u', role: 'orgAdmin', orgPath: finance.path, memberId: null };
    await expect(replaceSettings(app, branchAdmin, top, { studyHoursMinimum: 0 })).rejects.toMatchObject({ name: 'NotFoundError' });
    const member: Actor = { userId: 'u', role: 'member', orgPath: finance.path, memberId: null };
    await expect(settingsView(app, member, finance)).rejects.toMatchObject({ name: 'ForbiddenError' });
    await replaceSettings(app, branchAdmin, finance, { partyLectureFrequency: 'yearly' });
    expect((await settingsFor(app, finance)).partyLectureFrequency).toBe('yearly');
    expect((await settingsFor(app, top)).partyLectureFrequency).toBe('quarterly');
    await resetSettings(app, branchAdmin, finance);
  });
});
