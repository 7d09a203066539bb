import { useMemo } from 'react';
import { useLocation } from 'react-router';
import { departmentsFor, type DepartmentId } from '../../src-shared/departments';
import type { Role } from '../../src-shared/roles';

export interface NavEntry {
  id: DepartmentId;
  path: string;
}

/** The departments this role sees, and which one the current route belongs to. */
export function useDepartmentNav(role: Role): {
  entries: NavEntry[];
  activeId: DepartmentId | undefined;
} {
  const { pathname } = useLocation();
  const entries = useMemo(
    () => departmentsFor(role).map((d) => ({ id: d.id, path: d.path })),
    [role],
  );
  const activeId = entries.find(
    (e) => pathname === e.path || pathname.startsWith(`${e.path}/`),
  )?.id;
  return { entries, activeId };
}
