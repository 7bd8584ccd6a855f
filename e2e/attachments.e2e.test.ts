import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, logIn, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClaraServer, type RunningServer } from './support/clara-server';

// A 1×1 PNG: what a customer's screenshot looks like to the server.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const LOG = Buffer.from('2026-12-06 10:02:11 ERROR sync failed: E-42 token expired\n');

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('attachment-link').filter({ hasText: name }).click()]);
  expect(file.suggestedFilename()).toBe(name);
  return readFile((await file.path())!);
}

// A customer attaches a screenshot on /support (a program is refused on the spot); the agent
// downloads it from the ticket and answers with a file of their own, which the customer downloads
// from the status page.
describeE2E('attachments in the web app', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  const subject = `Sync error with screenshot e2e${Date.now().toString(36)}`;
  let ticketNumber = 0;
  let statusPath = '';

  beforeAll(async () => {
    server = await startClaraServer({ demo: false });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a file the customer attaches on /support downloads for the agent', async () => {
    const customer = await browser.context.newPage();
    await customer.goto(`${server.url}/support`);
    await customer.getByRole('textbox', { name: 'Email' }).fill('ines.files@example.com');
    await customer.getByRole('textbox', { name: 'Subject' }).fill(subject);
    await customer.getByRole('textbox', { name: 'How can we help?' }).fill('Since this morning the sync stops with error E-42. Screenshot attached.');
    const picker = customer.locator('input[type=file]');
    await picker.setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ not a screenshot') });
    await customer.getByRole('alert').filter({ hasText: 'setup.exe' }).waitFor();
    await picker.setInputFiles({ name: 'sync-error.png', mimeType: 'image/png', buffer: PNG });
    await customer.getByTestId('pending-attachment').filter({ hasText: 'sync-error.png' }).waitFor();
    expect(await customer.getByTestId('pending-attachment').count()).toBe(1);
    await screenshot(customer, 'support-attachment');
    await customer.getByRole('button', { name: 'Send request' }).click();
    ticketNumber = Number((await customer.getByTestId('support-ticket-number').innerText()).replace('#', ''));
    statusPath = (await customer.getByTestId('support-status-link').getAttribute('href'))!;
    await customer.close();

    const { page } = browser;
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.goto(`${server.url}/tickets/${ticketNumber}`);
    await page.getByTestId('message-customer').getByTestId('attachment-link').filter({ hasText: 'sync-error.png' }).waitFor();
    expect((await download(page, 'sync-error.png')).equals(PNG)).toBe(true);
  });

  it('the agent answers with a file, and the customer downloads it from the status page', async () => {
    const { page } = browser;
    await page.getByRole('textbox', { name: /^Reply/ }).fill('Thanks! The log below shows the token expired; signing in again fixes it.');
    await page.locator('input[type=file]').setInputFiles({ name: 'sync.log', mimeType: 'text/plain', buffer: LOG });
    await page.getByTestId('pending-attachment').filter({ hasText: 'sync.log' }).waitFor();
    await screenshot(page, 'composer-attachment');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByTestId('message-reply').getByTestId('attachment-link').filter({ hasText: 'sync.log' }).waitFor();
    expect(await page.getByTestId('pending-attachment').count()).toBe(0);

    const customer = await browser.context.newPage();
    await customer.goto(`${server.url}${statusPath}`);
    await customer.getByTestId('public-message-staff').getByTestId('attachment-link').filter({ hasText: 'sync.log' }).waitFor();
    expect((await download(customer, 'sync.log')).equals(LOG)).toBe(true);
    await screenshot(customer, 'support-status-attachments');
    await customer.close();
  });
});
