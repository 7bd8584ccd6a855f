import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * What a feature tells the rest of the app it changed. A feature invalidates only its own query
 * keys; which other features' data depends on a change is wired once, in app/ (`linkDataChanges`),
 * because features do not know each other.
 */
export type DataChange = 'tickets' | 'mailboxes' | 'queues';

export type DataChangeLinks = Partial<Record<DataChange, readonly QueryKey[]>>;

const links = new WeakMap<QueryClient, DataChangeLinks>();

export function linkDataChanges(queryClient: QueryClient, dependents: DataChangeLinks): void {
  links.set(queryClient, dependents);
}

export function announceChange(queryClient: QueryClient, change: DataChange): void {
  for (const queryKey of links.get(queryClient)?.[change] ?? []) void queryClient.invalidateQueries({ queryKey });
}
