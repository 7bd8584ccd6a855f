import { createContext, useContext } from 'react';
import type { z } from 'zod';
import type { Permission } from '@shared/core/rbac';
import type { Me } from '@shared/modules/auth/auth.schema';

export type SessionUser = z.infer<typeof Me>;

export interface Session {
  user: SessionUser;
  can(permission: Permission): boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function makeSession(user: SessionUser): Session {
  const have = new Set(user.permissions);
  return { user, can: (p) => have.has(p) };
}

/** The logged-in user; only used below the app shell, which renders nothing until the session is known. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the logged-in app');
  return session;
}

export function useCan(permission: Permission): boolean {
  return useSession().can(permission);
}
