import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { tickets } from '../tickets';
import { createUser, users } from '../users';
import { apiTokens } from './auth.table';

interface TestUser {
  id: string;
  email: string;
  password: string;
}
interface Session {
  cookie: string;
  csrf: string;
}

let t: TestApp;
let admin: Caller;
// Password hashing is the slow part: most tests share one agent and one of its sessions.
let agent: TestUser;
let agentSession: Session;

let counter = 0;
async function newUser(app: TestApp, role: 'agent' | 'viewer' = 'agent'): Promise<TestUser> {
  counter += 1;
  const email = `auth-user-${counter}@test.local`;
  const password = `secret-password-${counter}`;
  const user = await createUser(app.ctx, { type: 'system', id: null }, { email, name: `Auth User ${counter}`, role, password });
  return { id: user.id, email, password };
}

function loginRequest(app: TestApp, email: string, password: string, headers: Record<string, string> = {}) {
  return app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });
}

// A raw session: the cookie and the CSRF token, so tests can send either, both or neither.
async function session(user: TestUser): Promise<Session> {
  const res = await loginRequest(t, user.email, user.password);
  expect(res.statusCode).toBe(200);
  const cookie = `clara_session=${res.cookies.find((c) => c.name === 'clara_session')!.value}`;
  return { cookie, csrf: res.json().csrf_token as string };
}

function send(method: string, url: string, headers: Record<string, string>, payload?: object): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: method as 'GET', url, headers, ...(payload ? { payload } : {}) });
}

async function ticketCount(): Promise<number> {
  return (await t.ctx.db.select({ id: tickets.id }).from(tickets)).length;
}

type AuditRow = { actor_type: string; actor_id: string | null; target_id: string | null; details: Record<string, unknown>; ip: string | null };
async function auditRows(query: string): Promise<AuditRow[]> {
  const res = await admin.request('GET', `/api/admin/audit?limit=200&${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asAdmin();
  agent = await newUser(t);
  agentSession = await session(agent);
});
afterAll(() => t.close());

describe('logging in', () => {
  it('returns the user and a csrf token and sets an httpOnly SameSite=Lax session cookie', async () => {
    const res = await loginRequest(t, agent.email, agent.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: agent.id, email: agent.email, role: 'agent' });
    expect(body.user.permissions).toContain('tickets:write');
    expect(body.csrf_token).toEqual(expect.any(String));
    expect(body.csrf_token.length).toBeGreaterThanOrEqual(20);
    const cookie = res.cookies.find((c) => c.name === 'clara_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
  });

  it('accepts the email in any letter case', async () => {
    const res = await loginRequest(t, agent.email.toUpperCase(), agent.password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(agent.id);
  });

  it('refuses a wrong password and an unknown email with the same 401 and sets no cookie', async () => {
    const wrongPassword = await loginRequest(t, agent.email, 'not-the-password');
    const unknownEmail = await loginRequest(t, 'nobody-here@test.local', agent.password);
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
      expect(res.cookies.find((c) => c.name === 'clara_session')).toBeUndefined();
    }
    expect(wrongPassword.json().error.message).toBe(unknownEmail.json().error.message);
  });

  it('takes about as long to refuse an unknown email as a wrong password, so timing does not reveal accounts', async () => {
    const median = async (email: string) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        expect((await loginRequest(t, email, 'timing-wrong-password')).statusCode).toBe(401);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[1]!;
    };
    const known = await median(agent.email);
    const unknown = await median('timing-nobody@test.local');
    // Hashing dominates a refused login; without it an unknown email answers many times faster.
    expect(unknown).toBeGreaterThan(known * 0.25);
  });

  it('refuses a deactivated user with the same 401 as a wrong password', async () => {
    const user = await newUser(t);
    await admin.request('PATCH', `/api/admin/users/${user.id}`, { active: false });
    const res = await loginRequest(t, user.email, user.password);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a malformed login body with 400', async () => {
    const res = await loginRequest(t, 'not-an-email', '');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('stores passwords only as argon2id hashes', async () => {
    const [row] = await t.ctx.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, agent.id));
    expect(row!.hash).toMatch(/^\$argon2id\$/);
    expect(row!.hash).not.toContain(agent.password);
  });

  it('writes a successful login to the audit log', async () => {
    const before = await auditRows(`action=auth.login&target_id=${agent.id}`);
    await loginRequest(t, agent.email, agent.password);
    const after = await auditRows(`action=auth.login&target_id=${agent.id}`);
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ actor_type: 'user', actor_id: agent.id, target_id: agent.id });
    expect(after[0]!.ip).toBeTruthy();
  });

  it('writes failed logins to the audit log without the password, for known and unknown emails', async () => {
    await loginRequest(t, agent.email, 'wrong-password-known');
    await loginRequest(t, 'ghost@test.local', 'wrong-password-ghost');
    const rows = await auditRows('action=auth.login_failed');
    const known = rows.find((r) => r.details.email === agent.email);
    const ghost = rows.find((r) => r.details.email === 'ghost@test.local');
    expect(known).toMatchObject({ actor_type: 'anonymous', actor_id: null, target_id: agent.id });
    expect(ghost).toMatchObject({ actor_type: 'anonymous', actor_id: null, target_id: null });
    expect(JSON.stringify(rows)).not.toContain('wrong-password');
  });
});

describe('sessions and CSRF', () => {
  it('refuses a cookie-authenticated mutation without x-csrf-token with 403 CSRF_FAILED and changes nothing', async () => {
    const before = await ticketCount();
    const res = await send('POST', '/api/tickets', { cookie: agentSession.cookie }, validTicketBody());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect(await ticketCount()).toBe(before);
  });

  it('refuses a cookie-authenticated mutation with a wrong x-csrf-token with 403 CSRF_FAILED', async () => {
    const res = await send('POST', '/api/tickets', { cookie: agentSession.cookie, 'x-csrf-token': `${agentSession.csrf}x` }, validTicketBody());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('refuses the csrf token of another session of the same user', async () => {
    const other = await session(agent);
    const res = await send('POST', '/api/tickets', { cookie: agentSession.cookie, 'x-csrf-token': other.csrf }, validTicketBody());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('accepts a cookie-authenticated mutation with the right x-csrf-token', async () => {
    const res = await send('POST', '/api/tickets', { cookie: agentSession.cookie, 'x-csrf-token': agentSession.csrf }, validTicketBody());
    expect(res.statusCode).toBe(201);
  });

  it('needs no csrf token for GET requests', async () => {
    const res = await send('GET', '/api/tickets', { cookie: agentSession.cookie });
    expect(res.statusCode).toBe(200);
  });

  it('GET /api/auth/me returns the logged-in user with the session csrf token', async () => {
    const res = await send('GET', '/api/auth/me', { cookie: agentSession.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { id: agent.id, email: agent.email, name: expect.any(String), role: 'agent', timezone: 'UTC', permissions: expect.arrayContaining(['tickets:write']) },
      csrf_token: agentSession.csrf,
    });
    expect(res.json().user.permissions).not.toContain('users:manage');
  });

  it('GET /api/auth/me answers 401 without a session', async () => {
    const res = await t.anonymous().request('GET', '/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('treats an unknown session cookie as not logged in', async () => {
    const res = await send('GET', '/api/tickets', { cookie: 'clara_session=forged-session-value' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('logout ends that session so its cookie no longer works, and leaves other sessions alone', async () => {
    const s = await session(agent);
    const out = await send('POST', '/api/auth/logout', { cookie: s.cookie, 'x-csrf-token': s.csrf });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'clara_session')?.value).toBe('');
    expect((await send('GET', '/api/auth/me', { cookie: s.cookie })).statusCode).toBe(401);
    expect((await send('GET', '/api/tickets', { cookie: s.cookie })).statusCode).toBe(401);
    expect((await send('GET', '/api/tickets', { cookie: agentSession.cookie })).statusCode).toBe(200);
  });

  it('refuses logout without the csrf token and keeps the session', async () => {
    const s = await session(agent);
    const out = await send('POST', '/api/auth/logout', { cookie: s.cookie });
    expect(out.statusCode).toBe(403);
    expect(out.json().error.code).toBe('CSRF_FAILED');
    expect((await send('GET', '/api/auth/me', { cookie: s.cookie })).statusCode).toBe(200);
  });

  it("stops a deactivated user's existing session at once", async () => {
    const user = await newUser(t);
    const s = await session(user);
    expect((await send('GET', '/api/tickets', { cookie: s.cookie })).statusCode).toBe(200);
    const off = await admin.request('PATCH', `/api/admin/users/${user.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect((await send('GET', '/api/tickets', { cookie: s.cookie })).statusCode).toBe(401);
    expect((await send('GET', '/api/auth/me', { cookie: s.cookie })).statusCode).toBe(401);
  });

  it('does not bring old sessions back when the user is reactivated, and ends them on a password reset', async () => {
    const user = await newUser(t);
    const before = await session(user);
    await admin.request('PATCH', `/api/admin/users/${user.id}`, { active: false });
    await admin.request('PATCH', `/api/admin/users/${user.id}`, { active: true });
    expect((await send('GET', '/api/auth/me', { cookie: before.cookie })).statusCode).toBe(401);
    const fresh = await session(user);
    expect((await send('GET', '/api/auth/me', { cookie: fresh.cookie })).statusCode).toBe(200);
    await admin.request('PATCH', `/api/admin/users/${user.id}`, { password: 'a-brand-new-password' });
    expect((await send('GET', '/api/auth/me', { cookie: fresh.cookie })).statusCode).toBe(401);
  });

  it('applies a role change to an existing session at once', async () => {
    const user = await newUser(t, 'viewer');
    const s = await session(user);
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    expect((await send('POST', '/api/tickets', headers, validTicketBody())).statusCode).toBe(403);
    await admin.request('PATCH', `/api/admin/users/${user.id}`, { role: 'agent' });
    expect((await send('POST', '/api/tickets', headers, validTicketBody())).statusCode).toBe(201);
  });
});

describe('API tokens', () => {
  async function createToken(body: Record<string, unknown>) {
    const res = await admin.request('POST', '/api/admin/tokens', body);
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; token: string; prefix: string; user_id: string; expires_at: string | null; revoked_at: string | null };
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('creates a token, shown once, that starts with clara_ and acts as the admin by default', async () => {
    const created = await createToken({ name: 'ci bot' });
    expect(created.token.startsWith('clara_')).toBe(true);
    expect(created.token.length).toBeGreaterThan(30);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.token.length - 20);
    expect(created).toMatchObject({ user_id: admin.userId, expires_at: null, revoked_at: null });
  });

  it('stores only a hash of the token', async () => {
    const created = await createToken({ name: 'hash check' });
    const [row] = await t.ctx.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.tokenHash).not.toBe(created.token);
    expect(JSON.stringify(row)).not.toContain(created.token);
  });

  it('authenticates a Bearer mutation as the token user without any csrf token', async () => {
    const { token } = await createToken({ name: 'agent bot', user_id: agent.id });
    const res = await send('POST', '/api/tickets', bearer(token), validTicketBody());
    expect(res.statusCode).toBe(201);
    const history = (await send('GET', `/api/tickets/${res.json().id}/history`, bearer(token))).json().items;
    expect(history[0]).toMatchObject({ action: 'created', actor_id: agent.id });
  });

  it('answers GET /api/auth/me for a token with no csrf token', async () => {
    const { token } = await createToken({ name: 'me bot', user_id: agent.id });
    const res = await send('GET', '/api/auth/me', bearer(token));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: agent.id }, csrf_token: null });
  });

  it('records when a token was last used', async () => {
    const created = await createToken({ name: 'usage' });
    await send('GET', '/api/tickets', bearer(created.token));
    const listed = (await admin.request('GET', '/api/admin/tokens')).json().items.find((i: { id: string }) => i.id === created.id);
    expect(listed.last_used_at).toBe(t.clock.now().toISOString());
  });

  it('refuses an unknown Bearer token with 401 even when a valid session cookie is sent too', async () => {
    const res = await send('GET', '/api/tickets', { ...bearer('clara_not-a-real-token'), cookie: agentSession.cookie });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a revoked token with 401', async () => {
    const created = await createToken({ name: 'to revoke' });
    expect((await send('GET', '/api/tickets', bearer(created.token))).statusCode).toBe(200);
    const revoked = await admin.request('DELETE', `/api/admin/tokens/${created.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revoked_at).not.toBeNull();
    const res = await send('GET', '/api/tickets', bearer(created.token));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token with 401', async () => {
    const created = await createToken({ name: 'short lived', expires_in_days: 1 });
    expect(new Date(created.expires_at!).getTime() - t.clock.now().getTime()).toBe(86_400_000);
    t.clock.advance(86_400_000 - 1000);
    expect((await send('GET', '/api/tickets', bearer(created.token))).statusCode).toBe(200);
    t.clock.advance(2000);
    const res = await send('GET', '/api/tickets', bearer(created.token));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('stops a token working when its user is deactivated', async () => {
    const user = await newUser(t);
    const { token } = await createToken({ name: 'owner leaves', user_id: user.id });
    expect((await send('GET', '/api/tickets', bearer(token))).statusCode).toBe(200);
    await admin.request('PATCH', `/api/admin/users/${user.id}`, { active: false });
    expect((await send('GET', '/api/tickets', bearer(token))).statusCode).toBe(401);
  });

  it('never shows the secret when listing tokens', async () => {
    const created = await createToken({ name: 'listed' });
    const res = await admin.request('GET', '/api/admin/tokens');
    expect(res.statusCode).toBe(200);
    const listed = res.json().items.find((i: { id: string }) => i.id === created.id);
    expect(listed).toMatchObject({ id: created.id, name: 'listed', prefix: created.prefix });
    expect(listed).not.toHaveProperty('token');
    expect(res.body).not.toContain(created.token);
  });

  it('answers 404 when revoking an unknown token', async () => {
    const res = await admin.request('DELETE', '/api/admin/tokens/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('TOKEN_NOT_FOUND');
  });

  it('answers 404 when creating a token for an unknown user', async () => {
    const res = await admin.request('POST', '/api/admin/tokens', { name: 'nobody', user_id: '00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('USER_NOT_FOUND');
  });
});

describe('login rate limit per account', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ config: { CLARA_LOGIN_MAX_FAILURES: 3 } });
  });
  afterAll(() => limited.close());

  it('locks the failing address out of the account after 3 failures, even with the right password, with a retry-after header', async () => {
    const user = await newUser(limited);
    for (let i = 0; i < 3; i++) expect((await loginRequest(limited, user.email, 'wrong-password')).statusCode).toBe(401);
    const res = await loginRequest(limited, user.email, user.password);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(res.cookies.find((c) => c.name === 'clara_session')).toBeUndefined();
  });

  it('keeps other accounts able to log in', async () => {
    for (let i = 0; i < 3; i++) await loginRequest(limited, 'attacked@test.local', 'wrong-password');
    expect((await loginRequest(limited, 'attacked@test.local', 'wrong-password')).statusCode).toBe(429);
    expect((await loginRequest(limited, ADMIN_EMAIL, ADMIN_PASSWORD)).statusCode).toBe(200);
  });

  it('never refuses the right password from an address that has not been failing on the account', async () => {
    const attacker = { 'x-forwarded-for': '198.51.100.66' };
    for (let i = 0; i < 3; i++) expect((await loginRequest(limited, ADMIN_EMAIL, 'guess-password', attacker)).statusCode).toBe(401);
    expect((await loginRequest(limited, ADMIN_EMAIL, 'guess-password', attacker)).statusCode).toBe(429);
    expect((await loginRequest(limited, ADMIN_EMAIL, ADMIN_PASSWORD, attacker)).statusCode).toBe(429);
    expect((await loginRequest(limited, ADMIN_EMAIL, ADMIN_PASSWORD, { 'x-forwarded-for': '192.0.2.10' })).statusCode).toBe(200);
  });

  it('slows an account attacked from many addresses down for those addresses only', async () => {
    const user = await newUser(limited);
    // 4 × CLARA_LOGIN_MAX_FAILURES failures spread over 12 addresses: the account's backoff starts.
    for (let i = 1; i <= 12; i++) expect((await loginRequest(limited, user.email, 'wrong-password', { 'x-forwarded-for': `203.0.113.${i}` })).statusCode).toBe(401);
    const failing = await loginRequest(limited, user.email, user.password, { 'x-forwarded-for': '203.0.113.5' });
    expect(failing.statusCode).toBe(429);
    expect(failing.json().error.message).toContain('for this account');
    expect((await loginRequest(limited, user.email, user.password, { 'x-forwarded-for': '192.0.2.77' })).statusCode).toBe(200);
    limited.clock.advance(16 * 60_000);
    expect((await loginRequest(limited, user.email, user.password, { 'x-forwarded-for': '203.0.113.5' })).statusCode).toBe(200);
  });

  it('audits a lockout, and an admin lifts it', async () => {
    const user = await newUser(limited);
    const from = { 'x-forwarded-for': '198.51.100.20' };
    for (let i = 0; i < 3; i++) await loginRequest(limited, user.email, 'wrong-password', from);
    expect((await loginRequest(limited, user.email, user.password, from)).statusCode).toBe(429);
    const admin = await limited.asAdmin();
    const audit = (await admin.request('GET', '/api/admin/audit?action=auth.login_locked')).json().items;
    expect(audit.find((a: { target_id: string }) => a.target_id === user.id)).toMatchObject({ ip: '198.51.100.20', details: { email: user.email, scope: 'address' } });
    expect((await (await limited.as('lead')).request('POST', `/api/admin/users/${user.id}/unlock-login`)).statusCode).toBe(403);
    const lifted = await admin.request('POST', `/api/admin/users/${user.id}/unlock-login`);
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json().cleared).toBeGreaterThanOrEqual(1);
    expect((await loginRequest(limited, user.email, user.password, from)).statusCode).toBe(200);
    expect((await admin.request('POST', '/api/admin/users/00000000-0000-4000-8000-000000000000/unlock-login')).statusCode).toBe(404);
  });

  it('forgets earlier failures after a successful login', async () => {
    const user = await newUser(limited);
    for (let i = 0; i < 2; i++) await loginRequest(limited, user.email, 'wrong-password');
    expect((await loginRequest(limited, user.email, user.password)).statusCode).toBe(200);
    expect((await loginRequest(limited, user.email, 'wrong-password')).statusCode).toBe(401);
    expect((await loginRequest(limited, user.email, user.password)).statusCode).toBe(200);
  });
});

describe('login rate limit per IP', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ config: { CLARA_LOGIN_MAX_PER_IP: 5 } });
  });
  afterAll(() => limited.close());

  async function useUpAttempts(ip: string) {
    for (let i = 0; i < 5; i++) {
      const res = await loginRequest(limited, `someone${i}@test.local`, 'wrong-password', { 'x-forwarded-for': ip });
      expect(res.statusCode).toBe(401);
    }
  }

  it('refuses the 6th attempt from one address with 429, whatever the account and password', async () => {
    await useUpAttempts('203.0.113.7');
    const blocked = await loginRequest(limited, ADMIN_EMAIL, ADMIN_PASSWORD, { 'x-forwarded-for': '203.0.113.7' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts attempts per address, so another address may still log in', async () => {
    await useUpAttempts('203.0.113.8');
    const elsewhere = await loginRequest(limited, ADMIN_EMAIL, ADMIN_PASSWORD, { 'x-forwarded-for': '203.0.113.9' });
    expect(elsewhere.statusCode).toBe(200);
  });
});
