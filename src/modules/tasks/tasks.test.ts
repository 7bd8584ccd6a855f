import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { fastStaff } from '../meetings/test-staff';

let t: TestApp;
let lead: Caller;

beforeAll(async () => {
  t = await createTestApp();
  lead = await fastStaff(t, 'lead');
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date('2026-03-04T12:00:00Z'))); // a Wednesday

async function task(by: Caller, overrides: Record<string, unknown> = {}) {
  const res = await by.request('POST', '/api/tasks', { title: 'Follow up', ...overrides });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const titles = async (c: Caller, query: string) =>
  ((await c.request('GET', `/api/tasks?${query}`)).json().items as { title: string }[]).map((x) => x.title).sort();

describe('creating and changing tasks', () => {
  it('creates a todo task with the creator, assignee and a created activity row', async () => {
    const a = await fastStaff(t);
    const res = await a.request('POST', '/api/tasks', { title: 'Call back ACME', assignee_id: 'me', due_at: '2026-03-05T17:00:00Z', priority: 'high', tags: ['acme'] });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ status: 'todo', priority: 'high', due_at: '2026-03-05T17:00:00.000Z', tags: ['acme'], overdue: false, completed_at: null });
    expect(created.assignee.id).toBe(a.userId);
    expect(created.creator.id).toBe(a.userId);
    const activity = (await a.request('GET', `/api/tasks/${created.id}/activity`)).json().items;
    expect(activity.map((x: { action: string }) => x.action)).toEqual(['created']);
  });

  it('stamps completed_at when a task is done and clears it when reopened, recording each change', async () => {
    const a = await fastStaff(t);
    const created = await task(a, { assignee_id: 'me' });
    t.clock.set(new Date('2026-03-04T15:00:00Z'));
    const done = await a.request('PATCH', `/api/tasks/${created.id}`, { status: 'done', comment: 'Called them' });
    expect(done.json()).toMatchObject({ status: 'done', completed_at: '2026-03-04T15:00:00.000Z' });
    const reopened = await a.request('PATCH', `/api/tasks/${created.id}`, { status: 'in_progress' });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', completed_at: null });
    const activity = (await a.request('GET', `/api/tasks/${created.id}/activity`)).json().items;
    expect(activity.slice(1).map((x: { action: string; old_value: unknown; new_value: unknown; comment: string | null }) => [x.action, x.old_value, x.new_value, x.comment])).toEqual([
      ['status_changed', 'todo', 'done', 'Called them'],
      ['status_changed', 'done', 'in_progress', null],
    ]);
  });

  it('adds comments to the activity history', async () => {
    const a = await fastStaff(t);
    const created = await task(a);
    const res = await a.request('POST', `/api/tasks/${created.id}/comments`, { body: 'Waiting for the customer' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ action: 'commented', comment: 'Waiting for the customer', actor_id: a.userId });
  });

  it('links a task to a ticket and to a meeting it was an action item of', async () => {
    const a = await fastStaff(t);
    const ticket = (await a.request('POST', '/api/tickets', validTicketBody())).json();
    const meeting = (await a.request('POST', '/api/meetings', { title: 'Retro', start: '2026-03-05T10:00:00Z', end: '2026-03-05T11:00:00Z', attendee_ids: [] })).json();
    const created = await task(a, { title: 'Action item', ticket_id: ticket.id, meeting_id: meeting.id });
    expect(created).toMatchObject({ ticket_id: ticket.id, meeting_id: meeting.id });
    expect(await titles(a, `meeting_id=${meeting.id}`)).toEqual(['Action item']);
    expect(await titles(a, `ticket_id=${ticket.id}`)).toEqual(['Action item']);
  });

  it.each([
    ['an unknown assignee', { assignee_id: '00000000-0000-4000-8000-000000000000' }, 'body.assignee_id'],
    ['an unknown ticket', { ticket_id: '00000000-0000-4000-8000-000000000000' }, 'body.ticket_id'],
    ['an unknown meeting', { meeting_id: '00000000-0000-4000-8000-000000000000' }, 'body.meeting_id'],
    ['an empty title', { title: '' }, 'body.title'],
    ['a bad status', { status: 'waiting' }, 'body.status'],
  ])('refuses %s with 400 naming the field', async (_name, overrides, field) => {
    const a = await fastStaff(t);
    const res = await a.request('POST', '/api/tasks', { title: 'x', ...overrides });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses a viewer as assignee', async () => {
    const a = await fastStaff(t);
    const viewer = await fastStaff(t, 'viewer');
    expect((await a.request('POST', '/api/tasks', { title: 'x', assignee_id: viewer.userId })).statusCode).toBe(400);
  });
});

describe('listing with filters', () => {
  it('filters by assignee, status, due date and overdue', async () => {
    const a = await fastStaff(t);
    const b = await fastStaff(t);
    await task(a, { title: 'late', assignee_id: 'me', due_at: '2026-03-03T12:00:00Z' });
    await task(a, { title: 'late but done', assignee_id: 'me', due_at: '2026-03-03T12:00:00Z', status: 'done' });
    await task(a, { title: 'soon', assignee_id: 'me', due_at: '2026-03-06T12:00:00Z', status: 'blocked' });
    await task(a, { title: 'no date', assignee_id: 'me' });
    await task(a, { title: 'for b', assignee_id: b.userId });
    expect(await titles(a, 'assignee=me')).toEqual(['late', 'late but done', 'no date', 'soon']);
    expect(await titles(a, 'assignee=me&overdue=true')).toEqual(['late']);
    expect(await titles(a, 'assignee=me&status=todo,blocked')).toEqual(['late', 'no date', 'soon']);
    expect(await titles(a, 'assignee=me&due_before=2026-03-05T00:00:00Z')).toEqual(['late', 'late but done']);
    expect(await titles(b, 'assignee=me')).toEqual(['for b']);
    const list = (await a.request('GET', '/api/tasks?assignee=me')).json();
    expect(list.total).toBe(4);
    expect(list.items.find((x: { title: string }) => x.title === 'late').overdue).toBe(true);
  });

  it('sorts by due date, tasks without one last', async () => {
    const a = await fastStaff(t);
    await task(a, { title: 'c', assignee_id: 'me' });
    await task(a, { title: 'b', assignee_id: 'me', due_at: '2026-03-09T00:00:00Z' });
    await task(a, { title: 'a', assignee_id: 'me', due_at: '2026-03-08T00:00:00Z' });
    const items = (await a.request('GET', '/api/tasks?assignee=me')).json().items;
    expect(items.map((x: { title: string }) => x.title)).toEqual(['a', 'b', 'c']);
  });
});

describe('scope and permissions', () => {
  it('shows agents only tasks they created or are assigned; 404 for the others; leads see and change all', async () => {
    const a = await fastStaff(t);
    const outsider = await fastStaff(t);
    const created = await task(a, { title: 'private' });
    expect((await outsider.request('GET', `/api/tasks/${created.id}`)).statusCode).toBe(404);
    expect((await outsider.request('PATCH', `/api/tasks/${created.id}`, { status: 'done' })).statusCode).toBe(404);
    expect((await outsider.request('POST', `/api/tasks/${created.id}/comments`, { body: 'hi' })).statusCode).toBe(404);
    expect(await titles(outsider, '')).toEqual([]);
    expect((await lead.request('GET', `/api/tasks/${created.id}`)).statusCode).toBe(200);
    expect((await lead.request('PATCH', `/api/tasks/${created.id}`, { assignee_id: outsider.userId })).statusCode).toBe(200);
    expect((await outsider.request('GET', `/api/tasks/${created.id}`)).statusCode).toBe(200);
  });

  it('lets viewers read but not write', async () => {
    const viewer = await fastStaff(t, 'viewer');
    expect((await viewer.request('GET', '/api/tasks')).statusCode).toBe(200);
    expect((await viewer.request('POST', '/api/tasks', { title: 'x' })).statusCode).toBe(403);
  });
});

describe('team progress', () => {
  it('counts open, done this week (from Monday in the member zone) and overdue tasks per member in SQL', async () => {
    const a = await fastStaff(t, 'agent', { timezone: 'Pacific/Auckland' });
    const b = await fastStaff(t);
    await task(lead, { title: 'open late', assignee_id: a.userId, due_at: '2026-03-01T00:00:00Z' });
    await task(lead, { title: 'open', assignee_id: a.userId });
    await task(lead, { title: 'blocked', assignee_id: a.userId, status: 'blocked', due_at: '2026-03-10T00:00:00Z' });
    // Monday 2 March 00:00 in Auckland is 1 March 11:00 UTC.
    t.clock.set(new Date('2026-03-01T10:00:00Z'));
    await task(lead, { title: 'done last week there', assignee_id: a.userId, status: 'done' });
    t.clock.set(new Date('2026-03-01T12:00:00Z'));
    await task(lead, { title: 'done this week there', assignee_id: a.userId, status: 'done' });
    t.clock.set(new Date('2026-03-04T12:00:00Z'));
    await task(lead, { title: 'done by b', assignee_id: b.userId, status: 'done' });

    const res = await lead.request('GET', '/api/tasks/progress');
    expect(res.statusCode).toBe(200);
    const row = (id: string | null) => res.json().items.find((x: { user: { id: string } }) => x.user.id === id);
    expect(row(a.userId)).toMatchObject({ open: 3, done_this_week: 1, overdue: 1 });
    expect(row(b.userId)).toMatchObject({ open: 0, done_this_week: 1, overdue: 0 });
  });
});
