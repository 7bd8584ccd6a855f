import { describe, expect, it } from 'vitest';
import { dashboardKeys } from '../features/dashboard/api/get-dashboard';
import { healthKeys } from '../features/system/api/health';
import { announceChange } from '../lib/data-changes';
import { createQueryClient } from '../lib/query-client';
import { createAppQueryClient } from './app-query-client';

const isStale = (client: ReturnType<typeof createQueryClient>, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;

function seeded(client = createAppQueryClient()) {
  client.setQueryData(dashboardKeys.view('UTC'), { open: 3 });
  client.setQueryData(healthKeys.all, { status: 'ok' });
  return client;
}

describe('data changes across features', () => {
  it('marks the dashboard stale when a feature announces a ticket change', () => {
    const client = seeded();
    announceChange(client, 'tickets');
    expect(isStale(client, dashboardKeys.view('UTC'))).toBe(true);
    expect(isStale(client, healthKeys.all)).toBe(false);
  });

  it('marks the health report stale when a mailbox changes', () => {
    const client = seeded();
    announceChange(client, 'mailboxes');
    expect(isStale(client, healthKeys.all)).toBe(true);
    expect(isStale(client, dashboardKeys.view('UTC'))).toBe(false);
  });

  it('touches nothing on a client the app did not link', () => {
    const client = seeded(createQueryClient());
    announceChange(client, 'tickets');
    expect(isStale(client, dashboardKeys.view('UTC'))).toBe(false);
  });
});
