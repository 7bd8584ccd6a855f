import { expect as vexpect, afterAll, beforeAll, it } from 'vitest';
import { describeE2E, logIn, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClaraServer, type RunningServer } from './support/clara-server';

// A lead's knowledge-base day: edit an article, publish it, and Clara answers from the new text at once.
describeE2E('the knowledge base', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  const word = `zorblax${Date.now().toString(36)}`;
  const sentence = `The ${word} code for the quantum teapot is 4711.`;

  beforeAll(async () => {
    server = await startClaraServer({ demo: true });
    browser = await openBrowser();
    await logIn(browser.page, server.url, server.adminEmail, server.adminPassword);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the articles and filters them by search', async () => {
    const { page } = browser;
    await page.getByTestId('user-menu').waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('k');
    await page.waitForURL(`${server.url}/kb`);
    await page.getByTestId('article-row').first().waitFor();
    vexpect(await page.getByTestId('article-row').count()).toBeGreaterThanOrEqual(20);
    await screenshot(page, 'kb-list');
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('API keys');
    await page.getByTestId('article-row').filter({ hasText: 'Create and manage API keys' }).waitFor();
    await vexpect.poll(() => page.getByTestId('article-row').count()).toBeLessThan(20);
  });

  it('unpublishes an article, adds a sentence with a live preview, and publishes it again', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Create and manage API keys' }).click();
    await page.getByTestId('article-title').waitFor();
    await page.getByRole('button', { name: 'Unpublish' }).click();
    await page.getByTestId('article-status').filter({ hasText: 'draft' }).waitFor();

    await page.getByRole('button', { name: 'Edit' }).click();
    const body = page.getByRole('textbox', { name: 'Body (Markdown)' });
    await body.press('Control+End');
    await body.pressSequentially(`\n\n## Teapots\n\n${sentence}`);
    await page.getByTestId('article-preview').getByRole('heading', { name: 'Teapots' }).waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'kb-editor');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('article', { name: 'Article' }).getByText(sentence).waitFor();
    await page.getByText(/v2 · updated/).waitFor();

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('article-status').filter({ hasText: 'published' }).waitFor();
    // Search uses a version once its background re-index is done.
    await page.getByTestId('article-indexing').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('table', { name: 'Versions' }).getByText('v2 (current)').waitFor();
    await screenshot(page, 'kb-article');
  });

  it('checks a new article against the server rules before saving it', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/kb`);
    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Hi');
    await page.getByRole('textbox', { name: 'Body (Markdown)' }).fill('Too short.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('At least 3 characters').waitFor();
    await page.getByText('At least 20 characters').waitFor();
    await screenshot(page, 'kb-new-invalid');
    vexpect(page.url()).toBe(`${server.url}/kb/new`);
  });

  it('creates, publishes and deletes an article', async () => {
    const { page } = browser;
    await page.getByRole('textbox', { name: 'Title' }).fill('Office plants policy');
    await page.getByRole('textbox', { name: 'Body (Markdown)' }).fill('## Watering\n\nWater the office plants every Tuesday morning.');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.getByTestId('article-title').filter({ hasText: 'Office plants policy' }).waitFor();
    await page.getByTestId('article-status').filter({ hasText: 'published' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete article' }).click();
    await page.waitForURL(`${server.url}/kb`);
    await page.getByTestId('article-row').first().waitFor();
    await vexpect.poll(() => page.getByTestId('article-row').filter({ hasText: 'Office plants policy' }).count()).toBe(0);
  });

  it('answers a question from the new sentence, citing the article', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/kb`);
    await page.getByRole('textbox', { name: 'Question' }).fill(`What is the ${word} code of the quantum teapot?`);
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const answer = page.getByTestId('ask-answer');
    await answer.waitFor();
    vexpect(await page.getByTestId('ask-answer-text').innerText()).toContain('4711');
    vexpect(await page.getByTestId('ask-confidence').innerText()).toMatch(/Confidence \d+%/);
    const citation = answer.getByTestId('citations').getByRole('link', { name: 'Create and manage API keys' });
    await citation.waitFor();
    await screenshot(page, 'kb-ask');
    await citation.click();
    await page.getByTestId('article-title').filter({ hasText: 'Create and manage API keys' }).waitFor();
  });

  it("lets a customer read Clara's answer with its sources and say it did not help, which hands the ticket back to the team", async () => {
    const { context } = browser;
    const customer = await context.newPage();
    await customer.goto(`${server.url}/support`);
    await customer.getByRole('textbox', { name: 'Your name' }).fill('Robin Reader');
    await customer.getByRole('textbox', { name: 'Email' }).fill('robin@example.com');
    await customer.getByRole('textbox', { name: 'Subject' }).fill('Two-factor authentication');
    await customer.getByRole('textbox', { name: 'How can we help?' }).fill('How do I regenerate my recovery codes for two-factor authentication?');
    await customer.getByRole('button', { name: 'Send request' }).click();
    const number = Number((await customer.getByTestId('support-ticket-number').innerText()).replace('#', ''));
    await customer.getByTestId('support-status-link').click();
    await customer.getByTestId('public-status').filter({ hasText: 'Resolved' }).waitFor();
    const answer = customer.getByTestId('public-message-staff').filter({ hasText: 'Clara (automatic answer)' });
    await answer.waitFor();
    vexpect(await answer.innerText()).not.toMatch(/\*\*|\[\d+\]/);
    await screenshot(customer, 'support-auto-answer');
    const [article] = await Promise.all([context.waitForEvent('page'), answer.getByTestId('public-message-sources').getByRole('link').first().click()]);
    await article.getByTestId('support-article-title').waitFor();
    vexpect(await article.getByTestId('support-article-title').innerText()).toMatch(/two-factor/i);
    await article.close();

    await customer.getByRole('button', { name: 'No, this did not help' }).click();
    await customer.getByRole('textbox', { name: /What is still not working/ }).fill('The regenerate button is greyed out for me.');
    await customer.getByRole('button', { name: 'Send to the support team' }).click();
    await customer.getByTestId('auto-answer-feedback-done').filter({ hasText: 'A person from our team is taking over' }).waitFor();
    await customer.getByTestId('public-status').filter({ hasText: 'Open' }).waitFor();
    await screenshot(customer, 'support-did-not-help');
    await customer.close();
    const ticket = await (await context.request.get(`${server.url}/api/tickets/${number}`)).json();
    vexpect(ticket.status).toBe('open');
    vexpect(ticket.metadata.auto_answer.failed_at).toBeTruthy();
  });

  it('shows the auto-resolve rate that GET /api/dashboard reports', async () => {
    const { page, context } = browser;
    await page.goto(`${server.url}/`);
    const api = await (await context.request.get(`${server.url}/api/dashboard?tz=UTC`)).json();
    const percent = api.auto_resolve.percent === null ? '–' : `${api.auto_resolve.percent}%`;
    vexpect(await page.getByTestId('auto-resolve-percent').innerText()).toBe(percent);
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, 'dashboard-autoresolve');
  });

  it('on a ticket: corrects the category in one click, inserts the suggested answer and escalates', async () => {
    const { page, context } = browser;
    const list = await (await context.request.get(`${server.url}/api/tickets?status=open&limit=1`)).json();
    const ticket = list.items[0];
    const other = ticket.category === 'billing' ? 'Technical' : 'Billing';
    await page.goto(`${server.url}/tickets/${ticket.number}`);
    await page.getByTestId('ticket-subject').waitFor();
    await page.getByTestId('correct-category').getByText(other, { exact: true }).click();
    await page.getByText(new RegExp(`Category changed: \\w+ → ${other.toLowerCase()}`)).waitFor();
    await page.getByText('“Classifier correction”').first().waitFor();
    const saved = await (await context.request.get(`${server.url}/api/tickets/${ticket.number}`)).json();
    vexpect(saved.category).toBe(other.toLowerCase());

    await page.getByTestId('suggestion').or(page.getByTestId('suggestion-none')).waitFor();
    if (await page.getByTestId('suggestion').count()) {
      await page.getByRole('button', { name: 'Insert into reply' }).click();
      vexpect(await page.getByRole('textbox', { name: /^Reply/ }).inputValue()).toContain('Sources:');
    }
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'ticket-assist');

    await page.getByRole('button', { name: 'Escalate' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Customer is a key account, a lead must look.');
    await dialog.getByRole('button', { name: 'Escalate' }).click();
    await page.getByTestId('status-badge').filter({ hasText: 'escalated' }).first().waitFor();
    await page.getByText('Escalated by hand').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'De-escalate' }).waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'ticket-escalated');
  });

  it('manages queues, SLAs, escalation rules and the auto-resolve threshold in the settings tabs', async () => {
    const { page, context } = browser;
    await page.goto(`${server.url}/settings`);
    await page.getByTestId('queue-row').first().waitFor();
    await page.getByRole('button', { name: 'Edit General Support' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Questions, how-tos, moving house and installation appointments.');
    await dialog.getByLabel('Members of General Support').click();
    await page.getByRole('option', { name: /Administrator/ }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('combobox', { name: 'Assignment' }).click();
    await page.getByRole('option', { name: 'Least loaded' }).click();
    await dialog.getByRole('button', { name: 'Save queue' }).click();
    await page.getByTestId('queue-row').filter({ hasText: 'General Support' }).getByText('Least loaded').waitFor();
    await page.getByTestId('queue-row').filter({ hasText: 'General Support' }).getByText(/moving house and installation appointments/).waitFor();
    await screenshot(page, 'settings-queues');
    // The demo's Escalations queue has no members while default rules send tickets there: the panel says so.
    await page.getByTestId('queue-warning').filter({ hasText: 'Escalations has no members' }).waitFor();
    await page.getByRole('button', { name: 'New queue' }).click();
    const created = page.getByRole('dialog', { name: 'New queue' });
    await created.getByRole('textbox', { name: 'Name' }).fill('Returns');
    await created.getByRole('button', { name: 'Create queue' }).click();
    await page.getByTestId('queue-row').filter({ hasText: 'Returns' }).waitFor();
    await page.getByRole('button', { name: 'Edit Returns' }).click();
    const returns = page.getByRole('dialog');
    await returns.getByRole('combobox', { name: 'Move its tickets to' }).click();
    await returns.getByRole('option', { name: 'Billing & Payments' }).click();
    await returns.getByRole('button', { name: 'Archive queue' }).click();
    await page.getByTestId('queue-row').filter({ hasText: 'Returns' }).getByTestId('queue-archived').waitFor();
    await screenshot(page, 'settings-queues-archived');

    await page.getByRole('tab', { name: 'SLAs & business hours' }).click();
    await page.getByTestId('sla-row').first().waitFor();
    await page.getByRole('button', { name: 'New calendar' }).click();
    const calendar = page.getByRole('dialog');
    await calendar.getByRole('textbox', { name: 'Name' }).fill('Berlin office');
    await calendar.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Berl');
    await page.getByRole('option', { name: 'Europe/Berlin' }).click();
    await calendar.getByRole('textbox', { name: 'Friday to' }).fill('13:00');
    await calendar.getByRole('textbox', { name: 'Holidays' }).fill('2026-12-24 Christmas Eve\n2026-12-25 Christmas Day');
    await screenshot(page, 'settings-calendar-editor');
    await calendar.getByRole('button', { name: 'Save calendar' }).click();
    await page.getByTestId('calendar-card').filter({ hasText: 'Berlin office' }).getByText('Europe/Berlin · Mon, Tue, Wed, Thu, Fri').waitFor();
    await screenshot(page, 'settings-slas');

    await page.getByRole('tab', { name: 'Escalation rules' }).click();
    const firstRule = page.getByTestId('rule-row').first();
    await firstRule.waitFor();
    await page.getByRole('button', { name: 'New rule' }).click();
    const editor = page.getByRole('dialog');
    await editor.getByRole('textbox', { name: 'Name' }).fill('VIP customers');
    await editor.getByRole('textbox', { name: 'Conditions (JSON)' }).fill('{"type": "vip", "level": 3}');
    await editor.getByText('Conditions are not valid').waitFor();
    await screenshot(page, 'settings-rule-editor');
    await editor.getByRole('textbox', { name: 'Conditions (JSON)' }).fill('{"type": "vip"}');
    await editor.getByRole('button', { name: 'Save rule' }).click();
    await page.getByTestId('rule-row').filter({ hasText: 'VIP customers' }).waitFor();
    await page.getByRole('switch', { name: 'VIP customers enabled' }).click({ force: true });
    await vexpect
      .poll(async () => (await (await context.request.get(`${server.url}/api/admin/escalation-rules`)).json()).items.find((r: { name: string }) => r.name === 'VIP customers').enabled)
      .toBe(false);
    await screenshot(page, 'settings-rules');

    await page.getByRole('tab', { name: 'Classifier & auto-resolve' }).click();
    const threshold = page.getByRole('textbox', { name: 'Confidence threshold' });
    await threshold.fill('0.95');
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await page.getByTestId('autoresolve-source').filter({ hasText: 'Set by an admin' }).waitFor();
    vexpect((await (await context.request.get(`${server.url}/api/admin/settings/autoresolve`)).json()).threshold).toBe(0.95);
    await page.getByRole('table', { name: 'Routing table' }).waitFor();
    await screenshot(page, 'settings-automation');

    // Every settings change above is in the audit log; the Target filter narrows it to the calendar.
    await page.goto(`${server.url}/audit`);
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByRole('combobox', { name: 'Target' }).click();
    await page.getByRole('option', { name: 'Calendar', exact: true }).click();
    const calendarRow = page.getByTestId('audit-row').filter({ hasText: 'calendar.created' });
    await calendarRow.getByTestId('audit-change').filter({ hasText: 'name: Berlin office' }).waitFor();
    await vexpect.poll(() => page.getByTestId('audit-row').filter({ hasText: 'escalation_rule' }).count()).toBe(0);
    await screenshot(page, 'audit-calendar');
  });
});
