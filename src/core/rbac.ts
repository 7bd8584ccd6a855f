export const ROLES = ['admin', 'lead', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'tickets:read',
  'tickets:write',
  'tickets:assign',
  'tickets:close',
  'tickets:escalate',
  'tickets:deescalate',
  'notifications:read',
  'customers:read',
  'customers:write',
  'queues:read',
  'kb:read',
  'kb:write',
  'users:read',
  'users:manage',
  'tokens:manage',
  'settings:read',
  'settings:manage',
  'audit:read',
  'system:read',
  'system:manage',
  'meetings:read',
  'meetings:write',
  'meetings:manage',
  'tasks:read',
  'tasks:write',
  'tasks:manage',
  'sla:manage',
  'escalation:manage',
  'queues:manage',
  'email:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: Permission[] = ['tickets:read', 'customers:read', 'queues:read', 'kb:read', 'meetings:read', 'tasks:read', 'notifications:read'];
const AGENT: Permission[] = [...VIEWER, 'tickets:write', 'tickets:close', 'tickets:escalate', 'customers:write', 'users:read', 'meetings:write', 'tasks:write'];
const LEAD: Permission[] = [...AGENT, 'tickets:assign', 'tickets:deescalate', 'kb:write', 'settings:read', 'audit:read', 'system:read', 'meetings:manage', 'tasks:manage'];

// The one permission table: routes declare a permission, a single hook enforces it.
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(VIEWER),
  agent: new Set(AGENT),
  lead: new Set(LEAD),
  admin: new Set(PERMISSIONS),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function permissionMatrix(): Record<Role, Permission[]> {
  return Object.fromEntries(ROLES.map((r) => [r, [...ROLE_PERMISSIONS[r]]])) as Record<Role, Permission[]>;
}

export type Actor =
  | { type: 'user'; id: string; role: Role; name: string; via: 'session' | 'token' }
  | { type: 'customer'; id: string }
  | { type: 'automation'; id: string | null; name: string }
  | { type: 'system'; id: null };

export const systemActor: Actor = { type: 'system', id: null };
