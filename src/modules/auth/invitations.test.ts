import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../core/db';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';

let t: TestApp;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asAdmin();
});
afterAll(() => t.close());

let counter = 0;
async function invited() {
  counter += 1;
  const email = `new${counter}@team.test`;
  const created = await admin.request('POST', '/api/admin/users', { email, name: `New ${counter}`, role: 'agent', invite: true });
  expect(created.statusCode, created.body).toBe(201);
  expect(created.json().generated_password).toBeUndefined();
  const res = await admin.request('POST', `/api/admin/users/${created.json().id}/invite`);
  expect(res.statusCode, res.body).toBe(201);
  const { invite_url } = res.json() as { invite_url: string };
  return { id: created.json().id as string, email, token: invite_url.split('/invite/')[1]!, url: invite_url };
}

const login = (email: string, password: string) => t.anonymous().request('POST', '/api/auth/login', { email, password });

describe('inviting a colleague', () => {
  it('emails a one-time link; the invitee sets a password once and can then log in', async () => {
    const { email, token, url } = await invited();
    expect((await login(email, 'anything-at-all')).statusCode).toBe(401);
    const mail = await queryRows<{ to_address: string; text_body: string }>(t.ctx.db, sql`select to_address, text_body from outbox where to_address = ${email}`);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text_body).toContain(url);
    expect((await t.anonymous().request('GET', `/api/auth/invitations/${token}`)).json()).toMatchObject({ email, name: expect.stringMatching(/^New/) });
    expect((await t.anonymous().request('POST', '/api/auth/invitations/accept', { token, password: 'short' })).statusCode).toBe(400);
    const accepted = await t.anonymous().request('POST', '/api/auth/invitations/accept', { token, password: 'a-long-new-password' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await login(email, 'a-long-new-password')).statusCode).toBe(200);
    const again = await t.anonymous().request('POST', '/api/auth/invitations/accept', { token, password: 'another-password-1' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('INVITATION_NOT_FOUND');
  });

  it('ends the sessions opened before a password is set through a new invitation', async () => {
    const first = await invited();
    expect((await t.anonymous().request('POST', '/api/auth/invitations/accept', { token: first.token, password: 'first-password-123' })).statusCode).toBe(200);
    const before = await login(first.email, 'first-password-123');
    const cookie = `clara_session=${before.cookies.find((c) => c.name === 'clara_session')!.value}`;
    expect((await t.anonymous().request('GET', '/api/auth/me', undefined, { cookie })).statusCode).toBe(200);
    const again = await admin.request('POST', `/api/admin/users/${first.id}/invite`);
    const token = (again.json().invite_url as string).split('/invite/')[1]!;
    expect((await t.anonymous().request('POST', '/api/auth/invitations/accept', { token, password: 'second-password-123' })).statusCode).toBe(200);
    expect((await t.anonymous().request('GET', '/api/auth/me', undefined, { cookie })).statusCode).toBe(401);
    expect((await login(first.email, 'second-password-123')).statusCode).toBe(200);
  });

  it('lets only admins invite, refuses unknown users and password-plus-invite', async () => {
    const { id } = await invited();
    expect((await (await t.as('lead')).request('POST', `/api/admin/users/${id}/invite`)).statusCode).toBe(403);
    expect((await admin.request('POST', '/api/admin/users/00000000-0000-4000-8000-000000000000/invite')).statusCode).toBe(404);
    const both = await admin.request('POST', '/api/admin/users', { email: 'both@team.test', name: 'Both', role: 'agent', invite: true, password: 'a-long-password-1' });
    expect(both.statusCode).toBe(400);
  });
  it('voids an earlier link when a new one is sent, and expires links after 7 days', async () => {
    const first = await invited();
    const second = await admin.request('POST', `/api/admin/users/${first.id}/invite`);
    const secondToken = (second.json().invite_url as string).split('/invite/')[1]!;
    expect((await t.anonymous().request('GET', `/api/auth/invitations/${first.token}`)).statusCode).toBe(404);
    t.clock.advance(8 * 24 * 60 * 60_000);
    expect((await t.anonymous().request('GET', `/api/auth/invitations/${secondToken}`)).statusCode).toBe(404);
  });

});
