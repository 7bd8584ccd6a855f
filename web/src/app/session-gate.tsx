import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../components/page-states';
import { useMe } from '../features/auth/api/me';
import { makeSession, SessionContext } from '../lib/session';

// Everything below needs a login: without a session the user goes to /login and comes back afterwards.
export function SessionGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Center h="100vh" role="status" aria-label="Loading">
        <Loader />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center h="100vh" p="md">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} title="Clara is not reachable" />
      </Center>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <SessionContext.Provider value={makeSession(me.data)}>{children}</SessionContext.Provider>;
}
