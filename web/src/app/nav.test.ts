import { describe, expect, it } from 'vitest';
import { permissionMatrix, ROLES } from '@shared/core/rbac';
import { activeNavItem, NAV_ITEMS, visibleNavItems } from './nav';

const labelsFor = (role: (typeof ROLES)[number]) => visibleNavItems(permissionMatrix()[role]).map((i) => i.label);

describe('the navigation by role', () => {
  it('shows a viewer only the dashboard, inbox, knowledge base, calendar and tasks', () => {
    expect(labelsFor('viewer')).toEqual(['Dashboard', 'Inbox', 'Knowledge base', 'Calendar', 'Tasks']);
  });

  it('shows an agent Users & roles (read-only) but no admin pages', () => {
    expect(labelsFor('agent')).toEqual(['Dashboard', 'Inbox', 'Knowledge base', 'Calendar', 'Tasks', 'Users & roles']);
  });

  it('shows a lead the audit log, system and settings', () => {
    expect(labelsFor('lead')).toEqual(['Dashboard', 'Inbox', 'Knowledge base', 'Calendar', 'Tasks', 'Users & roles', 'Audit log', 'System', 'Settings']);
  });

  it('shows an admin every item', () => {
    expect(labelsFor('admin')).toEqual(NAV_ITEMS.map((i) => i.label));
  });

  it('shows nothing without permissions', () => {
    expect(visibleNavItems([])).toEqual([]);
  });
});

describe('activeNavItem', () => {
  it.each([
    ['/', 'Dashboard'],
    ['/tickets', 'Inbox'],
    ['/tickets/1042', 'Inbox'],
    ['/users', 'Users & roles'],
    ['/tasks', 'Tasks'],
    ['/kb/3f1c', 'Knowledge base'],
    ['/ticketsx', undefined],
  ])('marks %s as %s', (path, label) => {
    expect(activeNavItem(path)?.label).toBe(label);
  });
});
