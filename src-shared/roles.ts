import { z } from 'zod';

/**
 * The departments of DESIGN.md section 1, plus `admin`. A user has exactly one role; the
 * permission matrix (permissions.ts) says what each may read and do.
 */
export const ROLES = [
  'order-desk',
  'sales',
  'planning',
  'production',
  'procurement',
  'quality',
  'warehouse',
  'finance',
  'after-sales',
  'management',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES);

export function isRole(value: unknown): value is Role {
  return roleSchema.safeParse(value).success;
}
