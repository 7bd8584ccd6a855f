// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { permissionMatrix, type Role } from '@shared/core/rbac';
import { makeSession, SessionContext } from '../lib/session';
import { RequirePermission } from './require-permission';

function renderAs(role: Role) {
  const session = makeSession({ id: 'u1', email: `${role}@example.com`, name: role, role, timezone: 'UTC', permissions: permissionMatrix()[role] });
  return render(
    <MantineProvider>
      <MemoryRouter>
        <SessionContext.Provider value={session}>
          <RequirePermission permission="users:read">
            <p>the users page</p>
          </RequirePermission>
        </SessionContext.Provider>
      </MemoryRouter>
    </MantineProvider>,
  );
}

afterEach(cleanup);

describe('RequirePermission', () => {
  it('shows the 403 page naming the missing permission to a role without it', () => {
    renderAs('viewer');
    expect(screen.getByTestId('forbidden-page').textContent).toContain('403');
    expect(screen.getByText('users:read')).toBeTruthy();
    expect(screen.queryByText('the users page')).toBeNull();
  });

  it('shows the page to a role with the permission', () => {
    renderAs('agent');
    expect(screen.getByText('the users page')).toBeTruthy();
    expect(screen.queryByTestId('forbidden-page')).toBeNull();
  });
});
