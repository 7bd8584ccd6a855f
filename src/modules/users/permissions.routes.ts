import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS, permissionMatrix, ROLES } from '../../core/rbac';
import { PermissionMatrix } from './permissions.schema';

export function permissionsRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/permissions',
      {
        config: { permission: 'users:read' },
        schema: { tags: ['admin'], summary: 'The role → permission matrix (read-only)', response: { 200: PermissionMatrix } },
      },
      async () => ({ roles: [...ROLES], permissions: [...PERMISSIONS], matrix: permissionMatrix() }),
    );
  };
}
