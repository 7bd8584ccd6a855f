import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, logIn, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClaraServer, type RunningServer } from './support/clara-server';

// A new installation shows a month of made-up work, says so, and an admin clears it in one click.
describeE2E('the demo data', () => {
  let server: RunningServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startClaraServer({ demo: true });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('marks the demo in the app and removes it in one click', async () => {
    const { page, context } = browser;
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByTestId('demo-banner').waitFor();
    const dashboard = await (await context.request.get(`${server.url}/api/dashboard?tz=UTC`)).json();
    expect(dashboard.volume.filter((d: { created: number }) => d.created > 0).length).toBeGreaterThan(15);
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, 'demo-dashboard');

    await page.goto(`${server.url}/tickets?status=all`);
    await page.getByTestId('demo-badge').first().waitFor();

    await page.getByTestId('demo-banner').getByRole('button', { name: 'Remove demo data' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove demo data' }).click();
    await page.getByText(/^Removed \d+ tickets, 4 staff accounts, 24 articles\.$/).waitFor();
    await page.getByTestId('demo-banner').waitFor({ state: 'detached' });
    const left = await (await context.request.get(`${server.url}/api/tickets`)).json();
    expect(left.total).toBe(0);
    const users = await (await context.request.get(`${server.url}/api/admin/users`)).json();
    expect(users.items.map((u: { email: string }) => u.email)).toEqual([server.adminEmail]);
  });
});
