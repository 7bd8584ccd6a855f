import type { ReactNode } from 'react';
import type { Permission } from '@shared/core/rbac';
import { useSession } from '../lib/session';
import { ForbiddenPage } from './forbidden-page';

/** Renders the page only for roles with the permission; a direct URL without it shows the 403 page. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const session = useSession();
  if (!session.can(permission)) return <ForbiddenPage permission={permission} role={session.user.role} />;
  return <>{children}</>;
}
