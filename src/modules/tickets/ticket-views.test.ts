import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { tickets } from './tickets.table';

// The inbox's working views: several statuses at once, "unresolved" (open + pending + escalated),
// and "Breaching soon": the next running deadline, first response or resolution, of any
// unresolved ticket, escalated ones included.

interface Item {
  id: string;
  number: number;
  status: string;
  sla: { next_breach_at: string | null; paused: boolean };
}

let t: TestApp;
let lead: Caller;
const fx: Record<string, Item> = {};
const TAG = 'views-test';
const MIN = 60_000;

async function list(query: string): Promise<{ items: Item[]; next_cursor: string | null; total: number }> {
  const res = await lead.request('GET', `/api/tickets?tag=${TAG}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const names = (items: Item[]) => {
  const byId = new Map(Object.entries(fx).map(([name, item]) => [item.id, name]));
  return items.map((i) => byId.get(i.id) ?? `?${i.number}`);
};

beforeAll(async () => {
  t = await createTestApp();
  lead = await t.as('lead');
  const now = () => t.clock.now().getTime();
  const make = async (name: string, status?: string) => {
    const res = await lead.request('POST', '/api/tickets', validTicketBody({ priority: 'normal', category: 'general', tags: [TAG] }));
    expect(res.statusCode).toBe(201);
    fx[name] = res.json();
    if (status) expect((await lead.request('PATCH', `/api/tickets/${fx[name]!.id}`, { status })).statusCode).toBe(200);
  };
  const deadlines = (name: string, firstResponse: number | null, resolution: number | null) =>
    t.ctx.db
      .update(tickets)
      .set({
        firstResponseDueAt: firstResponse === null ? null : new Date(now() + firstResponse),
        resolutionDueAt: resolution === null ? null : new Date(now() + resolution),
      })
      .where(eq(tickets.id, fx[name]!.id));

  await make('soon'); // first response due in 50 minutes
  await deadlines('soon', 50 * MIN, 300 * MIN);
  await make('escalated', 'escalated'); // answered; its resolution is due in 20 minutes
  const reply = await lead.request('POST', `/api/tickets/${fx.escalated!.id}/messages`, { body: 'We are on it and will call you back shortly.' });
  expect(reply.statusCode).toBe(201);
  await deadlines('escalated', 5 * MIN, 20 * MIN);
  await make('overdue'); // first response 10 minutes late
  await deadlines('overdue', -10 * MIN, 200 * MIN);
  await make('later'); // first response due in 6 hours
  await deadlines('later', 360 * MIN, 720 * MIN);
  await make('paused', 'pending'); // the clock stands still while the customer is asked
  await deadlines('paused', -30 * MIN, 30 * MIN);
  await make('noSla');
  await deadlines('noSla', null, null);
  await make('resolved', 'resolved');
  await deadlines('resolved', -60 * MIN, -30 * MIN);
  await make('closed', 'closed');
  for (const name of Object.keys(fx)) fx[name] = (await lead.request('GET', `/api/tickets/${fx[name]!.id}`)).json();
});
afterAll(() => t.close());

describe('status filter with several values', () => {
  it('takes a comma-separated list', async () => {
    const page = await list('status=pending,resolved&sort=number');
    expect(names(page.items)).toEqual(['paused', 'resolved']);
    expect(page.total).toBe(2);
  });

  it('takes the parameter repeated', async () => {
    expect(names((await list('status=escalated&status=closed&sort=number')).items)).toEqual(['escalated', 'closed']);
  });

  it('reads "unresolved" as open, pending and escalated', async () => {
    const page = await list('status=unresolved&sort=number');
    expect(names(page.items)).toEqual(['soon', 'escalated', 'overdue', 'later', 'paused', 'noSla']);
    expect(new Set(page.items.map((i) => i.status))).toEqual(new Set(['open', 'pending', 'escalated']));
  });

  it.each([
    ['an unknown status in the list', 'status=open,deleted'],
    ['an empty list', 'status=,'],
  ])('refuses %s with 400', async (_name, query) => {
    const res = await lead.request('GET', `/api/tickets?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('next deadline', () => {
  it('names the next running deadline of each ticket', async () => {
    const at = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();
    expect(fx.soon!.sla.next_breach_at).toBe(at(50 * MIN));
    expect(fx.escalated!.sla.next_breach_at).toBe(at(20 * MIN)); // resolution: the first response is done
    expect(fx.overdue!.sla.next_breach_at).toBe(at(-10 * MIN));
    expect(fx.paused!.sla).toMatchObject({ paused: true, next_breach_at: null });
    expect(fx.resolved!.sla.next_breach_at).toBeNull();
    expect(fx.noSla!.sla.next_breach_at).toBeNull();
  });

  it('sorts unresolved tickets by their next deadline, passed ones first, escalated ones included, those without a running deadline last', async () => {
    const page = await list('status=unresolved&sort=next_breach');
    expect(names(page.items)).toEqual(['overdue', 'escalated', 'soon', 'later', ...names(page.items).slice(4)]);
    expect(names(page.items).slice(4).sort()).toEqual(['noSla', 'paused']);
  });

  it('pages through the next-deadline order without skipping or repeating a ticket', async () => {
    const all = names((await list('status=unresolved&sort=next_breach&limit=100')).items);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(`status=unresolved&sort=next_breach&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...names(page.items));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('"breaching soon" keeps the tickets whose next deadline is within the window or has passed', async () => {
    const page = await list('status=unresolved&breach_within=240&sort=next_breach');
    expect(names(page.items)).toEqual(['overdue', 'escalated', 'soon']);
    expect(page.total).toBe(3);
    expect(names((await list('status=unresolved&breach_within=0&sort=next_breach')).items)).toEqual(['overdue']);
  });

  it('refuses a negative window', async () => {
    const res = await lead.request('GET', '/api/tickets?breach_within=-5');
    expect(res.statusCode).toBe(400);
  });
});
