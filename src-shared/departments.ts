import type { Role } from './roles';

/**
 * The department screens of the client, in navigation order. `path` is the route; `roles`
 * lists who sees the screen in the navigation (admin and management see every screen).
 */
export const DEPARTMENTS = [
  { id: 'order-desk', path: '/order-desk', roles: ['order-desk', 'sales'] },
  { id: 'sales', path: '/sales', roles: ['sales', 'finance'] },
  { id: 'planning', path: '/planning', roles: ['planning', 'production'] },
  { id: 'production', path: '/production', roles: ['production', 'planning', 'quality'] },
  { id: 'procurement', path: '/procurement', roles: ['procurement', 'planning'] },
  { id: 'quality', path: '/quality', roles: ['quality', 'production'] },
  { id: 'warehouse', path: '/warehouse', roles: ['warehouse'] },
  { id: 'finance', path: '/finance', roles: ['finance', 'sales'] },
  { id: 'after-sales', path: '/after-sales', roles: ['after-sales', 'quality', 'sales'] },
  { id: 'management', path: '/management', roles: ['management'] },
  { id: 'admin', path: '/admin', roles: ['admin'] },
] as const satisfies readonly { id: string; path: string; roles: readonly Role[] }[];

export type DepartmentId = (typeof DEPARTMENTS)[number]['id'];

/** Screens a role sees in the navigation; admin and management see them all. */
export function departmentsFor(role: Role): (typeof DEPARTMENTS)[number][] {
  if (role === 'admin' || role === 'management') {
    return DEPARTMENTS.filter((d) => d.id !== 'admin' || role === 'admin');
  }
  return DEPARTMENTS.filter((d) => (d.roles as readonly Role[]).includes(role));
}
