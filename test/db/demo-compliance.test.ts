/**
 * The demo 党委 through the compliance check and the summary: the planted gaps (a month without
 * 支委会, members under 32 学时, one member in arrears, an expired term) are found, and the
 * 2026 summary names them in 二、存在的问题 and states the dues collected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCompliance } from '../../src/app/check-service.ts';
import type { AppContext } from '../../src/app/context.ts';
import { buildDemoData, DEMO_ORG_NAMES, DEMO_PLANTED_GAPS } from '../../src/app/demo/demo-data.ts';
import { loadDemo } from '../../src/app/demo-service.ts';
import { resolveOrg } from '../../src/app/org-service.ts';
import { draftSummary } from '../../src/app/report-service.ts';
import { customPeriod, yearPeriod } from '../../src/domain/common/period.ts';
import { toPlainText } from '../../src/domain/report/document.ts';
import { createTestApp } from '../support/db.ts';

describe('demo 党委: planted gaps in the check and the summary', () => {
  let app: AppContext;
  beforeAll(async () => {
    app = await createTestApp('pglite');
    await loadDemo(app, { force: false });
  }, 120_000);
  afterAll(async () => { await app?.close(); });

  it('zhibu check 2026 (today 2027-01-10) lists the four planted gaps with their rules', async () => {
    const top = await resolveOrg(app, DEMO_ORG_NAMES.committee);
    const r = await checkCompliance(app, top, yearPeriod(2026), '2027-01-10');
    const finance = await resolveOrg(app, DEMO_ORG_NAMES.finance);
    const stats = await resolveOrg(app, DEMO_ORG_NAMES.statistics);
    expect(r.findings.some((f) => f.ruleId === 'BR-09' && f.orgId === finance.id && f.period === DEMO_PLANTED_GAPS.missingCommitteeMeetingMonth.month)).toBe(true);
    expect(r.findings.filter((f) => f.ruleId === 'EDU-07' && f.orgId === stats.id).length).toBeGreaterThanOrEqual(2);
    const arrears = r.findings.filter((f) => f.ruleId === 'EDU-03');
    const member = buildDemoData().members.filter((m) => m.orgId === finance.id)[DEMO_PLANTED_GAPS.duesArrears.memberIndex]!;
    expect(arrears.map((f) => f.recordIds)).toEqual([[member.id]]);
    expect(arrears[0]!.message).toContain('欠交党费3个月（2026年8月、2026年9月、2026年10月）');
    expect(r.findings.some((f) => f.ruleId === 'ELE-01' && f.orgId === stats.id)).toBe(true);
    expect(r.findings.filter((f) => f.ruleId === 'DUES-13' || f.ruleId === 'DUES-14')).toEqual([]);
    expect(r.duesCollection?.total.rate).toMatch(/^9\d\.\d%$/);
  });

  it('the 党委\'s 2026 summary names them in 二、存在的问题 and states dues collected and the rate', async () => {
    const top = await resolveOrg(app, DEMO_ORG_NAMES.committee);
    const { draft, facts } = await draftSummary(app, { org: top, period: yearPeriod(2026), today: '2027-01-10' });
    const text = toPlainText(draft);
    const problems = text.slice(text.indexOf('存在的问题'), text.indexOf('下一步'));
    expect(problems).toContain('州财政局党支部2026年7月未召开支部委员会会议');
    expect(problems).toMatch(/学时/);
    expect(problems).toMatch(/党费/);
    expect(problems).toContain('州统计局党支部委员会任期已于2025年3月15日届满');
    expect(facts.facts['dues.collectedYuan'].value).toBeGreaterThan(0);
    expect(text).toContain(`共收缴党费${facts.facts['dues.collectedYuan'].value.toFixed(2)}元，收缴率为${facts.facts['dues.collectionRate'].value}%`);
  });

  it('counts development from the cases without double counting the stored events', async () => {
    const audit = await resolveOrg(app, DEMO_ORG_NAMES.audit);
    const { facts } = await draftSummary(app, { org: audit, period: customPeriod('2023-01-01', '2023-11-10') });
    expect([facts.facts['development.becameFull'].value, facts.facts['development.admittedProbationary'].value]).toEqual([1, 1]);
  });
});
