import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, logIn, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClaraServer, type RunningServer } from './support/clara-server';

// Typed work is never lost: a reply draft survives a reload, a look at the suggested answer's
// source, leaving the page and logging out; a new article survives a reload.
describeE2E('drafts', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let ticketPath = '';
  const reply = 'Hi Olivia, I unlocked your account. Please try logging in once more and tell me how it goes.';

  beforeAll(async () => {
    server = await startClaraServer({ demo: true });
    browser = await openBrowser();
    await logIn(browser.page, server.url, server.adminEmail, server.adminPassword);
    const found = await (await browser.context.request.get(`${server.url}/api/tickets?q=${encodeURIComponent('Cannot log in after password reset')}`)).json();
    ticketPath = `/tickets/${found.items[0].number}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const replyBox = () => browser.page.getByRole('textbox', { name: /^Reply/ });

  it('keeps a reply draft across a reload', async () => {
    const { page } = browser;
    await page.goto(`${server.url}${ticketPath}`);
    await replyBox().fill(reply);
    await page.getByTestId('draft-status').filter({ hasText: 'Draft saved' }).waitFor();
    await page.reload();
    await expect.poll(() => replyBox().inputValue(), { timeout: 10_000 }).toBe(reply);
    await screenshot(page, 'ticket-draft-restored');
  });

  it("opens the suggested answer's source beside the reply, which stays as typed", async () => {
    const { page } = browser;
    await page.getByTestId('suggestion').getByTestId('citations').getByRole('button').first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('markdown').waitFor();
    expect(page.url()).toBe(`${server.url}${ticketPath}`);
    await screenshot(page, 'ticket-source-beside');
    // The reply can be edited with the article open beside it.
    await replyBox().press('End');
    await replyBox().type(' ');
    await replyBox().press('Backspace');
    await page.getByRole('button', { name: 'Close the article' }).click();
    await drawer.waitFor({ state: 'detached' });
    expect(await replyBox().inputValue()).toBe(reply);
  });

  it('keeps text typed just before leaving the page and before logging out', async () => {
    const { page } = browser;
    const more = `${reply} Best, Admin`;
    await replyBox().fill(more);
    // Straight to the inbox, before the save delay has passed: the page saves before it goes.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Inbox' }).click();
    await page.waitForURL(`${server.url}/tickets`);
    await page.goto(`${server.url}${ticketPath}`);
    await expect.poll(() => replyBox().inputValue(), { timeout: 10_000 }).toBe(more);

    const last = `${more}.`;
    await replyBox().fill(last);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: /Log out/ }).click();
    await page.waitForURL(/\/login/);
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.goto(`${server.url}${ticketPath}`);
    await expect.poll(() => replyBox().inputValue(), { timeout: 10_000 }).toBe(last);
  });

  it('forgets the draft once the reply is sent', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByTestId('message-reply').filter({ hasText: 'Best, Admin.' }).waitFor();
    await page.reload();
    await page.getByTestId('message-reply').filter({ hasText: 'Best, Admin.' }).waitFor();
    expect(await replyBox().inputValue()).toBe('');
  });

  it('restores a new knowledge-base article after a reload', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/kb/new`);
    await page.getByRole('textbox', { name: 'Title' }).fill('Moving your account to a new company');
    await page.getByRole('textbox', { name: 'Body (Markdown)' }).fill('## Before you start\n\nAsk your admin to export the projects first.');
    await page.getByTestId('draft-status').filter({ hasText: 'Draft saved' }).waitFor();
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Moving your account to a new company');
    expect(await page.getByRole('textbox', { name: 'Body (Markdown)' }).inputValue()).toContain('export the projects first');
    await screenshot(page, 'kb-draft-restored');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByTestId('article-title').filter({ hasText: 'Moving your account to a new company' }).waitFor();
    await page.goto(`${server.url}/kb/new`);
    await page.getByRole('textbox', { name: 'Title' }).waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('');
  });
});
