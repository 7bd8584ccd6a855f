import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { createUser, updateUser } from './users.service';
import { users } from './users.table';

let t: TestApp;
let admin: Caller;
let agent: Caller;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asAdmin();
  agent = await t.as('agent');
});
afterAll(() => t.close());

let counter = 0;
const uniqueEmail = (tag = 'user') => `${tag}-${++counter}@users.test`;
// A fixed password keeps hashing to one call per user; generating one is tested on its own.
const PASSWORD = 'long-enough-password';

async function createViaApi(overrides: Record<string, unknown> = {}) {
  const res = await admin.request('POST', '/api/admin/users', { email: uniqueEmail(), name: 'Some One', role: 'agent', password: PASSWORD, ...overrides });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; email: string; role: string; active: boolean };
}

type AuditItem = { id: string; action: string; actor_id: string | null; target_id: string | null; details: Record<string, unknown> };
async function audit(query: string): Promise<{ items: AuditItem[]; next_cursor: string | null }> {
  const res = await admin.request('GET', `/api/admin/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function listUsers(query: string) {
  const res = await admin.request('GET', `/api/admin/users?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Array<{ id: string; role: string; active: boolean }>;
}

describe('creating users', () => {
  it('creates a user with 201 and returns a generated password, which works, when none is given', async () => {
    const email = uniqueEmail('generated');
    const res = await admin.request('POST', '/api/admin/users', { email, name: 'Gen Erated', role: 'viewer' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ email, name: 'Gen Erated', role: 'viewer', active: true, timezone: 'UTC', last_login_at: null });
    expect(body.generated_password).toEqual(expect.any(String));
    expect(body.generated_password.length).toBeGreaterThanOrEqual(12);
    const login = await t.anonymous().request('POST', '/api/auth/login', { email, password: body.generated_password });
    expect(login.statusCode).toBe(200);
  });

  it('never returns the password hash', async () => {
    const res = await admin.request('POST', '/api/admin/users', { email: uniqueEmail(), name: 'No Hash', role: 'agent' });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json()).some((k) => /hash/i.test(k))).toBe(false);
    expect(res.body).not.toContain('$argon2');
    const fetched = await admin.request('GET', `/api/admin/users/${res.json().id}`);
    expect(fetched.body).not.toContain('$argon2');
  });

  it('returns no generated password when a password is given', async () => {
    const res = await admin.request('POST', '/api/admin/users', { email: uniqueEmail(), name: 'Own Password', role: 'agent', password: PASSWORD });
    expect(res.statusCode).toBe(201);
    expect(res.json()).not.toHaveProperty('generated_password');
  });

  it('stores the email in lower case and the given time zone', async () => {
    const created = await createViaApi({ email: 'Mixed.Case@Users.Test', timezone: 'Europe/Berlin' });
    expect(created).toMatchObject({ email: 'mixed.case@users.test', timezone: 'Europe/Berlin' });
  });

  it('refuses a duplicate email, in any letter case, with 409 EMAIL_TAKEN', async () => {
    const first = await createViaApi({ email: 'dup@users.test' });
    const res = await admin.request('POST', '/api/admin/users', { email: 'DUP@users.test', name: 'Dup', role: 'viewer', password: PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EMAIL_TAKEN');
    const rows = await t.ctx.db.select().from(users).where(eq(users.email, 'dup@users.test'));
    expect(rows.map((r) => r.id)).toEqual([first.id]);
  });

  it('writes user.created to the audit log with the acting admin', async () => {
    const created = await createViaApi({ role: 'lead' });
    const { items } = await audit(`action=user.created&target_id=${created.id}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actor_id: admin.userId, details: { email: created.email, role: 'lead' } });
  });

  it.each([
    ['a bad email', { email: 'not-an-email' }, 'body.email'],
    ['an unknown role', { role: 'owner' }, 'body.role'],
    ['a password shorter than 10 characters', { password: 'short-pw1' }, 'body.password'],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'body.timezone'],
    ['an empty name', { name: '   ' }, 'body.name'],
  ])('refuses %s with 400 naming the field', async (_name, overrides, field) => {
    const res = await admin.request('POST', '/api/admin/users', { email: uniqueEmail(), name: 'Valid Name', role: 'agent', ...overrides });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('does not let an agent create users', async () => {
    const email = uniqueEmail('by-agent');
    const res = await agent.request('POST', '/api/admin/users', { email, name: 'Sneaky', role: 'admin', password: PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await t.ctx.db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });
});

describe('listing and reading users', () => {
  it('filters by role', async () => {
    const viewer = await createViaApi({ role: 'viewer' });
    const items = await listUsers('role=viewer');
    expect(items.map((u) => u.id)).toContain(viewer.id);
    expect(items.every((u) => u.role === 'viewer')).toBe(true);
    expect(items.map((u) => u.id)).not.toContain(agent.userId);
  });

  it('filters by active', async () => {
    const gone = await createViaApi();
    await admin.request('PATCH', `/api/admin/users/${gone.id}`, { active: false });
    const inactive = await listUsers('active=false');
    expect(inactive.map((u) => u.id)).toContain(gone.id);
    expect(inactive.every((u) => !u.active)).toBe(true);
    const active = await listUsers('active=true');
    expect(active.map((u) => u.id)).not.toContain(gone.id);
    expect(active.map((u) => u.id)).toContain(agent.userId);
  });

  it('combines the role and active filters', async () => {
    const activeLead = await createViaApi({ role: 'lead' });
    const inactiveLead = await createViaApi({ role: 'lead' });
    await admin.request('PATCH', `/api/admin/users/${inactiveLead.id}`, { active: false });
    const ids = (await listUsers('role=lead&active=true')).map((u) => u.id);
    expect(ids).toContain(activeLead.id);
    expect(ids).not.toContain(inactiveLead.id);
  });

  it('refuses unknown filter values with 400', async () => {
    expect((await admin.request('GET', '/api/admin/users?active=maybe')).statusCode).toBe(400);
    expect((await admin.request('GET', '/api/admin/users?role=owner')).statusCode).toBe(400);
  });

  it('answers 404 USER_NOT_FOUND for an unknown user id', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const get = await admin.request('GET', `/api/admin/users/${id}`);
    expect(get.statusCode).toBe(404);
    expect(get.json().error.code).toBe('USER_NOT_FOUND');
    const patch = await admin.request('PATCH', `/api/admin/users/${id}`, { name: 'Nobody' });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().error.code).toBe('USER_NOT_FOUND');
  });

  it('answers 400 for an id that is not a uuid', async () => {
    const get = await admin.request('GET', '/api/admin/users/42');
    expect(get.statusCode).toBe(400);
    expect(get.json().error.details.map((d: { field: string }) => d.field)).toContain('params.id');
    expect((await admin.request('PATCH', '/api/admin/users/not-a-uuid', { name: 'X' })).statusCode).toBe(400);
  });
});

describe('changing users', () => {
  it('refuses an empty change with 400', async () => {
    const user = await createViaApi();
    const res = await admin.request('PATCH', `/api/admin/users/${user.id}`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['an unknown role', { role: 'owner' }],
    ['active as a string', { active: 'no' }],
    ['a short password', { password: 'short' }],
    ['an unknown time zone', { timezone: 'Europe/Atlantis' }],
  ])('refuses %s in a change with 400', async (_name, body) => {
    const user = await createViaApi();
    const res = await admin.request('PATCH', `/api/admin/users/${user.id}`, body);
    expect(res.statusCode).toBe(400);
  });

  it('changes the role and writes user.role_changed with old and new role', async () => {
    const user = await createViaApi({ role: 'agent' });
    const res = await admin.request('PATCH', `/api/admin/users/${user.id}`, { role: 'lead' });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('lead');
    const { items } = await audit(`action=user.role_changed&target_id=${user.id}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actor_id: admin.userId, details: { role: { old: 'agent', new: 'lead' } } });
  });

  it('deactivates a user and writes user.deactivated', async () => {
    const user = await createViaApi();
    const res = await admin.request('PATCH', `/api/admin/users/${user.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    const { items } = await audit(`action=user.deactivated&target_id=${user.id}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actor_id: admin.userId, details: { active: { old: true, new: false } } });
  });

  it('changes the password so only the new one logs in, and audits it without the password', async () => {
    const user = await createViaApi();
    const res = await admin.request('PATCH', `/api/admin/users/${user.id}`, { password: 'a-brand-new-password' });
    expect(res.statusCode).toBe(200);
    const login = (password: string) => t.anonymous().request('POST', '/api/auth/login', { email: user.email, password });
    expect((await login(PASSWORD)).statusCode).toBe(401);
    expect((await login('a-brand-new-password')).statusCode).toBe(200);
    const { items } = await audit(`action=user.updated&target_id=${user.id}`);
    expect(items[0]!.details).toEqual({ password: 'changed' });
  });
});

describe('the audit log', () => {
  it('filters by target_id', async () => {
    const a = await createViaApi();
    const b = await createViaApi();
    await admin.request('PATCH', `/api/admin/users/${a.id}`, { name: 'Renamed A' });
    await admin.request('PATCH', `/api/admin/users/${b.id}`, { name: 'Renamed B' });
    const { items } = await audit(`target_id=${a.id}`);
    expect(items.map((i) => i.action).sort()).toEqual(['user.created', 'user.updated']);
    expect(items.every((i) => i.target_id === a.id)).toBe(true);
  });

  it('pages with a cursor through every entry exactly once, newest first, including entries written in the same instant', async () => {
    const user = await createViaApi();
    for (let i = 0; i < 6; i++) {
      if (i % 2 === 0) t.clock.advance(1000);
      await admin.request('PATCH', `/api/admin/users/${user.id}`, { name: `Name ${i}` });
    }
    const all = (await audit(`target_id=${user.id}&limit=200`)).items;
    expect(all).toHaveLength(7);

    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: AuditItem[]; next_cursor: string | null } = await audit(`target_id=${user.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 10);

    expect(pages).toBe(4);
    expect(walked).toEqual(all.map((i) => i.id));
    expect(new Set(walked).size).toBe(7);
  });

  it('refuses a tampered cursor with 400', async () => {
    const res = await admin.request('GET', `/api/admin/audit?cursor=${Buffer.from('{"t":"yesterday","id":"x"}').toString('base64url')}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect((await admin.request('GET', '/api/admin/audit?cursor=not-a-cursor')).statusCode).toBe(400);
  });

  it('is not readable by agents', async () => {
    const res = await agent.request('GET', '/api/admin/audit');
    expect(res.statusCode).toBe(403);
  });
});

describe('the last active admin', () => {
  async function activeAdmins() {
    return (await listUsers('role=admin&active=true')).map((u) => u.id);
  }

  it('cannot be demoted or deactivated (409), and stays an active admin', async () => {
    expect(await activeAdmins()).toEqual([admin.userId]);
    const demote = await admin.request('PATCH', `/api/admin/users/${admin.userId}`, { role: 'lead' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('CONFLICT');
    const deactivate = await admin.request('PATCH', `/api/admin/users/${admin.userId}`, { active: false });
    expect(deactivate.statusCode).toBe(409);
    expect(await activeAdmins()).toEqual([admin.userId]);
  });

  it('does not block demoting an admin while another active admin remains', async () => {
    const second = await createViaApi({ role: 'admin' });
    const res = await admin.request('PATCH', `/api/admin/users/${second.id}`, { role: 'agent' });
    expect(res.statusCode).toBe(200);
    expect(await activeAdmins()).toEqual([admin.userId]);
  });
});

// Called below the HTTP layer: both admins have passed the auth hook and their changes run side by side.
describe('two admins demoting each other at once', () => {
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await createTestApp();
  });
  afterAll(() => fresh.close());

  it('leaves exactly one active admin, every time', async () => {
    const system = { type: 'system', id: null } as const;
    const make = (email: string) => createUser(fresh.ctx, system, { email, name: email, role: 'admin', password: PASSWORD });
    const [a, b] = [await make('race-a@users.test'), await make('race-b@users.test')];
    const actor = (id: string) => ({ type: 'user', id, role: 'admin', name: 'racer', via: 'session' }) as const;
    for (let round = 0; round < 5; round++) {
      await fresh.ctx.db.update(users).set({ role: 'agent' });
      await fresh.ctx.db.update(users).set({ role: 'admin' }).where(inArray(users.id, [a.id, b.id]));
      const outcomes = await Promise.allSettled([
        updateUser(fresh.ctx, actor(a.id), b.id, { role: 'agent' }),
        updateUser(fresh.ctx, actor(b.id), a.id, { role: 'agent' }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
      expect(refused.reason).toMatchObject({ code: 'CONFLICT', status: 409 });
      const admins = await fresh.ctx.db.select().from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)));
      expect(admins).toHaveLength(1);
    }
  });
});
