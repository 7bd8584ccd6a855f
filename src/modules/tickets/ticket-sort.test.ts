import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { tickets } from './tickets.table';

let t: TestApp;
let agent: Caller;
const numbers: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.as('agent');
  // Created in the same instant: the SLA per priority alone orders the deadlines (urgent 30 min … low 24 h).
  for (const priority of ['low', 'normal', 'urgent', 'high']) {
    const res = await agent.request('POST', '/api/tickets', validTicketBody({ priority, category: 'general', tags: ['sort-test'] }));
    numbers[priority] = res.json().number;
  }
  const res = await agent.request('POST', '/api/tickets', validTicketBody({ priority: 'urgent', category: 'general', tags: ['sort-test'] }));
  numbers.none = res.json().number;
  await t.ctx.db.update(tickets).set({ firstResponseDueAt: null, resolutionDueAt: null }).where(eq(tickets.number, numbers.none!));
});
afterAll(() => t.close());

async function listAll(sort: string, limit: number): Promise<number[]> {
  const seen: number[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/tickets?tag=sort-test&sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await agent.request('GET', url);
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: { number: number }[]; next_cursor: string | null };
    seen.push(...page.items.map((i) => i.number));
    cursor = page.next_cursor;
  } while (cursor);
  return seen;
}

describe('sorting tickets by SLA deadline', () => {
  it('lists the soonest first response deadline first and tickets without a deadline last', async () => {
    const expected = ['urgent', 'high', 'normal', 'low', 'none'].map((p) => numbers[p]);
    expect(await listAll('first_response_due_at', 25)).toEqual(expected);
  });

  it('pages through the resolution deadline order with cursors without skipping or repeating a ticket', async () => {
    const expected = ['urgent', 'high', 'normal', 'low', 'none'].map((p) => numbers[p]);
    expect(await listAll('resolution_due_at', 2)).toEqual(expected);
  });
});
