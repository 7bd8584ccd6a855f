import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../core/db';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { customersNamedQuery } from './tickets.queries';

interface Item {
  id: string;
  number: number;
  status: string;
  priority: string;
  category: string;
  tags: string[];
  customer: { id: string };
  assignee: { id: string } | null;
  queue: { id: string; name: string };
  created_at: string;
  updated_at: string;
}
interface Page {
  items: Item[];
  next_cursor: string | null;
  total: number;
  total_capped: boolean;
}

let t: TestApp;
let agent: Caller;
let lead: Caller;
const queue: Record<string, string> = {};
const fx: Record<string, Item> = {};

const FIXTURE_TAG = 'fx';

async function create(body: Record<string, unknown>): Promise<Item> {
  const res = await agent.request('POST', '/api/tickets', { channel: 'web', ...body });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function list(query: string, caller: Caller = agent): Promise<Page> {
  const res = await caller.request('GET', `/api/tickets?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

// The fixture tickets among the answer, by name, in answer order.
function fixtureNames(items: Item[]): string[] {
  const byId = new Map(Object.entries(fx).map(([name, item]) => [item.id, name]));
  return items.flatMap((i) => (byId.has(i.id) ? [byId.get(i.id)!] : []));
}

async function matching(query: string, caller: Caller = agent) {
  const page = await list(`${query}&limit=100`, caller);
  expect(page.next_cursor).toBeNull();
  expect(page.total).toBe(page.items.length);
  return { items: page.items, names: fixtureNames(page.items).sort() };
}

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.as('agent');
  lead = await t.as('lead');
  for (const q of (await agent.request('GET', '/api/queues')).json().items) queue[q.name] = q.id;
  const alice = { email: 'alice@list.test', name: 'Alice' };
  const bob = { email: 'bob@list.test', name: 'Bob' };
  const carol = { email: 'carol@list.test', name: 'Carol' };
  const ticket = (subject: string, description: string, fields: Record<string, unknown>) => ({
    subject,
    description,
    tags: [FIXTURE_TAG],
    category: 'technical',
    priority: 'normal',
    queue_id: queue['Technical Issues'],
    ...fields,
  });

  t.clock.advance(60_000);
  fx.battery = await create(
    ticket('Laptop battery swelling', 'The battery keeps overheating and the case bulges.', { priority: 'urgent', tags: [FIXTURE_TAG, 'hardware'], customer: alice }),
  );
  t.clock.advance(60_000);
  fx.invoice = await create(
    ticket('Invoice total looks doubled', 'The quarterly statement charges the seat fee twice.', {
      priority: 'high',
      category: 'billing',
      queue_id: queue['Billing & Payments'],
      customer: bob,
    }),
  );
  t.clock.advance(60_000);
  fx.password = await create(ticket('Password reset mail missing', 'No reset mail arrives after requesting one.', { customer: alice }));
  t.clock.advance(60_000);
  // Two tickets created in the same instant: sorting and paging must still order them.
  fx.hours = await create(
    ticket('Question about opening hours', 'When is the support desk staffed on holidays?', {
      priority: 'low',
      category: 'general',
      queue_id: queue['General Support'],
      customer: carol,
    }),
  );
  fx.keyboard = await create(
    ticket('Keyboard keys sticking', 'Several keys stick after a coffee accident.', { tags: [FIXTURE_TAG, 'hardware'], queue_id: queue['General Support'], customer: carol }),
  );
  t.clock.advance(60_000);
  fx.refund = await create(
    ticket('Refund for cancelled plan', 'Cancelled last week and still waiting for money back.', {
      priority: 'high',
      category: 'billing',
      queue_id: queue['Billing & Payments'],
      customer: bob,
    }),
  );
  t.clock.advance(60_000);
  fx.monitor = await create(ticket('Monitor flickers at night', 'The external screen goes dark every few minutes.', { priority: 'urgent', customer: bob }));
  t.clock.advance(60_000);
  fx.printer = await create(ticket('Printer jams on tray two', 'Paper gets stuck in the office printer constantly.', { customer: carol }));
  // Noise: tickets outside the fixture tag.
  await create(ticket('Unrelated urgent outage', 'Everything is down for the noise customer.', { priority: 'urgent', tags: ['noise'], customer: { email: 'noise@list.test' } }));
  await create(ticket('Another unrelated request', 'A second noise ticket that is not in the fixtures.', { tags: ['noise'], customer: { email: 'noise@list.test' } }));

  t.clock.advance(60_000);
  const change = async (caller: Caller, item: Item, body: Record<string, unknown>) => {
    const res = await caller.request('PATCH', `/api/tickets/${item.id}`, body);
    expect(res.statusCode).toBe(200);
    return res.json() as Item;
  };
  fx.password = await change(agent, fx.password, { status: 'pending' });
  fx.hours = await change(agent, fx.hours, { status: 'resolved' });
  fx.keyboard = await change(lead, fx.keyboard, { assignee_id: lead.userId });
  fx.refund = await change(agent, fx.refund, { assignee_id: agent.userId });
  t.clock.advance(60_000);
  const note = await agent.request('POST', `/api/tickets/${fx.monitor.id}/messages`, { body: 'Replaced the faulty capacitor in the power board.' });
  expect(note.statusCode).toBe(201);
  fx.monitor = (await agent.request('GET', `/api/tickets/${fx.monitor.id}`)).json();
});
afterAll(() => t.close());

describe('filters', () => {
  it('filters by status', async () => {
    const { items, names } = await matching('status=pending');
    expect(names).toEqual(['password']);
    expect(items.every((i) => i.status === 'pending')).toBe(true);
  });

  it('filters by priority', async () => {
    const { items, names } = await matching('priority=urgent');
    expect(names).toEqual(['battery', 'monitor']);
    expect(items.every((i) => i.priority === 'urgent')).toBe(true);
    expect(items).toHaveLength(3);
  });

  it('filters by category', async () => {
    const { items, names } = await matching('category=billing');
    expect(names).toEqual(['invoice', 'refund']);
    expect(items.every((i) => i.category === 'billing')).toBe(true);
  });

  it('filters by queue_id', async () => {
    const { items, names } = await matching(`queue_id=${queue['General Support']}`);
    expect(names).toEqual(['hours', 'keyboard']);
    expect(items.every((i) => i.queue.name === 'General Support')).toBe(true);
  });

  it('filters by an assignee id', async () => {
    const { items } = await matching(`assignee_id=${lead.userId}`);
    expect(fixtureNames(items)).toEqual(['keyboard']);
    expect(items).toHaveLength(1);
  });

  it('filters unassigned tickets with assignee_id=none', async () => {
    const { items, names } = await matching(`assignee_id=none&tag=${FIXTURE_TAG}`);
    expect(names).toEqual(['battery', 'hours', 'invoice', 'monitor', 'password', 'printer']);
    expect(items.every((i) => i.assignee === null)).toBe(true);
  });

  it("filters the caller's own tickets with assignee_id=me", async () => {
    expect((await matching('assignee_id=me', agent)).items.map((i) => i.id)).toEqual([fx.refund!.id]);
    expect((await matching('assignee_id=me', lead)).items.map((i) => i.id)).toEqual([fx.keyboard!.id]);
  });

  it('filters by customer_id', async () => {
    const { items } = await matching(`customer_id=${fx.battery!.customer.id}`);
    expect(fixtureNames(items).sort()).toEqual(['battery', 'password']);
    expect(items).toHaveLength(2);
  });

  it('filters by tag', async () => {
    const { items, names } = await matching('tag=hardware');
    expect(names).toEqual(['battery', 'keyboard']);
    expect(items.every((i) => i.tags.includes('hardware'))).toBe(true);
  });

  it('combines filters with AND', async () => {
    const { names } = await matching(`priority=high&category=billing&assignee_id=none`);
    expect(names).toEqual(['invoice']);
  });

  it('answers an empty page with total 0 when nothing matches', async () => {
    const page = await list('tag=nothing-has-this-tag');
    expect(page).toEqual({ items: [], next_cursor: null, total: 0, total_capped: false });
  });

  it.each([
    ['an unknown status', 'status=deleted'],
    ['an unknown priority', 'priority=critical'],
    ['a malformed queue id', 'queue_id=42'],
    ['a malformed assignee', 'assignee_id=someone'],
    ['an unknown sort', 'sort=subject'],
  ])('refuses %s with 400', async (_name, query) => {
    const res = await agent.request('GET', `/api/tickets?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('full-text search', () => {
  it('finds a word in the subject', async () => {
    expect((await matching('q=swelling')).names).toEqual(['battery']);
  });

  it('finds a word in the description', async () => {
    expect((await matching('q=quarterly')).names).toEqual(['invoice']);
  });

  it('finds a word that only appears in a later message', async () => {
    const { items } = await matching('q=capacitor');
    expect(items.map((i) => i.id)).toEqual([fx.monitor!.id]);
  });

  it("keeps a conversation's words with its ticket as messages are added, edited and deleted", async () => {
    const found = async (word: string) => (await list(`q=${word}&tag=noise&limit=100`)).items.map((i) => i.id);
    const ticket = await create({ subject: 'Gate opener', description: 'The zebra gate stays shut.', tags: ['noise'], customer: { email: 'noise@list.test' } });
    const words = async () =>
      (await queryRows<{ v: string }>(t.ctx.db, sql`select search_vector::text as v from tickets where id = ${ticket.id}`))[0]!.v;
    try {
      // The first message repeats the description, whose words the ticket already holds: nothing is added.
      expect(await words()).toBe("'gate':1A,5B 'open':2A 'shut':7B 'stay':6B 'zebra':4B");
      const reply = await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: 'Ordered a new gasket for the motor.' });
      expect(reply.statusCode).toBe(201);
      expect(await found('gasket')).toEqual([ticket.id]);
      const id = reply.json().id as string;
      await t.ctx.db.execute(sql`update ticket_messages set body = 'Ordered a new washer for the motor.' where id = ${id}`);
      expect(await found('gasket')).toEqual([]);
      expect(await found('washer')).toEqual([ticket.id]);
      await t.ctx.db.execute(sql`delete from ticket_messages where id = ${id}`);
      expect(await found('washer')).toEqual([]);
      // Once the description says something else, the first message's words count as the conversation's;
      // a new subject's words are found and the old ones are not.
      await t.ctx.db.execute(sql`update tickets set subject = 'Door closer', description = 'The gate stays shut.' where id = ${ticket.id}`);
      expect(await found('zebra')).toEqual([ticket.id]);
      expect(await found('closer')).toEqual([ticket.id]);
      expect(await found('opener')).toEqual([]);
    } finally {
      await t.ctx.db.execute(sql`delete from tickets where id = ${ticket.id}`);
    }
  });

  it('stores a message or a ticket whose words do not fit in a search vector, and still finds the ticket by the words that do', async () => {
    // 40,000 distinct 32-letter words: more than a tsvector's 1 MB of words (a pasted log can be like this).
    const huge = sql`(select string_agg(md5(i::text), ' ') from generate_series(1, 40000) i)`;
    const ticket = await create({ subject: 'Walrus export log', description: 'The walrus export fails.', tags: ['noise'], customer: { email: 'noise@list.test' } });
    try {
      await t.ctx.db.execute(sql`insert into ticket_messages (ticket_id, author_type, channel, body) values (${ticket.id}, 'customer', 'web', ${huge})`);
      const [stored] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from ticket_messages where ticket_id = ${ticket.id}`);
      expect(stored!.n).toBe(2);
      expect((await list('q=walrus&tag=noise')).items.map((i) => i.id)).toEqual([ticket.id]);
      await t.ctx.db.execute(sql`update tickets set description = ${huge} where id = ${ticket.id}`);
      expect((await list('q=walrus&tag=noise')).items.map((i) => i.id)).toEqual([ticket.id]);
      const [other] = await queryRows<{ id: string }>(
        t.ctx.db,
        sql`insert into tickets (subject, description, channel, category, priority, customer_id, queue_id, tags)
            select 'Narwhal import log', ${huge}, 'web', 'general', 'normal', customer_id, queue_id, '{noise}' from tickets where id = ${ticket.id}
            returning id`,
      );
      try {
        expect((await list('q=narwhal&tag=noise')).items.map((i) => i.id)).toEqual([other!.id]);
      } finally {
        await t.ctx.db.execute(sql`delete from tickets where id = ${other!.id}`);
      }
    } finally {
      await t.ctx.db.execute(sql`delete from tickets where id = ${ticket.id}`);
    }
  });

  it('matches other forms of a word through English stemming', async () => {
    expect((await matching('q=overheated')).names).toEqual(['battery']);
    expect((await matching('q=flickering')).names).toEqual(['monitor']);
    expect((await matching('q=printers')).names).toEqual(['printer']);
  });

  it('does not conflate printing with printer, which English stemming keeps apart', async () => {
    expect((await matching('q=printing')).names).toEqual([]);
  });

  it('requires every word of a multi-word query', async () => {
    expect((await matching('q=battery swelling')).names).toEqual(['battery']);
    expect((await matching('q=battery invoice')).names).toEqual([]);
  });

  it('treats operators and punctuation in the search text as words, never as an error', async () => {
    for (const q of ["keyboard & | ! :* ( ' \\", '"keys sticking"', 'keyboard -coffee', 'the']) {
      const res = await agent.request('GET', `/api/tickets?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
    }
    expect((await matching(`q=${encodeURIComponent('"keys sticking"')}`)).names).toEqual(['keyboard']);
    expect((await matching(`q=${encodeURIComponent('keyboard -coffee')}`)).names).toEqual([]);
  });

  it('matches the start of a word, without stemming it', async () => {
    expect((await matching('q=swell')).names).toEqual(['battery']);
    expect((await matching('q=quarter statem')).names).toEqual(['invoice']);
    expect((await matching('q=Keyb')).names).toEqual(['keyboard']);
  });

  it('finds a ticket by its number, with or without #', async () => {
    expect((await matching(`q=${fx.refund!.number}`)).names).toEqual(['refund']);
    expect((await matching(`q=${encodeURIComponent(`#${fx.invoice!.number}`)}`)).names).toEqual(['invoice']);
  });

  it("finds a customer's tickets by email address or name", async () => {
    expect((await matching('q=bob%40list.test')).names).toEqual(['invoice', 'monitor', 'refund']);
    expect((await matching('q=carol%40')).names).toEqual(['hours', 'keyboard', 'printer']);
    expect((await matching('q=Alic')).names).toEqual(['battery', 'password']);
  });

  it("looks the customers a search names up through indexes, never by reading every customer", async () => {
    // On a handful of rows the planner rightly prefers reading them all; forbidding that shows whether an
    // index can answer (the address's start, and the name's trigrams: drizzle/0017).
    const plan = await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await queryRows<Record<string, string>>(tx, sql`explain ${customersNamedQuery('Alic')}`);
      return rows.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toContain('customers_email_prefix_idx');
    expect(plan).toContain('customers_name_trgm_idx');
    expect(plan).not.toContain('Seq Scan');
  });

  it('counts search matches in total', async () => {
    const page = await list('q=keyboard OR refund&limit=1');
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.next_cursor).not.toBeNull();
    expect(page.total_capped).toBe(false);
  });

  it('counts a search up to 1000 matches and says there are more, still newest first', async () => {
    await t.ctx.db.execute(sql`
      insert into tickets (subject, description, channel, category, priority, customer_id, queue_id, created_at, updated_at)
      select 'Zeppelin sighting ' || i, 'Seen over the harbour.', 'web', 'general', 'normal',
             (select id from customers limit 1), (select id from queues limit 1),
             now() - i * interval '1 minute', now() - i * interval '1 minute'
      from generate_series(1, 1001) i`);
    try {
      const first = await list('q=zeppelin&limit=25');
      expect(first).toMatchObject({ total: 1000, total_capped: true });
      expect(first.items.map((i) => i.created_at)).toEqual([...first.items.map((i) => i.created_at)].sort().reverse());
      const second = await list(`q=zeppelin&limit=25&cursor=${first.next_cursor}`);
      expect(second.items).toHaveLength(25);
      expect(second.items[0]!.created_at < first.items.at(-1)!.created_at).toBe(true);
    } finally {
      await t.ctx.db.execute(sql`delete from tickets where subject like 'Zeppelin sighting %'`);
    }
  });
});

const priorityRank: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
const byIdAsc = (a: Item, b: Item) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const time = (s: string) => new Date(s).getTime();
const SORTS: Record<string, (a: Item, b: Item) => number> = {
  '-created_at': (a, b) => time(b.created_at) - time(a.created_at) || byIdAsc(b, a),
  created_at: (a, b) => time(a.created_at) - time(b.created_at) || byIdAsc(a, b),
  '-updated_at': (a, b) => time(b.updated_at) - time(a.updated_at) || byIdAsc(b, a),
  updated_at: (a, b) => time(a.updated_at) - time(b.updated_at) || byIdAsc(a, b),
  '-number': (a, b) => b.number - a.number,
  number: (a, b) => a.number - b.number,
  priority: (a, b) => priorityRank[a.priority]! - priorityRank[b.priority]! || byIdAsc(a, b),
};

describe('sorting', () => {
  it('sorts newest first by default', async () => {
    const page = await list(`tag=${FIXTURE_TAG}&limit=100`);
    expect(page.items.map((i) => i.id)).toEqual([...page.items].sort(SORTS['-created_at']).map((i) => i.id));
    expect(page.items.at(-1)!.id).toBe(fx.battery!.id);
  });

  it.each(Object.keys(SORTS))('sorts by %s', async (sort) => {
    const page = await list(`tag=${FIXTURE_TAG}&limit=100&sort=${sort}`);
    expect(page.items).toHaveLength(Object.keys(fx).length);
    expect(page.items.map((i) => i.id)).toEqual([...page.items].sort(SORTS[sort]).map((i) => i.id));
  });

  it('puts urgent tickets first and low ones last when sorting by priority', async () => {
    const page = await list(`tag=${FIXTURE_TAG}&limit=100&sort=priority`);
    expect(page.items.map((i) => i.priority)).toEqual(['urgent', 'urgent', 'high', 'high', 'normal', 'normal', 'normal', 'low']);
  });

  it('sorts by -number with the highest ticket number first', async () => {
    const numbers = (await list(`tag=${FIXTURE_TAG}&limit=100&sort=-number`)).items.map((i) => i.number);
    expect(numbers[0]).toBe(fx.printer!.number);
    expect(numbers.at(-1)).toBe(fx.battery!.number);
  });
});

describe('cursor pagination', () => {
  it.each(Object.keys(SORTS))('walks every ticket exactly once in %s order, with the same total on every page', async (sort) => {
    const full = (await list(`tag=${FIXTURE_TAG}&limit=100&sort=${sort}`)).items.map((i) => i.id);
    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(`tag=${FIXTURE_TAG}&limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(full.length);
      walked.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(Math.ceil(full.length / 3));
    expect(walked).toEqual(full);
  });

  it('ends with a null next_cursor when the last page is exactly full', async () => {
    const first = await list(`tag=hardware&limit=1`);
    expect(first.next_cursor).not.toBeNull();
    const second = await list(`tag=hardware&limit=1&cursor=${first.next_cursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.next_cursor).toBeNull();
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const someId = '00000000-0000-4000-8000-000000000000';
  it.each([
    ['not base64 JSON', 'sort=-created_at', 'not-a-cursor'],
    ['JSON of the wrong shape', 'sort=-created_at', encode({ hello: 'world' })],
    ['a cursor made for another sort', 'sort=number', encode({ v: 1001, id: someId, s: '-number' })],
    ['a date that is not a date', 'sort=-created_at', encode({ v: 'yesterday', id: someId, s: '-created_at' })],
    ['a bare number as a date', 'sort=-created_at', encode({ v: 1, id: someId, s: '-created_at' })],
    ['a loose date string', 'sort=created_at', encode({ v: 'March 7', id: someId, s: 'created_at' })],
    ['a number out of range', 'sort=-number', encode({ v: 1e12, id: someId, s: '-number' })],
    ['a fractional number', 'sort=number', encode({ v: 1.5, id: someId, s: 'number' })],
    ['a non-uuid id', 'sort=-number', encode({ v: 1001, id: 'abc', s: '-number' })],
  ])('refuses a tampered cursor (%s) with 400', async (_name, sort, cursor) => {
    const res = await agent.request('GET', `/api/tickets?${sort}&cursor=${cursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['above 100', 'limit=101'],
    ['zero', 'limit=0'],
    ['not a number', 'limit=lots'],
  ])('refuses a limit %s with 400', async (_name, query) => {
    const res = await agent.request('GET', `/api/tickets?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('querystring.limit');
  });

  it('accepts a limit of 100', async () => {
    expect((await agent.request('GET', '/api/tickets?limit=100')).statusCode).toBe(200);
  });
});
