import { expect as vexpect, afterAll, beforeAll, it } from 'vitest';
import { describeE2E, logIn, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClaraServer, type RunningServer } from './support/clara-server';

// One support day in the browser: dashboard, a customer writes in, an agent answers.
describeE2E('the agent workspace', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  const subject = `Printer jammed e2e${Date.now().toString(36)}`;
  let ticketNumber = 0;
  let statusPath = '';

  beforeAll(async () => {
    server = await startClaraServer({ demo: true });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in with the admin credentials', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/tickets`);
    await page.waitForURL(/\/login\?next=%2Ftickets/);
    await screenshot(page, 'login');
    await logIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByTestId('user-menu').waitFor();
    vexpect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allTextContents()).toEqual([
      'Dashboard',
      'Inbox',
      'Knowledge base',
      'Calendar',
      'Tasks',
      'Users & roles',
      'Audit log',
      'System',
      'Settings',
    ]);
  });

  it('shows dashboard numbers that match GET /api/dashboard', async () => {
    const { page, context } = browser;
    await page.getByTestId('stat-open').waitFor();
    const api = await (await context.request.get(`${server.url}/api/dashboard?tz=UTC`)).json();
    const text = (id: string) => page.getByTestId(id).innerText();
    vexpect(await text('stat-open')).toBe(String(api.counts.open));
    vexpect(await text('stat-new-today')).toBe(String(api.counts.new_today));
    vexpect(await text('stat-escalated')).toBe(String(api.counts.escalated));
    vexpect(await text('stat-pending')).toBe(String(api.counts.pending));
    vexpect(await text('stat-unassigned')).toBe(String(api.counts.unassigned));
    const percent = (p: number | null) => (p === null ? '–' : `${p}%`);
    vexpect(await text('sla-first-response-percent')).toBe(percent(api.sla.first_response.percent));
    vexpect(await text('sla-resolution-percent')).toBe(percent(api.sla.resolution.percent));
    for (const c of api.by_category) vexpect(await text(`by-category-${c.category}`)).toBe(String(c.count));
    vexpect(await page.getByTestId('workload-row').count()).toBe(api.workload.length);
    vexpect(api.counts.open).toBeGreaterThan(0);
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, 'dashboard');
  });

  it('shows knowledge-base articles on the support page while the customer types', async () => {
    const customer = await browser.context.newPage();
    await customer.goto(`${server.url}/support`);
    await customer.getByRole('textbox', { name: 'Subject' }).fill('Forgot my password');
    await customer.getByRole('textbox', { name: 'How can we help?' }).fill('How do I reset my password? The reset email never arrived.');
    const answers = customer.getByTestId('instant-answers');
    await answers.getByRole('button', { name: 'Reset your password' }).click();
    await customer.getByRole('dialog', { name: 'Reset your password' }).getByTestId('markdown').waitFor();
    await screenshot(customer, 'support-instant-answers');
    await customer.close();
  });

  it('takes a request from the public support page', async () => {
    const customer = await browser.context.newPage();
    await customer.goto(`${server.url}/support`);
    await customer.getByRole('textbox', { name: 'Your name' }).fill('Casey Customer');
    await customer.getByRole('textbox', { name: 'Email' }).fill('casey@example.com');
    await customer.getByRole('textbox', { name: 'Subject' }).fill(subject);
    await customer.getByRole('textbox', { name: 'How can we help?' }).fill('The printer on floor 3 jams on every page since this morning.');
    await screenshot(customer, 'support-form');
    await customer.getByRole('button', { name: 'Send request' }).click();
    const number = await customer.getByTestId('support-ticket-number').innerText();
    ticketNumber = Number(number.replace('#', ''));
    vexpect(ticketNumber).toBeGreaterThan(1000);
    await screenshot(customer, 'support-created');
    await customer.getByTestId('support-status-link').click();
    await customer.getByTestId('public-status').waitFor();
    statusPath = new URL(customer.url()).pathname;
    vexpect(statusPath).toMatch(/^\/support\/status\/.{20,}/);
    vexpect(await customer.getByTestId('public-status').innerText()).toMatch(/open/i);
    await customer.close();
  });

  it('finds the new ticket in the inbox and opens it by keyboard', async () => {
    const { page } = browser;
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await page.waitForURL(`${server.url}/tickets`);
    const first = page.getByTestId('ticket-row').first();
    vexpect(await first.getAttribute('data-number')).toBe(String(ticketNumber));
    await screenshot(page, 'inbox');
    await page.keyboard.press('/');
    await page.keyboard.type(subject.split(' ').at(-1)!);
    await vexpect.poll(() => page.getByTestId('ticket-row').count(), { timeout: 10_000 }).toBe(1);
    vexpect(await first.getAttribute('data-number')).toBe(String(ticketNumber));
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/tickets/${ticketNumber}`);
    vexpect(await page.getByTestId('ticket-subject').innerText()).toBe(subject);
  });

  it('finds a ticket by its number and by the customer email, and shows escalated tickets as breaching soon', async () => {
    const { page, context } = browser;
    await page.goto(`${server.url}/tickets`);
    const search = page.getByRole('searchbox', { name: 'Search' });
    const rows = page.getByTestId('ticket-row');
    const numbers = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));
    for (const q of [String(ticketNumber), `#${ticketNumber}`]) {
      await search.fill(q);
      await vexpect.poll(numbers, { timeout: 10_000 }).toEqual([String(ticketNumber)]);
    }
    await search.fill('casey@example.com');
    await vexpect.poll(numbers, { timeout: 10_000 }).toEqual([String(ticketNumber)]);
    await search.fill('casey@exa');
    await vexpect.poll(numbers, { timeout: 10_000 }).toEqual([String(ticketNumber)]);
    await search.fill('');

    // The demo's escalated, urgent ticket is due within the hour: "Breaching soon" lists it first.
    await page.getByRole('radiogroup', { name: 'Saved views' }).getByText('Breaching soon').click();
    await page.waitForURL(/sort=next_breach/);
    const api = await (await context.request.get(`${server.url}/api/tickets?status=unresolved&breach_within=240&sort=next_breach`)).json();
    vexpect(api.items.some((t: { status: string }) => t.status === 'escalated')).toBe(true);
    await vexpect.poll(numbers, { timeout: 10_000 }).toEqual(api.items.map((t: { number: number }) => String(t.number)));
    await rows.filter({ has: page.getByTestId('status-badge').filter({ hasText: 'escalated' }) }).first().waitFor();
    await screenshot(page, 'inbox-breaching-soon');
    await page.getByRole('radiogroup', { name: 'Saved views' }).getByText('Unresolved').click();
    await page.waitForURL(`${server.url}/tickets`);
    await page.goto(`${server.url}/tickets/${ticketNumber}`);
    await page.getByTestId('ticket-subject').waitFor();
  });

  it('replies, adds an internal note and changes the category', async () => {
    const { page, context } = browser;
    const reply = 'Thanks Casey, a technician is on the way to floor 3.';
    await page.getByRole('textbox', { name: /^Reply/ }).fill(reply);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('message-reply').filter({ hasText: reply }).waitFor();

    await page.getByRole('radiogroup', { name: 'Message type' }).getByText('Internal note').click();
    const note = 'Printer model is the old HP 4050; order a new roller.';
    await page.getByRole('textbox', { name: /^Internal note/ }).fill(note);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('message-note').filter({ hasText: note }).waitFor();

    await page.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Billing' }).click();
    await page.getByText(/Category changed: \w+ → billing/).waitFor();
    const ticket = await (await context.request.get(`${server.url}/api/tickets/${ticketNumber}`)).json();
    vexpect(ticket.category).toBe('billing');
    vexpect(ticket.sla.first_responded_at).not.toBeNull();
    await screenshot(page, 'ticket');
  });

  it("shows the server's message when a status change is not allowed", async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Close ticket' }).click();
    await page.getByTestId('status-badge').filter({ hasText: 'closed' }).first().waitFor();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Pending' }).click();
    await page.getByRole('alert').filter({ hasText: 'A closed ticket cannot become pending.' }).waitFor();
    await screenshot(page, 'ticket-illegal-transition');
  });

  it('shows the customer the public reply but not the internal note', async () => {
    const customer = await browser.context.newPage();
    await customer.goto(`${server.url}${statusPath}`);
    await customer.getByTestId('public-message-staff').waitFor();
    const staff = await customer.getByTestId('public-message-staff').allInnerTexts();
    vexpect(staff.join('\n')).toContain('a technician is on the way');
    vexpect(await customer.getByText('old HP 4050').count()).toBe(0);
    await screenshot(customer, 'support-status');
    await customer.close();
  });

  it('closes several tickets at once from the inbox', async () => {
    const { page, context } = browser;
    await page.goto(`${server.url}/tickets?status=open&priority=high`);
    const rows = page.getByTestId('ticket-row');
    await rows.first().waitFor();
    const numbers = [await rows.nth(0).getAttribute('data-number'), await rows.nth(1).getAttribute('data-number')];
    await page.getByRole('checkbox', { name: `Select ticket ${numbers[0]}` }).check();
    await page.getByRole('checkbox', { name: `Select ticket ${numbers[1]}` }).check();
    await page.getByText('2 selected').waitFor();
    await screenshot(page, 'inbox-bulk');
    await page.getByRole('button', { name: 'Close tickets' }).click();
    await page.getByText('Close: 2 tickets done.').waitFor();
    for (const n of numbers) vexpect((await (await context.request.get(`${server.url}/api/tickets/${n}`)).json()).status).toBe('closed');
  });

  it('creates a user and shows the generated password once', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/users`);
    await page.getByTestId('user-row').first().waitFor();
    const before = await page.getByTestId('user-row').count();
    await page.getByRole('button', { name: 'Create user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Email' }).fill('nora.new@example.com');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Nora New');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const password = await page.getByTestId('generated-password').innerText();
    vexpect(password.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'user-created');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await vexpect.poll(() => page.getByTestId('user-row').count()).toBe(before + 1);
  });

  it('renders the admin pages', async () => {
    const { page } = browser;
    for (const [path, name, ready] of [
      ['/users', 'users', 'user-row'],
      ['/users?tab=permissions', 'permissions', null],
      ['/users?tab=tokens', 'tokens', null],
      ['/audit', 'audit', 'audit-row'],
      ['/system', 'system', 'health-status'],
      ['/settings', 'settings', null],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      if (ready) await page.getByTestId(ready).first().waitFor();
      else await page.getByRole('table').first().or(page.getByText('New API token')).first().waitFor();
      await screenshot(page, name);
    }
  });
});
