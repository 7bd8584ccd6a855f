import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionMatrix, PERMISSIONS, ROLES } from '../../core/rbac';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/admin/permissions', () => {
  it('returns every role, every permission and the matrix from rbac', async () => {
    const res = await (await t.asAdmin()).request('GET', '/api/admin/permissions');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ roles: [...ROLES], permissions: [...PERMISSIONS], matrix: permissionMatrix() });
  });

  it('lets an agent (users:read) read it and refuses a viewer with 403', async () => {
    expect((await (await t.as('agent')).request('GET', '/api/admin/permissions')).statusCode).toBe(200);
    const viewer = await (await t.as('viewer')).request('GET', '/api/admin/permissions');
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error.code).toBe('FORBIDDEN');
  });
});
