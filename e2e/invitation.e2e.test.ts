import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, logIn, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClaraServer, type RunningServer } from './support/clara-server';

// An admin invites a colleague from Users & roles; the colleague sets a password from the link and logs in.
describeE2E('inviting a colleague', () => {
  let server: RunningServer;
  let admin: BrowserSession;
  let invitee: BrowserSession | undefined;

  beforeAll(async () => {
    server = await startClaraServer({ demo: false });
    admin = await openBrowser();
    await logIn(admin.page, server.url, server.adminEmail, server.adminPassword);
  });
  afterAll(async () => {
    await invitee?.close();
    await admin?.close();
    await server?.stop();
  });

  it('creates the user with an invitation, and the link sets their password once', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/users`);
    await page.getByRole('button', { name: 'Create user' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('ivy.invited@example.com');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Ivy Invited');
    await dialog.getByRole('switch', { name: 'Send an invitation email' }).check();
    expect(await dialog.getByLabel('Password', { exact: true }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const link = await dialog.getByTestId('invite-url').innerText();
    expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
    await screenshot(page, 'invitation-created');

    invitee = await openBrowser();
    await invitee.page.goto(link);
    await invitee.page.getByRole('heading', { name: 'Welcome, Ivy Invited' }).waitFor();
    await invitee.page.getByLabel('New password').fill('ivy-password-123');
    await invitee.page.getByLabel('Repeat the password').fill('ivy-password-123');
    await screenshot(invitee.page, 'invitation-accept');
    await invitee.page.getByRole('button', { name: 'Set password' }).click();
    await invitee.page.getByText('Your password is set').waitFor();
    await logIn(invitee.page, server.url, 'ivy.invited@example.com', 'ivy-password-123');
    await invitee.page.getByRole('button', { name: /Notifications/ }).waitFor();

    await invitee.page.goto(link);
    await invitee.page.getByText('This link no longer works').waitFor();
  });
});
