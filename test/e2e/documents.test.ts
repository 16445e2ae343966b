/**
 * 总结审校 in Chromium: a 党委 secretary uploads two summaries written for the tests (test/fixtures/summaries) and a .docx that Zhibu drafted for
 * 州审计局党支部, reads the collected table (period, statistics, placeholders, errors), opens the
 * findings of the quarterly one and exports the table. Screenshots at 1366 px and 360 px.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/access.ts';
import { createUser } from '../../src/app/auth-service.ts';
import { buildDemoData, DEMO_ORG_NAMES } from '../../src/app/demo/demo-data.ts';
import { CHROMIUM, DOWNLOADS, loginThroughForm, newContext, shoot, startHarness, type Harness } from './browser.ts';

const PASSWORD = 'e2e-password-不外传';
const demo = buildDemoData();
const committee = demo.organizations.find((o) => o.name === DEMO_ORG_NAMES.committee)!;
const audit = demo.organizations.find((o) => o.name === DEMO_ORG_NAMES.audit)!;
// Summaries written for the tests, shipped with the repository (the seeds are not in a user's clone).
const SUMMARIES = resolve(import.meta.dirname, '../fixtures/summaries');
const QUARTERLY = resolve(SUMMARIES, 'q3-under-annual-title.txt');
const ANNUAL = resolve(SUMMARIES, 'annual-with-figures.txt');
const GENERATED = resolve(DOWNLOADS, '州审计局党支部2025年工作总结.docx');

/** Logs in and asks the API (as the page would) for a .docx draft of 州审计局党支部's 2025. */
async function draftDocx(page: Page): Promise<Buffer> {
  const me = await (await page.request.get('/api/auth/me')).json() as { csrfToken: string };
  const res = await page.request.post('/api/reports', { data: { orgId: audit.id, year: 2025, format: 'docx' }, headers: { 'x-csrf-token': me.csrfToken } });
  expect(res.status()).toBe(200);
  return res.body();
}

/** Uploads the files through the page's drag-and-drop area and waits until every row is read. */
async function upload(page: Page, files: string[]): Promise<void> {
  await page.locator('.ant-upload input[type=file]').setInputFiles(files);
  await expect.poll(() => page.locator('.ant-table-row').count()).toBe(files.length);
  await expect.poll(() => page.locator('.ant-table-row .anticon-loading').count(), { timeout: 30_000 }).toBe(0);
}

function rowOf(page: Page, file: string) {
  return page.locator('.ant-table-row').filter({ hasText: file });
}

describe.skipIf(!existsSync(CHROMIUM))('总结审校 in Chromium', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    await createUser(h.app, SYSTEM_ACTOR, { username: 'committee', displayName: '党委办公室', password: PASSWORD, role: 'orgAdmin', orgRef: committee.id });
  }, 180_000);
  afterAll(async () => { await h?.close(); });

  it('reads and proofreads two summaries and a drafted .docx, shows the findings and exports the table', async () => {
    const ctx = await newContext(h, 1366);
    const page = await ctx.newPage();
    await loginThroughForm(page, 'committee', PASSWORD);
    mkdirSync(DOWNLOADS, { recursive: true });
    writeFileSync(GENERATED, await draftDocx(page));

    await page.getByRole('menuitem', { name: '总结审校' }).click();
    await page.waitForURL('**/documents');
    await upload(page, [QUARTERLY, ANNUAL, GENERATED]);

    // An annual-looking title over a third-quarter body, full of X placeholders.
    const rowQuarterly = rowOf(page, 'q3-under-annual-title.txt');
    await expect(rowQuarterly.innerText()).resolves.toContain('第三季度');
    const placeholders = Number(await rowQuarterly.locator('[data-testid=placeholders]').innerText());
    expect(placeholders).toBeGreaterThan(0);
    expect(await rowQuarterly.locator('[data-testid=unfilled]').count()).toBeGreaterThan(0);
    expect(Number((await rowQuarterly.locator('[data-testid=errors]').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);

    // The annual summary states its numbers: 支委会 12, 学习 37 次 / 301 人次.
    const rowAnnual = rowOf(page, 'annual-with-figures.txt');
    for (const n of ['12', '37', '301']) await rowAnnual.getByRole('cell', { name: n, exact: true }).first().waitFor();

    // The drafted .docx names the branch, the year and no placeholder.
    const rowDocx = rowOf(page, '州审计局党支部2025年工作总结.docx');
    const docxText = await rowDocx.innerText();
    expect(docxText).toContain(DEMO_ORG_NAMES.audit);
    expect(docxText).toContain('2025');
    expect(await rowDocx.locator('[data-testid=placeholders]').innerText()).toBe('0');
    await shoot(page, 'documents');

    // The quarterly summary's findings: errors first, the period mismatch among them, quoted from the text.
    await rowQuarterly.click();
    // The findings drawer is the only drawer of the page at this width.
    const drawer = page.locator('.ant-drawer');
    const mismatch = drawer.locator('[data-kind=period-mismatch]');
    await mismatch.waitFor();
    await expect(mismatch.innerText()).resolves.toContain('第三季度');
    await expect(mismatch.locator('mark').innerText()).resolves.toContain('党支部2024年工作情况总结报告');
    const tags = await drawer.locator('[data-testid=findings] .ant-list-item .ant-tag').allInnerTexts();
    expect(tags[0]).toBe('错误');
    const firstOther = tags.findIndex((t) => t !== '错误');
    if (firstOther >= 0) expect(tags.slice(firstOther)).not.toContain('错误');
    await shoot(page, 'documents-findings');
    await page.keyboard.press('Escape');

    // The drafted document was compared with the branch's records (it is theirs), read in the browser for quotes.
    await rowDocx.click();
    await drawer.getByText(`已与“${DEMO_ORG_NAMES.audit}”的记录核对`).waitFor();
    await drawer.locator('[data-text=success]').waitFor();
    expect(await drawer.locator('[data-kind=record-mismatch]').count()).toBe(0);
    await page.keyboard.press('Escape');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出汇总表/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = resolve(DOWNLOADS, file.suggestedFilename());
    await file.saveAs(path);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    await ctx.close();
  });

  it('works at phone width (360 px)', async () => {
    const ctx = await newContext(h, 360);
    const page = await ctx.newPage();
    await loginThroughForm(page, 'committee', PASSWORD);
    await page.goto('/documents');
    await page.locator('.ant-upload-drag').waitFor();
    await upload(page, [QUARTERLY, ANNUAL]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shoot(page, 'documents');
    await rowOf(page, 'q3-under-annual-title.txt').click();
    await page.locator('[data-kind=period-mismatch]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shoot(page, 'documents-findings');
    await ctx.close();
  });
});
