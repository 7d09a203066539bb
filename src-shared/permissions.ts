import { z } from 'zod';
import { ROLES, type Role } from './roles';

/**
 * The one permission matrix of DESIGN.md section 5: which records each role may read and
 * which actions it may take. The server enforces it on every route, push and pull; the client
 * only uses it to hide what the server would refuse anyway.
 */

export const RECORD_KINDS = [
  'product',
  'customer',
  'production-line',
  'order',
  'clarification',
  'feasibility-review',
  'batch',
  'inspection-plan',
  // A lot inspection (batch or material lot against a plan); `inspection` is one reading.
  'inspection-lot',
  'inspection',
  // ISO 2859-1 switching state per product and supplier or line.
  'sampling-state',
  'ncr',
  'corrective-action',
  'purchase-order',
  'material-lot',
  'shipment',
  'carton',
  'scan',
  // Since client schema 3: stored packing specs, carriers, and the serial index (one record
  // per serial number packed, so a serial cannot go into two cartons).
  'packing-spec',
  'carrier',
  'serial',
  'invoice',
  'payment',
  'complaint',
  'survey',
  'notice',
  'user',
  'audit',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const recordKindSchema = z.enum(RECORD_KINDS);

export const ACTIONS = [
  'catalog.edit',
  'line.edit',
  'customer.edit',
  'order.create',
  'order.review',
  'order.clarify',
  'order.confirm',
  'order.cancel',
  'feasibility.sign',
  'batch.plan',
  'batch.move',
  'batch.report',
  'inspection.plan',
  'inspection.record',
  'ncr.open',
  'ncr.disposition',
  'capa.implement',
  'capa.verify',
  'procurement.order',
  'material.receive',
  'packing.edit',
  'carrier.edit',
  'shipment.create',
  'shipment.scan',
  'shipment.confirm',
  // The outgoing-mail screen: see notices that failed to send and send them again.
  'mail.manage',
  'invoice.issue',
  'payment.record',
  'credit.hold',
  'complaint.open',
  'complaint.resolve',
  'survey.send',
  'kpi.view',
  'user.manage',
  'audit.verify',
  'notice.dismiss',
] as const;
export type Action = (typeof ACTIONS)[number];
export const actionSchema = z.enum(ACTIONS);

/**
 * Record kinds an action creates or changes. A role allowed an action must be able to read
 * what it writes (asserted in the tests), and the sync engine can use this to refuse a
 * mutation that touches a kind outside its action.
 */
export const ACTION_WRITES = {
  'catalog.edit': ['product'],
  'line.edit': ['production-line'],
  'customer.edit': ['customer'],
  'order.create': ['order', 'notice'],
  'order.review': ['order'],
  'order.clarify': ['order', 'clarification'],
  // Confirming asks production, procurement and logistics for their sign-off.
  'order.confirm': ['order', 'feasibility-review'],
  'order.cancel': ['order'],
  'feasibility.sign': ['feasibility-review', 'order'],
  // Planning, splitting and merging batches moves the orders they serve (accepted → planned);
  // a clash the planner's PC did not show leaves them a notice (issue 12).
  'batch.plan': ['batch', 'order', 'notice'],
  // A move that overrides another planner's leaves that planner a notice.
  'batch.move': ['batch', 'notice'],
  // Running and reporting batches moves their orders (in production, ready to ship).
  'batch.report': ['batch', 'order'],
  // Resuming a stopped source moves its sampling state.
  'inspection.plan': ['inspection-plan', 'sampling-state'],
  // Closing a lot moves the switching state and, when it fails, opens an NCR that holds the
  // batch or material lot (whose quality summary every lot and NCR updates). A batch's
  // summary decides whether its orders are ready to ship, so their orders follow.
  'inspection.record': [
    'inspection',
    'inspection-lot',
    'sampling-state',
    'ncr',
    'batch',
    'material-lot',
    'order',
  ],
  'ncr.open': ['ncr', 'inspection-lot', 'batch', 'material-lot', 'order'],
  'ncr.disposition': ['ncr', 'corrective-action', 'batch', 'material-lot', 'order'],
  'capa.implement': ['corrective-action', 'ncr'],
  'capa.verify': ['corrective-action', 'ncr'],
  'procurement.order': ['purchase-order'],
  'material.receive': ['material-lot', 'purchase-order'],
  'packing.edit': ['packing-spec'],
  'carrier.edit': ['carrier'],
  // Packing makes cartons (and pallets) and claims each serial packed into them.
  'shipment.create': ['shipment', 'carton', 'serial'],
  // A scan adds to its shipment's counts; confirming stamps the cartons and ships the order.
  'shipment.scan': ['scan', 'carton', 'shipment'],
  // Confirming stamps the cartons and ships the order; recording a delivery moves it on.
  'shipment.confirm': ['shipment', 'carton', 'order'],
  // The mail queue is server-side only, no synced record.
  'mail.manage': [],
  'invoice.issue': ['invoice'],
  'payment.record': ['payment', 'invoice'],
  'credit.hold': ['customer'],
  'complaint.open': ['complaint'],
  'complaint.resolve': ['complaint'],
  'survey.send': ['survey'],
  'kpi.view': [],
  'user.manage': ['user'],
  'audit.verify': [],
  'notice.dismiss': ['notice'],
} as const satisfies Record<Action, readonly RecordKind[]>;

/**
 * Actions no department role gets: whoever manages users can make themselves anything, so
 * only `admin` may.
 */
export const ADMIN_ONLY_ACTIONS = ['user.manage'] as const satisfies readonly Action[];

interface RoleRights {
  read: readonly RecordKind[];
  actions: readonly Action[];
}

/** Kinds every signed-in role reads: the catalog, notices and who is who. */
const COMMON_READ = ['product', 'notice', 'user'] as const satisfies readonly RecordKind[];

export const PERMISSIONS = {
  'order-desk': {
    read: [
      ...COMMON_READ,
      'customer',
      'production-line',
      'order',
      'clarification',
      'feasibility-review',
      'batch',
      'shipment',
      'complaint',
    ],
    actions: [
      'customer.edit',
      'order.create',
      'order.review',
      'order.clarify',
      'order.cancel',
      'complaint.open',
    ],
  },
  sales: {
    read: [
      ...COMMON_READ,
      'customer',
      'production-line',
      'order',
      'clarification',
      'feasibility-review',
      'batch',
      'shipment',
      'invoice',
      'payment',
      'complaint',
      'survey',
    ],
    actions: [
      'catalog.edit',
      'customer.edit',
      'order.review',
      'order.clarify',
      'order.confirm',
      'order.cancel',
      'complaint.open',
      'kpi.view',
    ],
  },
  planning: {
    read: [
      ...COMMON_READ,
      'customer',
      'production-line',
      'order',
      'clarification',
      'feasibility-review',
      'batch',
      'purchase-order',
      'material-lot',
    ],
    actions: ['line.edit', 'feasibility.sign', 'batch.plan', 'batch.move', 'kpi.view'],
  },
  production: {
    read: [
      ...COMMON_READ,
      'production-line',
      'order',
      'feasibility-review',
      'batch',
      'inspection-plan',
      'inspection-lot',
      'inspection',
      'sampling-state',
      'ncr',
      'corrective-action',
      'material-lot',
    ],
    actions: ['line.edit', 'feasibility.sign', 'batch.report', 'ncr.open', 'capa.implement'],
  },
  procurement: {
    read: [
      ...COMMON_READ,
      'production-line',
      'order',
      'feasibility-review',
      'batch',
      'inspection-lot',
      'sampling-state',
      'ncr',
      'corrective-action',
      'purchase-order',
      'material-lot',
    ],
    actions: ['feasibility.sign', 'procurement.order', 'ncr.open', 'capa.implement'],
  },
  quality: {
    read: [
      ...COMMON_READ,
      'customer',
      'production-line',
      'order',
      'batch',
      'inspection-plan',
      'inspection-lot',
      'inspection',
      'sampling-state',
      'ncr',
      'corrective-action',
      'purchase-order',
      'material-lot',
      'complaint',
    ],
    actions: [
      'catalog.edit',
      'inspection.plan',
      'inspection.record',
      'ncr.open',
      'ncr.disposition',
      'capa.implement',
      'capa.verify',
      'complaint.resolve',
      'kpi.view',
    ],
  },
  warehouse: {
    read: [
      ...COMMON_READ,
      'customer',
      'order',
      'feasibility-review',
      'batch',
      'inspection-lot',
      'ncr',
      'purchase-order',
      'material-lot',
      'shipment',
      'carton',
      'scan',
      'packing-spec',
      'carrier',
      'serial',
    ],
    actions: [
      'feasibility.sign',
      'material.receive',
      'ncr.open',
      'packing.edit',
      'carrier.edit',
      'shipment.create',
      'shipment.scan',
      'shipment.confirm',
      'mail.manage',
    ],
  },
  finance: {
    read: [
      ...COMMON_READ,
      'customer',
      'order',
      'batch',
      'purchase-order',
      'shipment',
      'invoice',
      'payment',
    ],
    actions: ['invoice.issue', 'payment.record', 'credit.hold', 'kpi.view'],
  },
  'after-sales': {
    read: [
      ...COMMON_READ,
      'customer',
      'order',
      'batch',
      'material-lot',
      'inspection-lot',
      'inspection',
      'ncr',
      'corrective-action',
      'shipment',
      'carton',
      'scan',
      'serial',
      'invoice',
      'complaint',
      'survey',
    ],
    actions: ['ncr.open', 'complaint.open', 'complaint.resolve', 'survey.send'],
  },
  management: {
    // Managers see every department's records to judge it, and check the audit trail, but
    // change nothing themselves.
    read: RECORD_KINDS,
    actions: ['kpi.view', 'audit.verify'],
  },
  admin: {
    read: RECORD_KINDS,
    actions: ACTIONS,
  },
} as const satisfies Record<Role, RoleRights>;

const readSets = new Map<Role, ReadonlySet<RecordKind>>(
  ROLES.map((role) => [role, new Set<RecordKind>(PERMISSIONS[role].read)]),
);
/** Actions every signed-in role has: each person reads and marks their own notices. */
export const COMMON_ACTIONS = ['notice.dismiss'] as const satisfies readonly Action[];

const actionSets = new Map<Role, ReadonlySet<Action>>(
  ROLES.map((role) => [role, new Set<Action>([...PERMISSIONS[role].actions, ...COMMON_ACTIONS])]),
);

export function canRead(role: Role, kind: RecordKind): boolean {
  return readSets.get(role)?.has(kind) ?? false;
}

export function canDo(role: Role, action: Action): boolean {
  return actionSets.get(role)?.has(action) ?? false;
}

/** Kinds a role may read, e.g. to filter a pull. */
export function readableKinds(role: Role): readonly RecordKind[] {
  return PERMISSIONS[role].read;
}

/** Roles allowed an action, e.g. to say in a refusal who could do it instead. */
export function rolesThatCan(action: Action): Role[] {
  return ROLES.filter((role) => canDo(role, action));
}
