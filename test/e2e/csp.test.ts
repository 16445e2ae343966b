/**
 * The Content Security Policy in a real browser: the web UI and /docs load and work with it (no
 * inline script is needed and none is refused), and the UI's own state-changing requests pass the
 * Origin check. Screenshots of /docs with the policy at 1366 px and 360 px.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/app/access.ts';
import { createUser } from '../../src/app/auth-service.ts';
import { CHROMIUM, loginThroughForm, newContext, shoot, startHarness, type Harness } from './browser.ts';

const PASSWORD = 'e2e-password-不外传';

/** Collects the browser's Content Security Policy complaints on a page. */
function cspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) found.push(m.text()); });
  return found;
}

describe.skipIf(!existsSync(CHROMIUM))('Content Security Policy in Chromium', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    await createUser(h.app, SYSTEM_ACTOR, { username: 'csp-admin', password: PASSWORD, role: 'admin' });
  }, 180_000);
  afterAll(async () => { await h?.close(); });

  it('the web UI logs in and shows its pages with no CSP violation', async () => {
    const ctx = await newContext(h, 1366);
    const page = await ctx.newPage();
    const violations = cspViolations(page);
    const answers: number[] = [];
    page.on('response', (r) => { if (r.request().method() === 'POST') answers.push(r.status()); });
    await loginThroughForm(page, 'csp-admin', PASSWORD);
    // The login POST went through the Origin check as the browser sent it.
    expect(answers).toContain(200);
    await page.locator('.ant-layout').first().waitFor();
    expect(violations).toEqual([]);
    await ctx.close();
  });

  it('/docs (swagger-ui) renders the API with no CSP violation, at both widths', async () => {
    for (const width of [1366, 360] as const) {
      const ctx = await newContext(h, width);
      const page = await ctx.newPage();
      const violations = cspViolations(page);
      await page.goto('/docs');
      await page.getByText('Zhibu 支部 API').first().waitFor();
      await page.locator('.opblock').first().waitFor();
      await shoot(page, 'docs');
      expect(violations).toEqual([]);
      await ctx.close();
    }
  });

  it('an inline script injected into the page is refused', async () => {
    const ctx = await newContext(h, 1366);
    const page = await ctx.newPage();
    const violations = cspViolations(page);
    await page.goto('/login');
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.length).toBeGreaterThan(0);
    await ctx.close();
  });
});
