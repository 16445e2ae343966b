/**
 * 个人信息访问日志 in Chromium: the system administrator opens the member list (a read of
 * personal data), then the log page, and finds that read with the account, the action and the
 * address. Screenshots at 1366 px and 360 px.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/access.ts';
import { createUser } from '../../src/app/auth-service.ts';
import { CHROMIUM, loginThroughForm, newContext, shoot, startHarness, type Harness } from './browser.ts';

const PASSWORD = 'e2e-日志-password-不外传';

describe.skipIf(!existsSync(CHROMIUM))('个人信息访问日志 in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await createUser(h.app, SYSTEM_ACTOR, { username: 'auditor', displayName: '系统管理员', password: PASSWORD, role: 'admin' });
  }, 180_000);
  afterAll(async () => { await h?.close(); });

  for (const width of [1366, 360] as const) {
    it(`shows the read of the member list at ${width} px`, async () => {
      const ctx = await newContext(h, width);
      const page = await ctx.newPage();
      await loginThroughForm(page, 'auditor', PASSWORD);
      await page.goto('/members');
      await page.locator('.ant-table-row').first().waitFor();
      await page.goto('/personal-data-log');
      const log = page.locator('[data-testid=personal-data-log]');
      await log.locator('.ant-table-row').first().waitFor();
      const first = await log.locator('.ant-table-row').first().innerText();
      expect(first).toContain('auditor');
      expect(first).toContain('查看');
      expect(first).toContain('127.0.0.1');
      if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shoot(page, 'personal-data-log');
      await ctx.close();
    });
  }
});
