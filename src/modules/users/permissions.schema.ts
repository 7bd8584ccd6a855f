import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../../core/rbac';

export const PermissionMatrix = z.object({
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** The permissions each role has. */
  matrix: z.record(z.enum(ROLES), z.array(z.enum(PERMISSIONS))),
});
export type PermissionMatrix = z.infer<typeof PermissionMatrix>;
