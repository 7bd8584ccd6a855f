import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, logIn, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { createStaffUser, startClaraServer, type RunningServer } from './support/clara-server';

// An admin sets up the email channel from Settings: an IMAP mailbox and the acknowledgment template.
describeE2E('email settings', () => {
  let server: RunningServer;
  let admin: BrowserSession;

  beforeAll(async () => {
    // Mailbox passwords are sealed with this key; without it the server refuses to store them.
    server = await startClaraServer({ demo: false, env: { CLARA_SECRET_KEY: 'e2e-secret-key-0123456789abcdef0123456789' } });
    admin = await openBrowser();
    await logIn(admin.page, server.url, server.adminEmail, server.adminPassword);
  });
  afterAll(async () => {
    await admin?.close();
    await server?.stop();
  });

  it('adds a mailbox and shows that its server cannot be reached', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/settings`);
    await page.getByRole('tab', { name: 'Mailboxes' }).click();
    await page.getByText('No mailboxes').waitFor();
    await page.getByText('Outgoing (SMTP)').waitFor();
    await screenshot(page, 'email-settings-no-mailboxes');

    await page.getByRole('button', { name: 'Add mailbox' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an IMAP mailbox' });
    await dialog.getByRole('button', { name: 'Add mailbox' }).click();
    expect(await dialog.getByText('Required').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'email-settings-mailbox-required');

    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Support inbox');
    await dialog.getByRole('textbox', { name: 'IMAP server' }).fill('127.0.0.1');
    await dialog.getByRole('switch', { name: 'Use TLS (IMAPS)' }).uncheck();
    expect(await dialog.getByRole('textbox', { name: 'Port' }).inputValue()).toBe('143');
    // Port 1 on loopback refuses at once, so the poller reports a failure within seconds.
    await dialog.getByRole('textbox', { name: 'Port' }).fill('1');
    await dialog.getByRole('textbox', { name: 'User name' }).fill('support@example.com');
    await dialog.locator('input[type="password"]').fill('imap-password');
    await dialog.getByText('Move it to a folder').click();
    await dialog.getByRole('textbox', { name: 'Target folder' }).fill('Processed');
    await screenshot(page, 'email-settings-mailbox-dialog');
    await dialog.getByRole('button', { name: 'Add mailbox' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByTestId('mailbox-row');
    await row.getByText('Support inbox').waitFor();
    await row.getByText('127.0.0.1:1', { exact: true }).waitFor();
    await row.getByText('Move to Processed').waitFor();
    await row.getByText('Failing').waitFor({ timeout: 30_000 });
    expect(await row.getByTestId('mailbox-error').innerText()).toMatch(/ECONNREFUSED|refused/i);
    await screenshot(page, 'email-settings-mailboxes');

    await row.getByRole('button', { name: 'Edit Support inbox' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit mailbox: Support inbox' });
    await edit.getByText('Leave empty to keep the stored password.').waitFor();
    expect(await edit.locator('input[type="password"]').inputValue()).toBe('');
    await edit.getByRole('switch', { name: 'Enabled' }).uncheck();
    await edit.getByRole('button', { name: 'Save mailbox' }).click();
    await edit.waitFor({ state: 'detached' });
    await row.getByText('Disabled').waitFor();
  });

  it('edits the acknowledgment subject with a live preview, keeps it after a reload, and resets it', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/settings?tab=email-templates`);
    const subject = page.getByRole('textbox', { name: 'Subject' });
    await subject.waitFor();
    expect(await subject.inputValue()).toBe('[#{{ticket.number}}] We got your request: {{ticket.subject}}');
    await page.getByText('Default', { exact: true }).waitFor();
    await page.getByText('{{customer.name}}', { exact: true }).waitFor();

    await subject.fill('[#{{ticket.number}}] Thanks {{customer.name}}, we are on it');
    await expect.poll(() => page.getByTestId('preview-subject').innerText()).toContain('[#1042] Thanks Dana Fischer, we are on it');
    const preview = page.frameLocator('iframe[title="HTML preview"]');
    await preview.getByText('Hello Dana Fischer,').waitFor();
    await screenshot(page, 'email-settings-template');
    // Tall enough to hold the page: Chromium leaves iframes outside the viewport blank in full-page shots.
    await page.setViewportSize({ width: 1024, height: 1700 });
    await preview.getByText('Hello Dana Fischer,').waitFor();
    await screenshot(page, 'email-settings-template-narrow');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByTestId('template-customized').waitFor();

    await page.reload();
    await subject.waitFor();
    expect(await subject.inputValue()).toBe('[#{{ticket.number}}] Thanks {{customer.name}}, we are on it');
    await page.getByTestId('template-customized').waitFor();
    expect(await page.getByTestId('preview-subject').innerText()).toContain('Thanks Dana Fischer, we are on it');

    await page.getByRole('button', { name: 'Reset to default' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset to default' }).click();
    await page.getByText('Default', { exact: true }).waitFor();
    expect(await subject.inputValue()).toBe('[#{{ticket.number}}] We got your request: {{ticket.subject}}');
  });

  it('hides the email tabs from a lead, also when the URL names one', async () => {
    const lead = { email: 'lee.lead@example.com', name: 'Lee Lead', role: 'lead', password: 'lead-password-1' };
    expect(await createStaffUser(server, lead)).toBe(201);

    const browser = await openBrowser();
    try {
      await logIn(browser.page, server.url, lead.email, lead.password);
      await browser.page.goto(`${server.url}/settings?tab=mailboxes`);
      await browser.page.getByRole('tab', { name: 'Queues', selected: true }).waitFor();
      expect(await browser.page.getByRole('tab').allTextContents()).toEqual(['Queues', 'SLAs & business hours', 'Escalation rules', 'Classifier & auto-resolve']);
    } finally {
      await browser.close();
    }
  });

  it('lists incoming mail, empty on a fresh server', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/settings?tab=incoming-mail`);
    await page.getByText('No mail received yet').waitFor();
    await screenshot(page, 'email-settings-incoming');
  });
});
