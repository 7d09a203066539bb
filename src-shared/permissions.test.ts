import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './roles';
import {
  ACTIONS,
  ACTION_WRITES,
  ADMIN_ONLY_ACTIONS,
  PERMISSIONS,
  RECORD_KINDS,
  actionSchema,
  canDo,
  canRead,
  readableKinds,
  recordKindSchema,
  rolesThatCan,
} from './permissions';

const DEPARTMENT_ROLES = ROLES.filter((r) => r !== 'admin');

describe('permission matrix', () => {
  it('has an entry for every role, and nothing else', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it('names only known kinds and actions, each once', () => {
    for (const role of ROLES) {
      const { read, actions } = PERMISSIONS[role];
      for (const kind of read) expect(recordKindSchema.safeParse(kind).success).toBe(true);
      for (const action of actions) expect(actionSchema.safeParse(action).success).toBe(true);
      expect(new Set(read).size, `${role} read list has duplicates`).toBe(read.length);
      expect(new Set(actions).size, `${role} action list has duplicates`).toBe(actions.length);
    }
  });

  it('gives admin everything', () => {
    for (const kind of RECORD_KINDS) expect(canRead('admin', kind)).toBe(true);
    for (const action of ACTIONS) expect(canDo('admin', action)).toBe(true);
  });

  it('allows every action except the admin-only ones to at least one department', () => {
    const adminOnly: readonly string[] = ADMIN_ONLY_ACTIONS;
    for (const action of ACTIONS) {
      const departments = rolesThatCan(action).filter((r) => r !== 'admin');
      if (adminOnly.includes(action)) expect(departments, action).toEqual([]);
      else expect(departments.length, `${action} has no department`).toBeGreaterThan(0);
    }
  });

  it('lets every kind be read by at least one department', () => {
    for (const kind of RECORD_KINDS) {
      expect(
        DEPARTMENT_ROLES.some((r) => canRead(r, kind)),
        kind,
      ).toBe(true);
    }
  });

  it('lets a role read every kind its actions write', () => {
    for (const role of ROLES) {
      for (const action of PERMISSIONS[role].actions) {
        for (const kind of ACTION_WRITES[action]) {
          expect(canRead(role, kind), `${role} may ${action} but not read ${kind}`).toBe(true);
        }
      }
    }
  });

  it('lets every signed-in role read the catalog and notices', () => {
    for (const role of ROLES) {
      expect(canRead(role, 'product')).toBe(true);
      expect(canRead(role, 'notice')).toBe(true);
    }
  });

  it('keeps the audit trail to management and admin', () => {
    expect(ROLES.filter((r) => canRead(r, 'audit')).sort()).toEqual(['admin', 'management']);
    expect(rolesThatCan('audit.verify').sort()).toEqual(['admin', 'management']);
  });

  it('matches the factory: quality decides on nonconforming product, not the warehouse', () => {
    expect(canDo('quality', 'inspection.record')).toBe(true);
    expect(canDo('quality', 'ncr.disposition')).toBe(true);
    expect(canDo('warehouse', 'ncr.disposition')).toBe(false);
    expect(canDo('production', 'ncr.disposition')).toBe(false);
    expect(canDo('production', 'inspection.record')).toBe(false);
    // Whoever finds a problem may raise it.
    for (const role of ['production', 'warehouse', 'quality', 'procurement'] as const) {
      expect(canDo(role, 'ncr.open'), role).toBe(true);
    }
  });

  it('matches the factory: order flow, planning, shipping and money stay with their owners', () => {
    expect(rolesThatCan('order.confirm')).toEqual(['sales', 'admin']);
    expect(canDo('order-desk', 'order.create')).toBe(true);
    expect(canDo('order-desk', 'order.confirm')).toBe(false);
    expect(canDo('planning', 'batch.move')).toBe(true);
    expect(canDo('production', 'batch.move')).toBe(false);
    expect(canDo('warehouse', 'shipment.scan')).toBe(true);
    expect(canDo('sales', 'shipment.confirm')).toBe(false);
    expect(rolesThatCan('credit.hold')).toEqual(['finance', 'admin']);
    expect(rolesThatCan('invoice.issue')).toEqual(['finance', 'admin']);
    expect(canRead('production', 'invoice')).toBe(false);
    expect(canRead('warehouse', 'payment')).toBe(false);
  });

  it('has feasibility signed by the three departments of the review (plus the shop floor)', () => {
    expect(rolesThatCan('feasibility.sign').sort()).toEqual(
      ['admin', 'planning', 'procurement', 'production', 'warehouse'].sort(),
    );
  });

  it('lets management look but not change', () => {
    const changing = PERMISSIONS.management.actions.filter((a) => ACTION_WRITES[a].length > 0);
    expect(changing).toEqual([]);
    expect(readableKinds('management')).toEqual(RECORD_KINDS);
  });

  it('refuses unknown roles, kinds and actions', () => {
    expect(canDo('nobody' as Role, 'kpi.view')).toBe(false);
    expect(canRead('sales', 'secret' as never)).toBe(false);
    expect(actionSchema.safeParse('order.delete').success).toBe(false);
  });
});
