import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, logIn, openBrowser, type BrowserSession } from './support/browser';
import { startClaraServer, type RunningServer } from './support/clara-server';

// Every page works under Clara's Content-Security-Policy: no violation is reported anywhere.
describeE2E('security headers in the browser', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  const violations: string[] = [];

  function watch(page: Page) {
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to (load|apply|execute|connect|frame)/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
    });
  }

  beforeAll(async () => {
    server = await startClaraServer({ demo: true });
    browser = await openBrowser();
    watch(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the headers on the app, the API and the support page', async () => {
    for (const path of ['/', '/support', '/api/auth/me']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('raises no CSP violation on the staff pages, the support page and a status page', async () => {
    const { page, context } = browser;
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.locator('.recharts-surface').first().waitFor();
    const first = (await (await context.request.get(`${server.url}/api/tickets?limit=1`)).json()).items[0];
    for (const [path, ready] of [
      ['/tickets', 'table'],
      [`/tickets/${first.number}`, 'textarea'],
      ['/kb', 'main'],
      ['/calendar', '.fc'],
      ['/tasks', 'main'],
      ['/users', 'table'],
      ['/audit', 'main'],
      ['/system', 'main'],
      ['/settings', 'main'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    const customer = await context.newPage();
    watch(customer);
    await customer.goto(`${server.url}/support`);
    await customer.getByRole('textbox', { name: 'Email' }).fill('csp@example.com');
    await customer.getByRole('textbox', { name: 'Subject' }).fill('Checking the status page');
    await customer.getByRole('textbox', { name: 'How can we help?' }).fill('Nothing is wrong, this request only opens a status page.');
    await customer.getByRole('button', { name: 'Send request' }).click();
    await customer.getByTestId('support-status-link').click();
    await customer.getByTestId('public-status').waitFor();
    await customer.waitForLoadState('networkidle');
    await customer.close();
    expect(violations).toEqual([]);
  });
});
