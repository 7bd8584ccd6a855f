import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

// Client errors (4xx) will not change on retry; network blips and 5xx get two more tries.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failures, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
