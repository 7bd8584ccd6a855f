import { randomUUID } from 'node:crypto';
import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { can, ROLES, type Permission, type Role } from '../../core/rbac';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { installAuth } from './auth.hook';

interface ApiRoute {
  method: string;
  url: string;
  permission?: Permission;
  public?: boolean;
}

let t: TestApp;
let routes: ApiRoute[];
const callers = {} as Record<Role, Caller>;

// The route table as buildApp registers it, seen through its onRoute option.
async function collectApiRoutes(): Promise<ApiRoute[]> {
  const seen: ApiRoute[] = [];
  const probe = await buildApp(t.ctx, {
    onRoute: (route: RouteOptions) => {
      const cfg = (route.config ?? {}) as { permission?: Permission; public?: boolean };
      for (const method of [route.method].flat()) {
        if (method === 'HEAD' || !route.url.startsWith('/api/')) continue;
        seen.push({ method, url: route.url, permission: cfg.permission, public: cfg.public });
      }
    },
  });
  await probe.ready();
  await probe.close();
  return seen;
}

const guarded = () => routes.filter((r): r is ApiRoute & { permission: Permission } => r.permission !== undefined);
const label = (r: ApiRoute) => `${r.method} ${r.url}`;
const concreteUrl = (url: string) => url.replace(/:\w+/g, () => randomUUID());
const dummyBody = (method: string) => (method === 'GET' ? undefined : {});

beforeAll(async () => {
  t = await createTestApp();
  routes = await collectApiRoutes();
  for (const role of ROLES) callers[role] = await t.as(role);
});
afterAll(() => t.close());

describe('the route table', () => {
  it('collects the permission-guarded routes of every module', () => {
    const names = guarded().map(label);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /api/admin/tokens',
        'GET /api/admin/users',
        'PATCH /api/admin/users/:id',
        'GET /api/admin/audit',
        'GET /api/queues',
        'GET /api/tickets',
        'DELETE /api/tickets/:id',
        'POST /api/tickets/:id/messages',
      ]),
    );
  });

  it('has every /api route declare either a permission or public: true', () => {
    const undeclared = routes.filter((r) => !r.permission && r.public !== true).map(label);
    expect(undeclared).toEqual([]);
  });

  it('keeps the public /api routes to login, logout, me, invitations, the public ticket intake (text, voice and file uploads, the files of their own ticket) and feedback on automatic answers, public KB answers and the calendar feed', () => {
    const publicRoutes = routes.filter((r) => !r.permission).map(label).sort();
    expect(publicRoutes).toEqual(
      [
        'GET /api/auth/me',
        'GET /api/auth/invitations/:token',
        'POST /api/auth/invitations/accept',
        'GET /api/calendar/:token.ics',
        'GET /api/public/kb/articles/:id',
        'GET /api/public/kb/search',
        'GET /api/public/tickets/:token',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'POST /api/public/tickets',
        'POST /api/public/tickets/:token/messages',
        'POST /api/public/tickets/:token/feedback',
        'POST /api/public/uploads',
        'GET /api/public/tickets/:token/attachments/:id',
        'POST /api/public/voice/tickets',
        'GET /api/public/tickets/:token/messages/:index/audio',
      ].sort(),
    );
  });
});

describe('registering routes', () => {
  // Registered as a plugin, the way every module adds its routes. Not async: a Fastify instance is thenable.
  function appWith(path: string, config: Record<string, unknown>) {
    const app = Fastify();
    installAuth(app, t.ctx);
    void app.register(async (plugin) => {
      plugin.get(path, { config }, async () => ({ ok: true }));
    });
    return app;
  }

  it('fails to start when an /api route declares neither a permission nor public', async () => {
    const app = appWith('/api/forgotten', {});
    await expect(app.ready()).rejects.toThrow('route GET /api/forgotten declares neither a permission nor public: true');
    await app.close().catch(() => undefined);
  });

  it('starts when the /api route declares a permission', async () => {
    const app = appWith('/api/declared', { permission: 'tickets:read' });
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });

  it('does not require a declaration outside /api', async () => {
    const app = appWith('/outside', {});
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });
});

describe('the authorization matrix', () => {
  it('answers 401 UNAUTHENTICATED to anonymous callers on every guarded route', async () => {
    const anonymous = t.anonymous();
    const wrong: string[] = [];
    for (const r of guarded()) {
      const res = await anonymous.request(r.method, concreteUrl(r.url), dummyBody(r.method));
      if (res.statusCode !== 401 || res.json().error.code !== 'UNAUTHENTICATED') wrong.push(`${label(r)} -> ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  describe.each(ROLES)('%s', (role) => {
    it('is refused with 403 FORBIDDEN on every route needing a permission the role lacks', async () => {
      const lacking = guarded().filter((r) => !can(role, r.permission));
      if (role === 'admin') expect(lacking).toEqual([]);
      else expect(lacking.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const r of lacking) {
        const res = await callers[role].request(r.method, concreteUrl(r.url), dummyBody(r.method));
        if (res.statusCode !== 403 || res.json().error.code !== 'FORBIDDEN') wrong.push(`${label(r)} -> ${res.statusCode} ${res.body}`);
      }
      expect(wrong).toEqual([]);
    });

    it('passes the permission check on every route needing a permission the role has', async () => {
      const having = guarded().filter((r) => can(role, r.permission));
      expect(having.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const r of having) {
        const res = await callers[role].request(r.method, concreteUrl(r.url), dummyBody(r.method));
        if (res.statusCode === 401 || res.statusCode === 403 || res.statusCode >= 500) wrong.push(`${label(r)} -> ${res.statusCode} ${res.body}`);
      }
      expect(wrong).toEqual([]);
    });
  });
});

describe('API tokens and roles', () => {
  it('gives a token acting as a viewer 403 on a write route while it can still read', async () => {
    const admin = await t.asAdmin();
    const created = await admin.request('POST', '/api/admin/tokens', { name: 'viewer bot', user_id: callers.viewer.userId });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token}` };
    const anonymous = t.anonymous();

    const write = await anonymous.request('POST', '/api/tickets', validTicketBody(), bearer);
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');
    expect((await anonymous.request('GET', '/api/tickets', undefined, bearer)).statusCode).toBe(200);
  });
});
