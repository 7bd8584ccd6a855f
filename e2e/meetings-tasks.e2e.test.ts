import { DateTime } from 'luxon';
import { request, type APIRequestContext } from 'playwright-core';
import { expect as vexpect, afterAll, beforeAll, it } from 'vitest';
import { describeE2E, logIn, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClaraServer, type RunningServer } from './support/clara-server';

// A lead schedules the weekly team meeting across two time zones, works around a conflict, and tracks an action item.
describeE2E('meetings and tasks', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let admin: APIRequestContext;
  let csrf = '';
  const run = Date.now().toString(36);
  const password = 'e2e-staff-password';
  const people: Record<string, { id: string; email: string }> = {};
  // Next Monday (at least tomorrow): 15:00 Berlin is 14:00 UTC, inside Berlin's and New York's working hours.
  const monday = DateTime.now().setZone('Europe/Berlin').startOf('week').plus({ weeks: 1 });
  const meetingTitle = `Weekly support sync ${run}`;
  const actionItem = `Send the weekly report ${run}`;

  const post = async (path: string, data: unknown) => {
    const res = await admin.post(path, { data, headers: { 'x-csrf-token': csrf } });
    vexpect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    server = await startClaraServer({ demo: true });
    admin = await request.newContext({ baseURL: server.url });
    const login = await admin.post('/api/auth/login', { data: { email: server.adminEmail, password: server.adminPassword } });
    csrf = (await login.json()).csrf_token;
    for (const [key, name, role, timezone] of [
      ['lead', 'Lou Lead', 'lead', 'Europe/Berlin'],
      ['ana', 'Ana Agent', 'agent', 'Europe/Berlin'],
      ['bo', 'Bo Agent', 'agent', 'Europe/Berlin'],
      ['cy', 'Cy Agent', 'agent', 'America/New_York'],
    ] as const) {
      const email = `${key}-${run}@clara.test`;
      const user = await post('/api/admin/users', { email, name, role, password, timezone });
      people[key] = { id: user.id, email };
    }
    // Cy is already busy when the lead first tries: an escalation call at 15:00 Berlin on Monday.
    await post('/api/meetings', {
      title: 'Customer escalation call',
      start: monday.set({ hour: 15 }).toISO(),
      end: monday.set({ hour: 16 }).toISO(),
      timezone: 'Europe/Berlin',
      attendee_ids: [people.cy!.id],
    });
    browser = await openBrowser();
    await logIn(browser.page, server.url, people.lead!.email, password);
  });
  afterAll(async () => {
    await admin?.dispose();
    await browser?.close();
    await server?.stop();
  });

  it('schedules a weekly meeting, warns about the conflict and takes a suggested free slot', async () => {
    const { page } = browser;
    await page.getByTestId('user-menu').waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await page.waitForURL(`${server.url}/calendar`);
    await page.getByTestId('meeting-calendar').waitFor();
    await page.getByRole('button', { name: 'New meeting' }).click();
    const dialog = page.getByRole('dialog', { name: 'New meeting' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(meetingTitle);
    await dialog.getByRole('textbox', { name: 'Start', exact: true }).fill(monday.set({ hour: 15 }).toFormat("yyyy-MM-dd'T'HH:mm"));
    await dialog.getByRole('textbox', { name: 'End', exact: true }).fill(monday.set({ hour: 15, minute: 30 }).toFormat("yyyy-MM-dd'T'HH:mm"));
    await dialog.getByText('Weekly', { exact: true }).click();
    for (const name of ['Ana Agent', 'Bo Agent', 'Cy Agent']) {
      await dialog.getByRole('combobox', { name: 'Attendees' }).fill(name.split(' ')[0]!);
      await page.getByRole('option', { name: new RegExp(name) }).click();
    }
    await dialog.getByRole('textbox', { name: 'Agenda' }).fill('Queue health, escalations, next week\u2019s rota.');
    await dialog.getByRole('button', { name: 'Schedule' }).click();

    const warning = dialog.getByTestId('conflict-warning');
    await warning.waitFor();
    vexpect(await warning.innerText()).toContain('Customer escalation call');
    vexpect(await warning.innerText()).toContain('Cy Agent');
    const firstSlot = warning.getByTestId('free-slot').first();
    await firstSlot.waitFor();
    await screenshot(page, 'meeting-conflict');
    await firstSlot.click();
    await warning.waitFor({ state: 'detached' });
    // The first common free time: 16:00 Berlin (10:00 in New York), or 14:00 in the weeks the two zones switch DST apart.
    const chosen = DateTime.fromFormat(await dialog.getByRole('textbox', { name: 'Start', exact: true }).inputValue(), "yyyy-MM-dd'T'HH:mm", { zone: 'Europe/Berlin' });
    vexpect([14, 16]).toContain(chosen.hour);
    vexpect(chosen.toISODate()).toBe(monday.toISODate());
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'detached' });

    const meetings = await (await admin.get('/api/meetings', { params: { from: monday.toUTC().toISO()!, to: monday.plus({ days: 1 }).toUTC().toISO()! } })).json();
    const created = meetings.items.find((m: { title: string }) => m.title === meetingTitle);
    vexpect(created).toMatchObject({ start: chosen.toUTC().toISO(), recurrence: 'FREQ=WEEKLY;BYDAY=MO', timezone: 'Europe/Berlin' });
    vexpect(created.attendees.map((a: { user_id: string }) => a.user_id).sort()).toEqual([people.lead!.id, people.ana!.id, people.bo!.id, people.cy!.id].sort());
    // Each invited agent gets an iCalendar invitation through the outbox; the organizer does not.
    const outbox = (await (await admin.get('/api/admin/outbox', { params: { limit: 200 } })).json()).items as { to: string; subject: string }[];
    const invited = outbox.filter((e) => e.subject === `Invitation: ${meetingTitle}`).map((e) => e.to);
    vexpect(invited.sort()).toEqual([people.ana!.email, people.bo!.email, people.cy!.email].sort());
  });

  it('shows the series in the week and month views', async () => {
    const { page } = browser;
    await page.locator('.fc-next-button').click();
    await page.locator('.fc-event').filter({ hasText: meetingTitle }).first().waitFor();
    await screenshot(page, 'calendar-week');
    await page.locator('.fc-dayGridMonth-button').click();
    await vexpect.poll(() => page.locator('.fc-event').filter({ hasText: meetingTitle }).count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'calendar-month');
    await page.locator('.fc-timeGridWeek-button').click();
  });

  it('finds common free times for attendees in two time zones', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Find a time' }).click();
    const dialog = page.getByRole('dialog', { name: 'Find a time' });
    for (const name of ['Ana Agent', 'Cy Agent']) {
      await dialog.getByRole('combobox', { name: 'Attendees' }).fill(name.split(' ')[0]!);
      await page.getByRole('option', { name: new RegExp(name) }).click();
    }
    await page.keyboard.press('Tab');
    await dialog.getByRole('button', { name: 'Find free times' }).click();
    await dialog.getByTestId('free-slot').first().waitFor();
    // Berlin and New York working days overlap from 15:00 (14:00 while their DST dates differ) to 17:00 Berlin time.
    const labels = await dialog.getByTestId('free-slot').allInnerTexts();
    for (const label of labels) vexpect(label >= '14:00' && label <= '17:00', label).toBe(true);
    await screenshot(page, 'find-a-time');
    await dialog.getByRole('button', { name: 'Close' }).or(dialog.locator('.mantine-Modal-close')).first().click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('moves the whole series from its second occurrence and cancels a single occurrence', async () => {
    const { page } = browser;
    const wall = "yyyy-MM-dd'T'HH:mm";
    const title = `Shift handover ${run}`;
    const first = monday.plus({ days: 1 }).set({ hour: 9 });
    await post('/api/meetings', { title, start: first.toFormat(wall), end: first.plus({ minutes: 30 }).toFormat(wall), timezone: 'Europe/Berlin', recurrence: 'FREQ=WEEKLY;BYDAY=TU', attendee_ids: [people.lead!.id] });
    await page.locator('.fc-next-button').click();
    await page.locator('.fc-event').filter({ hasText: title }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Edit meeting' });
    await dialog.getByText('The whole series').click();
    const second = first.plus({ weeks: 1 });
    await dialog.getByRole('textbox', { name: 'Start', exact: true }).fill(second.plus({ hours: 1 }).toFormat(wall));
    await dialog.getByRole('textbox', { name: 'End', exact: true }).fill(second.plus({ hours: 1, minutes: 30 }).toFormat(wall));
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    const range = { from: first.minus({ days: 1 }).toUTC().toISO()!, to: first.plus({ weeks: 3 }).toUTC().toISO()! };
    const starts = async () =>
      ((await (await admin.get('/api/meetings', { params: range })).json()).items as { title: string; start: string }[]).filter((m) => m.title === title).map((m) => m.start);
    // The series keeps its first week and moves an hour later throughout.
    vexpect(await starts()).toEqual([0, 1, 2].map((w) => first.plus({ weeks: w, hours: 1 }).toUTC().toISO()));

    await page.locator('.fc-event').filter({ hasText: title }).first().click();
    await dialog.getByRole('button', { name: 'Cancel meeting…' }).click();
    await page.getByRole('menuitem', { name: 'Cancel this occurrence' }).click();
    await dialog.waitFor({ state: 'detached' });
    vexpect(await starts()).toEqual([0, 2].map((w) => first.plus({ weeks: w, hours: 1 }).toUTC().toISO()));
    await page.locator('.fc-prev-button').click();
  });

  it('creates a personal calendar feed URL that calendar apps can read, and revokes it', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Calendar feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe from your calendar app' });
    await dialog.getByRole('button', { name: 'Create feed URL' }).click();
    const url = await dialog.getByTestId('feed-url').inputValue();
    vexpect(url).toMatch(/\/api\/calendar\/clcal_.+\.ics$/);
    await screenshot(page, 'calendar-feed');
    const feed = await request.newContext();
    const path = new URL(url).pathname;
    const ics = await feed.get(`${server.url}${path}`);
    vexpect(ics.headers()['content-type']).toContain('text/calendar');
    vexpect(await ics.text()).toContain(meetingTitle);
    await dialog.getByRole('button', { name: 'Revoke my feed' }).click();
    await dialog.getByText('Your feed URL was revoked').waitFor();
    vexpect((await feed.get(`${server.url}${path}`)).status()).toBe(404);
    await feed.dispose();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('adds an action item from the meeting dialog', async () => {
    const { page } = browser;
    await page.locator('.fc-event').filter({ hasText: meetingTitle }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Edit meeting' });
    await dialog.getByTestId('action-items').waitFor();
    await dialog.getByRole('textbox', { name: 'New action item' }).fill(actionItem);
    await dialog.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'Ana Agent' }).click();
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByTestId('action-items').getByText(actionItem).waitFor();
    await screenshot(page, 'meeting-dialog');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('moves the action item to done on the task board by keyboard', async () => {
    const { page } = browser;
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await page.waitForURL(`${server.url}/tasks`);
    const card = page.getByTestId('task-card').filter({ hasText: actionItem });
    await page.getByTestId('column-todo').getByText(actionItem).waitFor();
    vexpect(await card.innerText()).toContain('Ana Agent');
    await screenshot(page, 'task-board');
    await page.getByRole('button', { name: `Move ${actionItem}` }).focus();
    // dnd-kit announces each step in a live region; waiting for it keeps the key presses in step with the drag.
    const announced = (text: string) => page.getByText(text).last().waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await announced(`${actionItem} is over To do.`);
    for (const column of ['In progress', 'Blocked', 'Done']) {
      await page.keyboard.press('ArrowRight');
      await announced(`${actionItem} is over ${column}.`);
    }
    await page.keyboard.press('Space');
    await page.getByTestId('column-done').getByText(actionItem).waitFor();
    await vexpect
      .poll(async () => (await (await admin.get('/api/tasks', { params: { assignee: people.ana!.id } })).json()).items.map((t: { title: string; status: string }) => `${t.title}:${t.status}`))
      .toEqual([`${actionItem}:done`]);
    await screenshot(page, 'task-board-done');
    await page.getByRole('button', { name: `Open task ${actionItem}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit task' });
    await dialog.getByText('moved it from To do to Done').waitFor();
    await screenshot(page, 'task-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the team progress on the dashboard', async () => {
    const { page } = browser;
    await page.keyboard.press('g');
    await page.keyboard.press('d');
    await page.waitForURL(`${server.url}/`);
    const row = page.getByTestId('progress-row').and(page.locator(`[data-user-id="${people.ana!.id}"]`));
    await row.waitFor();
    // The dashboard may first show the cached numbers from before the move, then its refetch.
    await vexpect.poll(async () => [await row.getByTestId('progress-done').innerText(), await row.getByTestId('progress-open').innerText()]).toEqual(['1', '0']);
    const api = await (await admin.get('/api/tasks/progress')).json();
    vexpect(await page.getByTestId('progress-row').count()).toBe(api.items.length);
    await screenshot(page, 'dashboard-team-progress');
  });
});
