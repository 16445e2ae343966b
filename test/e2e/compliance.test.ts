/**
 * 合规提醒 in Chromium: the 党委 secretary of the demo (州直机关党委) opens the compliance page for
 * 2026 and sees the gaps planted in the demo data — the month without a 支委会 at 州财政局党支部
 * and the expired committee term of 州统计局党支部 — each with its rule, the branches' open
 * counts, and the same page at phone width. Screenshots at 1366 px and 360 px.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/access.ts';
import { createUser } from '../../src/app/auth-service.ts';
import { buildDemoData, DEMO_ORG_NAMES, DEMO_PLANTED_GAPS } from '../../src/app/demo/demo-data.ts';
import { CHROMIUM, loginThroughForm, newContext, shoot, startHarness, type Harness } from './browser.ts';

const PASSWORD = 'e2e-password-不外传';
const demo = buildDemoData();
const committee = demo.organizations.find((o) => o.name === DEMO_ORG_NAMES.committee)!;
const YEAR = 2026;
const [gapYear, gapMonth] = DEMO_PLANTED_GAPS.missingCommitteeMeetingMonth.month.split('-').map(Number) as [number, number];

/** Whether the server defines GET /api/compliance (the page is built against its contract). */
function complianceRouteExists(): boolean {
  const routes = resolve(import.meta.dirname, '../../src/api/routes/compliance-routes.ts');
  return existsSync(routes) && readFileSync(routes, 'utf8').includes("'/api/compliance'");
}

/** Sets the page's year field to YEAR (the demo's gaps are in 2026, whenever the test runs). */
async function chooseYear(page: Page): Promise<void> {
  const year = page.getByRole('spinbutton', { name: '年度' });
  await year.fill(String(YEAR));
  await year.press('Enter');
}

/** Opens the page for the current organization, sets the year and waits for the findings. */
async function openCompliance(page: Page): Promise<void> {
  await page.goto('/compliance');
  await chooseYear(page);
  await page.locator('[data-testid=findings]').getByText(`问题清单（${YEAR}年）`).waitFor();
}

/** The findings list's items naming an organization and containing a text. */
function findingItem(page: Page, rule: string, ...texts: string[]) {
  let item = page.locator(`[data-testid=findings] .ant-list-item[data-rule="${rule}"]`);
  for (const t of texts) item = item.filter({ hasText: t });
  return item;
}

describe.skipIf(!existsSync(CHROMIUM))('合规提醒 in Chromium', () => {
  let h: Harness;

  beforeAll(async () => {
    if (!complianceRouteExists()) {
      throw new Error('GET /api/compliance is not defined yet (src/api/routes/compliance-routes.ts): the 合规提醒 page needs it');
    }
    h = await startHarness();
    await createUser(h.app, SYSTEM_ACTOR, { username: 'committee', displayName: '党委办公室', password: PASSWORD, role: 'orgAdmin', orgRef: committee.id });
  }, 180_000);
  afterAll(async () => { await h?.close(); });

  it('lists the month without 支委会 and the expired term of the demo 党委, with rules and branches', async () => {
    const ctx = await newContext(h, 1366);
    const page = await ctx.newPage();
    await loginThroughForm(page, 'committee', PASSWORD);
    await page.getByRole('menuitem', { name: '合规提醒' }).click();
    await page.waitForURL('**/compliance');
    await openCompliance(page);

    const noCommittee = findingItem(page, 'BR-09', DEMO_ORG_NAMES.finance, `${gapYear}年${gapMonth}月`);
    await noCommittee.first().waitFor();
    await expect(noCommittee.first().innerText()).resolves.toContain('支部委员会会议');

    const expired = findingItem(page, 'ELE-01', DEMO_ORG_NAMES.statistics);
    await expired.first().waitFor();
    await expect(expired.first().innerText()).resolves.toMatch(/任期.*届满/);

    // A 党委 sees its branches with what each has open; the two planted gaps are there.
    const branches = page.locator('[data-testid=branches] .ant-table-row');
    await branches.first().waitFor();
    const finance = branches.filter({ hasText: DEMO_ORG_NAMES.finance });
    await expect(finance.innerText()).resolves.toContain('BR-09');
    await expect(branches.filter({ hasText: DEMO_ORG_NAMES.statistics }).innerText()).resolves.toContain('ELE-01');
    await page.locator('[data-testid=dues]').waitFor();
    await shoot(page, 'compliance');

    // The rule's citation is in the tooltip of its id.
    await noCommittee.first().locator('[data-rule=BR-09]').hover();
    await page.locator('.ant-tooltip').getByText('《中国共产党支部工作条例（试行）》第十二条').waitFor();

    // Only errors: the 支委会 gap is a warning (一般每月), the expired term an error (应当).
    await page.locator('.ant-segmented-item').filter({ hasText: '错误' }).click();
    await expired.first().waitFor();
    expect(await noCommittee.count()).toBe(0);
    await ctx.close();
  });

  it('shows the development board and the dues ledger of the demo 党委', async () => {
    const arrears = demo.members.filter((m) => m.orgId === demo.organizations.find((o) => o.name === DEMO_ORG_NAMES.finance)!.id)[DEMO_PLANTED_GAPS.duesArrears.memberIndex]!;
    const ctx = await newContext(h, 1366);
    const page = await ctx.newPage();
    await loginThroughForm(page, 'committee', PASSWORD);

    // 发展党员: 郑思远 (积极分子 since 2025-10-20) sits in stage 2, with his next step dated.
    await page.getByRole('menuitem', { name: '发展党员' }).click();
    await page.waitForURL('**/development');
    const zheng = page.locator('[data-stage="2"] [data-case="郑思远"]');
    await zheng.waitFor();
    expect(await zheng.locator('[data-urgency]').count()).toBeGreaterThan(0);
    await shoot(page, 'development');
    await zheng.click();
    await page.locator('.ant-drawer .ant-timeline').getByText('推荐和确定入党积极分子').waitFor();
    await shoot(page, 'development-case');
    await page.keyboard.press('Escape');

    // 党费: the member in arrears shows 欠交 months; the year's rate is a percentage; the 台账 downloads.
    await page.goto('/dues');
    await chooseYear(page);
    const row = page.locator('.ant-table-row').filter({ hasText: arrears.name });
    await row.first().waitFor();
    expect(await row.first().locator('[data-tone=unpaid]').count()).toBe(DEMO_PLANTED_GAPS.duesArrears.months.filter((m) => m.startsWith(String(YEAR))).length);
    await page.locator('.ant-statistic').filter({ hasText: '收缴率' }).getByText(/^\d+(\.\d)?%$/).waitFor();
    await shoot(page, 'dues');
    const download = page.waitForEvent('download');
    await page.getByText('导出台账').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await ctx.close();
  });

  it('works at phone width (360 px)', async () => {
    const ctx = await newContext(h, 360);
    const page = await ctx.newPage();
    await loginThroughForm(page, 'committee', PASSWORD);
    await openCompliance(page);
    await findingItem(page, 'BR-09', DEMO_ORG_NAMES.finance).first().waitFor();
    await findingItem(page, 'ELE-01', DEMO_ORG_NAMES.statistics).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shoot(page, 'compliance');
    for (const [path, name, ready] of [['/development', 'development', '[data-testid=board]'], ['/dues', 'dues', '.ant-table-row']] as const) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shoot(page, name);
    }
    await ctx.close();
  });
});
