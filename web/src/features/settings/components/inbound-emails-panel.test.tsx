// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboundEmailView } from '../api/inbound-emails';
import { InboundEmailsPanel } from './inbound-emails-panel';

const mail = (id: string, status: InboundEmailView['status'], subject: string, error: string | null = null): InboundEmailView => ({
  id,
  message_id: `<${id}@example.com>`,
  source: 'imap:env',
  status,
  from: 'dana@example.com',
  subject,
  ticket_id: null,
  outcome: status === 'processed' ? 'created ticket #12' : null,
  error,
  received_at: new Date().toISOString(),
  processed_at: null,
});

// The HTTP server is the outside world here: a fake fetch answers like the Clara API.
function fakeApi(items: InboundEmailView[]) {
  const calls: { method: string; url: string }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ method: init.method ?? 'GET', url });
    const body = init.method === 'POST' ? { ...items.find((i) => url.includes(i.id))!, status: 'processed' } : { items };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

function renderPanel() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <MemoryRouter>
        <QueryClientProvider client={client}>
          <InboundEmailsPanel />
        </QueryClientProvider>
      </MemoryRouter>
    </MantineProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('InboundEmailsPanel', () => {
  it('lists failed mail first with a retry button that reprocesses it', async () => {
    const calls = fakeApi([mail('a0000000-0000-4000-8000-000000000001', 'processed', 'Thanks!'), mail('a0000000-0000-4000-8000-000000000002', 'failed', 'Invoice question', 'database was busy')]);
    renderPanel();
    const rows = await screen.findAllByTestId('inbound-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Invoice question');
    expect(rows[0]!.textContent).toContain('database was busy');
    expect(within(rows[1]!).queryByRole('button', { name: /Retry/ })).toBeNull();

    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Retry Invoice question' }));
    await waitFor(() => expect(calls).toContainEqual({ method: 'POST', url: '/api/admin/inbound-emails/a0000000-0000-4000-8000-000000000002/retry' }));
  });

  it('says so when no mail has arrived', async () => {
    fakeApi([]);
    renderPanel();
    expect(await screen.findByText('No mail received yet')).toBeTruthy();
  });
});
