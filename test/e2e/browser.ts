/**
 * Browser-test support: the real server (API + built web UI) over a PGlite memory database with
 * the demo loaded, on a random loopback port, and Debian's Chromium driven by playwright-core.
 * The project never downloads a browser: `chromium` comes from apt (scripts/apt-packages-browser.txt).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildServer } from '../../src/api/server.ts';
import type { AppContext } from '../../src/app/context.ts';
import { loadDemo } from '../../src/app/demo-service.ts';
import { createTestApp } from '../support/db.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-artifacts/screenshots');
export const DOWNLOADS = resolve(import.meta.dirname, '../../test-artifacts/downloads');

import { todayInChina } from '../../src/app/clock.ts';

/** Today in China (the server's and the browser's calendar day). */
export { todayInChina };

export interface Harness {
  app: AppContext;
  server: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the whole stack: demo database, server with the UI, and Chromium. */
export async function startHarness(): Promise<Harness> {
  const app = await createTestApp('pglite');
  await loadDemo(app, { force: false });
  const server = await buildServer(app, { today: todayInChina });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return {
    app, server, browser, baseUrl: `http://127.0.0.1:${port}`,
    close: async () => { await browser.close(); await server.close(); await app.close(); },
  };
}

/** A fresh browser profile (cookies, storage) at a viewport width: 1366 (desktop) or 360 (phone). */
export function newContext(h: Harness, width: 1366 | 360): Promise<BrowserContext> {
  return h.browser.newContext({
    baseURL: h.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true,
    viewport: width === 360 ? { width: 360, height: 740 } : { width: 1366, height: 900 },
    deviceScaleFactor: 1, isMobile: width === 360, hasTouch: width === 360,
  });
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>-<width>.png. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  // Let charts and transitions settle so the picture shows the page, not its animation.
  await page.waitForTimeout(400);
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
}

/** Logs in through the login form and waits for the landing page. */
export async function loginThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
