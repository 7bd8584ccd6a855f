import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { createContext, type AppContext } from '../context';
import { ManualClock, type Clock } from '../core/clock';
import { loadConfig, type Config } from '../core/config';
import type { Role } from '../core/rbac';
import { bootstrap } from '../modules/setup';
import { createUser } from '../modules/users';
import { openTestDatabase } from './test-database';

export const ADMIN_EMAIL = 'admin@test.local';
export const ADMIN_PASSWORD = 'admin-password-123';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  close(): Promise<void>;
  /**
   * Runs the jobs that are due, and the jobs those enqueue, until none is left: what the job runner
   * of a started Clara does in the moments after a request (a new ticket's follow-ups, its mail).
   */
  settle(): Promise<void>;
  /** A logged-in caller with a fresh user of this role. */
  as(role: Role): Promise<Caller>;
  asAdmin(): Promise<Caller>;
  anonymous(): Caller;
}

export interface Caller {
  userId: string | null;
  email: string | null;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      CLARA_DEMO: '0',
      CLARA_JOBS: '0',
      // Tests run jobs by hand (settle) on a clock they move: new tickets must not wait for them.
      CLARA_INTAKE_MAX_LAG_MS: '0',
      CLARA_ADMIN_EMAIL: ADMIN_EMAIL,
      CLARA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CLARA_LOGIN_MAX_PER_IP: '100000',
      CLARA_EMBEDDINGS: 'off',
      // Tests play several clients through X-Forwarded-For.
      CLARA_TRUST_PROXY: '1',
      CLARA_PUBLIC_INTAKE_PER_MINUTE: '100000',
    },
    overrides,
  );
}

export async function createTestApp(opts: { config?: Partial<Config>; clock?: Clock } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const ctx = await createContext({ config: testConfig(opts.config), database, clock: opts.clock ?? clock });
  await ctx.kb.start();
  await bootstrap(ctx);
  const app = await buildApp(ctx);
  await app.ready();
  let counter = 0;

  const login = async (email: string, password: string): Promise<Caller> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'clara_session')!;
    const { csrf_token, user } = res.json() as { csrf_token: string; user: { id: string } };
    return caller(app, user.id, email, { cookie: `clara_session=${cookie.value}`, 'x-csrf-token': csrf_token });
  };

  return {
    app,
    ctx,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
    settle: async () => {
      while ((await ctx.jobs.runDue()) > 0);
    },
    asAdmin: () => login(ADMIN_EMAIL, ADMIN_PASSWORD),
    as: async (role) => {
      counter += 1;
      const email = `${role}${counter}-${randomBytes(3).toString('hex')}@test.local`;
      const password = `pw-${role}-secret-123`;
      await createUser(ctx, { type: 'system', id: null }, { email, name: `${role} ${counter}`, role, password });
      return login(email, password);
    },
    anonymous: () => caller(app, null, null, {}),
  };
}

function caller(app: FastifyInstance, userId: string | null, email: string | null, headers: Record<string, string>): Caller {
  return {
    userId,
    email,
    request: (method, url, body, extra = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { ...headers, ...extra },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

export function validTicketBody(overrides: Record<string, unknown> = {}) {
  return {
    subject: 'Printer on floor 2 is broken',
    description: 'The printer shows error E42 and prints nothing since this morning.',
    channel: 'web',
    customer: { email: 'customer@example.com', name: 'Chris Customer' },
    ...overrides,
  };
}
