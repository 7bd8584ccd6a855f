import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, logIn, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { createStaffUser, startClaraServer, type RunningServer } from './support/clara-server';

const VIEWER = { email: 'vera.viewer@example.com', name: 'Vera Viewer', role: 'viewer', password: 'viewer-password-1' };

// The UI hides what a role may not use, a direct URL shows the 403 page, and the API refuses anyway.
describeE2E('a viewer', () => {
  let server: RunningServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startClaraServer({ demo: false });
    expect(await createStaffUser(server, VIEWER)).toBe(201);
    browser = await openBrowser();
    await logIn(browser.page, server.url, VIEWER.email, VIEWER.password);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('does not see Users & roles or the admin pages in the navigation', async () => {
    const nav = browser.page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Dashboard', 'Inbox', 'Knowledge base', 'Calendar', 'Tasks']);
  });

  it('gets the 403 page on a direct URL to Users & roles', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/users`);
    const forbidden = page.getByTestId('forbidden-page');
    await forbidden.waitFor();
    expect(await forbidden.innerText()).toContain('403');
    expect(await forbidden.innerText()).toContain('users:read');
    await screenshot(page, 'forbidden');
  });

  it('is refused by the API with 403', async () => {
    const res = await browser.context.request.get(`${server.url}/api/admin/users`);
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe('FORBIDDEN');
  });

  it('sees an empty inbox state and no reply box', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/tickets`);
    await page.getByText('No unresolved tickets').waitFor();
    await screenshot(page, 'inbox-empty');
  });
});
