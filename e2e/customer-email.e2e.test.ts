import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../src/testing/free-port';
import { SmtpSink } from '../src/testing/smtp-sink';
import { describeE2E, logIn, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClaraServer, type RunningServer } from './support/clara-server';

// A customer writes in on /support, closes the tab, and still hears back: the acknowledgment and
// the agent's reply arrive by email (a real SMTP server on loopback), each with a working status link.
describeE2E('customer email from the support page', () => {
  let sink: SmtpSink;
  let server: RunningServer;
  let browser: BrowserSession;
  const customer = 'noor.web@example.com';
  const subject = `Parcel never arrived e2e${Date.now().toString(36)}`;
  let ticketNumber = 0;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    const port = await freePort();
    server = await startClaraServer({
      demo: false,
      env: { PORT: String(port), CLARA_PUBLIC_URL: `http://127.0.0.1:${port}`, CLARA_SMTP_URL: sink.url },
    });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.close();
  });

  async function mailTo(match: (subject: string) => boolean) {
    await expect.poll(() => sink.messages.some((m) => m.to.includes(customer) && match(m.parsed.subject ?? '')), { timeout: 30_000 }).toBe(true);
    return sink.messages.find((m) => m.to.includes(customer) && match(m.parsed.subject ?? ''))!.parsed;
  }
  const statusLink = (text: string | undefined) => /http:\/\/127\.0\.0\.1:\d+\/support\/status\/[\w-]+/.exec(text ?? '')?.[0];

  it('acknowledges the request by email with a link to its status page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/support`);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Noor Web');
    await page.getByRole('textbox', { name: 'Email' }).fill(customer);
    await page.getByRole('textbox', { name: 'Subject' }).fill(subject);
    await page.getByRole('textbox', { name: 'How can we help?' }).fill('My parcel was due on Monday and the tracking page has not moved since.');
    await page.getByRole('button', { name: 'Send request' }).click();
    ticketNumber = Number((await page.getByTestId('support-ticket-number').innerText()).replace('#', ''));
    await page.close();

    const ack = await mailTo((s) => s.startsWith(`[#${ticketNumber}] We got your request`));
    const link = statusLink(ack.text);
    expect(link).toBeDefined();
    const status = await browser.context.newPage();
    await status.goto(link!);
    await status.getByTestId('public-status').waitFor();
    expect(await status.getByText(subject).count()).toBeGreaterThan(0);
    await screenshot(status, 'support-status-from-email');
    await status.close();
  });

  it('mails the agent’s reply, and its link shows the conversation', async () => {
    const { page } = browser;
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.goto(`${server.url}/tickets/${ticketNumber}`);
    const reply = 'Sorry about that, Noor: the carrier lost it and a new parcel leaves today.';
    await page.getByRole('textbox', { name: /^Reply/ }).fill(reply);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('message-reply').filter({ hasText: reply }).waitFor();

    const mail = await mailTo((s) => s === `Re: [#${ticketNumber}] ${subject}`);
    expect(mail.text).toContain(reply);
    const status = await browser.context.newPage();
    await status.goto(statusLink(mail.text)!);
    await status.getByText(reply).waitFor();
    await status.close();
  });
});
