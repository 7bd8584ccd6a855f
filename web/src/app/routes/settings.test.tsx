// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { permissionMatrix, type Role } from '@shared/core/rbac';
import { makeSession, SessionContext } from '../../lib/session';
import { SettingsPage } from './settings';

const rule = {
  id: 'r1',
  name: 'Customer asks for a person',
  description: '',
  enabled: true,
  position: 10,
  conditions: { type: 'human_requested' },
  actions: [{ type: 'set_status', status: 'escalated' }],
  created_at: '2026-03-01T09:00:00Z',
  updated_at: '2026-03-01T09:00:00Z',
};

// The Clara API as the browser sees it: one rule and the default auto-resolve bar.
function fakeApi(url: string): unknown {
  if (url.startsWith('/api/admin/escalation-rules')) return { items: [rule] };
  if (url.startsWith('/api/admin/settings/autoresolve/preview'))
    return { days: 30, threshold: 0.85, max_priority: 'normal', tickets: 40, answered: 30, would_resolve: 12, reopened: 2, auto_resolved: 11 };
  if (url.startsWith('/api/admin/settings/autoresolve')) return { mode: 'auto_resolve', threshold: 0.85, source: 'default', default_threshold: 0.85, max_priority: 'normal' };
  if (url.startsWith('/api/admin/classifier')) return { version: 'v1', trained_at: null, source: 'shipped', metrics: null, routing: routing(), last_training: null };
  throw new Error(`unexpected ${url}`);
}

function routing() {
  const row = (q: string) => ({ urgent: q, high: q, normal: q, low: q });
  return { technical: row('Technical Issues'), billing: row('Billing & Payments'), general: row('General Support') };
}

beforeEach(() => {
  vi.stubGlobal('fetch', async (url: string) => new Response(JSON.stringify(fakeApi(url)), { status: 200, headers: { 'content-type': 'application/json' } }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAs(role: Role, tab: string) {
  const session = makeSession({ id: 'u1', email: `${role}@example.com`, name: role, role, timezone: 'UTC', permissions: permissionMatrix()[role] });
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={[`/settings?tab=${tab}`]}>
          <SessionContext.Provider value={session}>
            <SettingsPage />
          </SessionContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('the settings page by role', () => {
  it('shows a lead the escalation rules read-only', async () => {
    renderAs('lead', 'escalation');
    expect(await screen.findByText('Customer asks for a person')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New rule' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit Customer asks for a person' })).toBeNull();
    expect((screen.getByRole('switch', { name: 'Customer asks for a person enabled' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('lets an admin create, edit and switch rules', async () => {
    renderAs('admin', 'escalation');
    expect(await screen.findByText('Customer asks for a person')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New rule' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit Customer asks for a person' })).toBeTruthy();
    expect((screen.getByRole('switch', { name: 'Customer asks for a person enabled' }) as HTMLInputElement).disabled).toBe(false);
  });

  it('shows a lead the auto-resolve bar and routing without save buttons', async () => {
    renderAs('lead', 'automation');
    expect(await screen.findByText('Server default (CLARA_AUTORESOLVE_THRESHOLD)')).toBeTruthy();
    expect(await screen.findByText('Routing')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save threshold' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save routing' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retrain with corrections' })).toBeNull();
    expect((await screen.findByTestId('autoresolve-preview')).textContent).toMatch(/12 of the last 30 days' 40 tickets would have been resolved.*2 of them came back/);
  });
});
