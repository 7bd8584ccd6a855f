import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { meQueryKey } from '../features/auth/api/me';
import { setUnauthenticatedHandler } from '../lib/api-client';
import { createAppQueryClient } from './app-query-client';
import { createRouter } from './router';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});

export function App() {
  const [queryClient] = useState(createAppQueryClient);
  const [router] = useState(createRouter);
  useEffect(() => {
    // An expired session anywhere: forget the user, and the session gate sends them to the login page.
    setUnauthenticatedHandler(() => queryClient.setQueryData(meQueryKey, null));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
