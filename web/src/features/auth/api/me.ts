import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MeResponse } from '@shared/modules/auth/auth.schema';
import { ApiError, apiRequest, setCsrfToken } from '../../../lib/api-client';
import type { SessionUser } from '../../../lib/session';

export const meQueryKey = ['auth', 'me'] as const;

/** The logged-in user, or null when there is no session (401). Also picks up the CSRF token. */
export async function fetchMe(): Promise<SessionUser | null> {
  try {
    const res = await apiRequest<z.infer<typeof MeResponse>>('/api/auth/me', { quiet401: true });
    setCsrfToken(res.csrf_token);
    return res.user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}
