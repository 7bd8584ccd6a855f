import { randomBytes } from 'node:crypto';
import type { Role } from '../../core/rbac';
import type { Caller, TestApp } from '../../testing/test-app';
import { createApiToken } from '../auth';
import { users, type WorkingHours } from '../users';

let counter = 0;

/**
 * A staff user calling through an API token: skips password hashing and login, so tests can afford a
 * fresh set of people each (their calendars then never clash with other tests).
 */
export async function fastStaff(t: TestApp, role: Role = 'agent', opts: { timezone?: string; workingHours?: WorkingHours } = {}): Promise<Caller> {
  counter += 1;
  const now = t.clock.now();
  const [row] = await t.ctx.db
    .insert(users)
    .values({
      email: `staff${counter}-${randomBytes(3).toString('hex')}@team.test`,
      name: `Staff ${counter}`,
      role,
      timezone: opts.timezone ?? 'UTC',
      ...(opts.workingHours && { workingHours: opts.workingHours }),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const { token } = await createApiToken(t.ctx, null, { name: 'test', user_id: row!.id });
  const anonymous = t.anonymous();
  return {
    userId: row!.id,
    email: row!.email,
    request: (method, url, body, extra = {}) => anonymous.request(method, url, body, { authorization: `Bearer ${token}`, ...extra }),
  };
}
