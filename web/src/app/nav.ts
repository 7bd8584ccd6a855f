import type { Permission } from '@shared/core/rbac';

export interface NavItem {
  label: string;
  to: string;
  /** The permission the page needs; the item is hidden without it and the route shows the 403 page. */
  permission: Permission;
  /** Keyboard shortcut: "g" then this key. */
  key: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Dashboard', to: '/', permission: 'tickets:read', key: 'd' },
  { label: 'Inbox', to: '/tickets', permission: 'tickets:read', key: 'i' },
  { label: 'Knowledge base', to: '/kb', permission: 'kb:read', key: 'k' },
  { label: 'Calendar', to: '/calendar', permission: 'meetings:read', key: 'c' },
  { label: 'Tasks', to: '/tasks', permission: 'tasks:read', key: 't' },
  { label: 'Users & roles', to: '/users', permission: 'users:read', key: 'u' },
  { label: 'Audit log', to: '/audit', permission: 'audit:read', key: 'a' },
  { label: 'System', to: '/system', permission: 'system:read', key: 's' },
  { label: 'Settings', to: '/settings', permission: 'settings:read', key: 'e' },
];

export function visibleNavItems(permissions: Iterable<Permission>): NavItem[] {
  const have = new Set(permissions);
  return NAV_ITEMS.filter((item) => have.has(item.permission));
}

/** The nav item a path belongs to ("/tickets/1042" → Inbox). */
export function activeNavItem(pathname: string): NavItem | undefined {
  return [...NAV_ITEMS].sort((a, b) => b.to.length - a.to.length).find((i) => (i.to === '/' ? pathname === '/' : pathname === i.to || pathname.startsWith(`${i.to}/`)));
}
