import type { ApiErrorCode } from '../../src-shared/api/auth';
import { ordersEn } from './domains/orders';
import { passwordsEn } from './domains/passwords';
import { planningEn } from './domains/planning';
import { qualityEn } from './domains/quality';
import { warehouseEn } from './domains/warehouse';

/**
 * English strings. zh-CN.ts must have exactly the same keys (checked by resources.test.ts and
 * by its `satisfies` clause); add a key to both files in the same change.
 */
export const en = {
  app: {
    name: 'OrderLine',
    tagline: 'Order processing for battery factories',
    skipToContent: 'Skip to main content',
  },
  language: {
    label: 'Language',
    'zh-CN': '中文',
    en: 'English',
  },
  nav: {
    label: 'Departments',
    collapse: 'Collapse navigation',
    expand: 'Expand navigation',
  },
  shell: {
    user: 'Signed-in user',
    signOut: 'Sign out',
  },
  offline: {
    title: 'Signed in offline',
    banner: 'Offline — changes will sync when the network returns.',
    tokenExpired:
      'Your last online sign-in on this PC has expired: sign out and sign in again while connected to the network, so that your changes can sync.',
  },
  syncStatus: {
    online: 'Online',
    offline: 'Offline',
  },
  sync: {
    pending_one: '{{count}} change waiting',
    pending_other: '{{count}} changes waiting',
    upToDate: 'All changes synced',
    lastSync: 'Last sync {{time}}',
    never: 'Not synced yet on this PC',
    syncing: 'Syncing…',
    receiving: 'Receiving data: {{done}} received, {{remaining}} to go',
    syncNow: 'Sync now',
    alerts: {
      outdated:
        'This OrderLine app is older than the server supports. Update the app: your changes are kept on this PC and sync after the update.',
      localTooNew:
        'The data on this PC was written by a newer OrderLine. Update the app before working here.',
      sessionExpired:
        'The server no longer accepts your sign-in, so nothing can sync. Sign out and sign in again while connected; your changes stay on this PC.',
      serverError: 'The server had a problem; OrderLine keeps retrying. Nothing is lost.',
    },
    rejections: {
      button: 'Refused',
      title: 'Changes the server refused',
      intro:
        'These changes were made on this PC but refused by the server. Nothing was applied; redo a change after fixing what is wrong, or dismiss it.',
      empty: 'Nothing was refused.',
      madeAt: 'Made {{time}}',
      redo: 'Redo',
      dismiss: 'Dismiss',
      redone: 'Queued again.',
    },
    notices: {
      button: 'Notices',
      title: 'Notices',
      empty: 'No notices.',
      dismiss: 'Mark as read',
      planOverridden:
        '{{by}} changed {{subject}} after you, from an older view of the plan: their {{fields}} now stands instead of yours.',
      planConflict:
        '{{subject}} overlaps {{with}} on {{line}}: your PC did not show it when you placed it (another planner’s batch had not reached it yet). It stays where you put it, marked over capacity.',
    },
    fields: {
      lineId: 'line',
      start: 'start',
      end: 'end',
      sequence: 'sequence',
      quantity: 'quantity',
    },
    mutations: {
      'order-create': 'New order',
      'order-transition': 'Order state change',
      'order-clarify': 'Clarification with the customer',
      'order-take': 'Order taken into review',
      'order-review': 'Order reviewed',
      'order-confirm': 'Order confirmed by sales',
      'order-deliver': 'Delivery recorded',
      'order-close': 'Order closed',
      'feasibility-sign': 'Feasibility sign-off',
      'product-save': 'Catalog product saved',
      'customer-save': 'Customer saved',
      'customer-credit': 'Customer credit set',
      'batch-plan': 'New production batch',
      'batch-move': 'Batch moved on the plan',
      'batch-move-many': 'Batches moved on the plan',
      'batch-split': 'Batch split',
      'batch-merge': 'Batches merged',
      'batch-release': 'Batch released to the workshop',
      'batch-run': 'Batch started, paused or completed',
      'batch-report': 'Output reported (good and scrap)',
      'line-calendar': 'Line calendar saved',
      'inspection-record': 'Inspection result',
      'inspection-plan': 'Inspection plan saved',
      'sampling-resume': 'Inspection resumed after a stop',
      'inspection-start': 'Lot inspection started',
      'inspection-import': 'Tester results imported',
      'inspection-close': 'Lot inspection closed',
      'ncr-open': 'Nonconformance report opened',
      'ncr-disposition': 'Nonconformance dispositioned',
      'ncr-close': 'Nonconformance report closed',
      'capa-assign': 'Corrective action assigned',
      'capa-implement': 'Corrective action implemented',
      'capa-verify': 'Corrective action verified',
      'carton-pack': 'Carton packed',
      'pallet-build': 'Pallet built',
      'shipment-create': 'New shipment',
      'shipment-scan': 'Carton scanned into a shipment',
      'shipment-confirm': 'Shipment confirmed',
      'carrier-save': 'Carrier saved',
      'packingSpec-save': 'Packing spec saved',
      'packingSpec-remove': 'Packing spec removed',
      'notice-dismiss': 'Notice read',
      unknown: 'Change "{{name}}"',
    },
    refusals: {
      forbidden: 'Your role may not do this.',
      'invalid-args': 'The data was not valid ({{path}}: {{message}}).',
      'unknown-mutation': 'The server does not know this kind of change: update the app.',
      'not-found': 'It no longer exists on the server.',
      'corrupt-record':
        'A stored {{kind}} record ({{id}}) is damaged at “{{path}}”: nothing was changed. Tell the administrator.',
      'already-exists': 'It already exists on the server.',
      'conflicting-duplicate': 'A different entry with the same id is already on the server.',
      'illegal-transition': 'The order is now "{{from}}" and cannot go to "{{to}}".',
      'stale-state': 'It changed in the meantime and no longer allows this.',
      'server-error': 'The server failed on this change.',
      'already-taken': '{{by}} has already taken this order.',
      'needs-own-action': 'This step has its own action on the order screen.',
      incomplete: 'The order is incomplete and cannot pass the review.',
      'wrong-department': 'Your role does not sign for this department.',
      'sampling-stopped':
        'Inspection of this product from this source is stopped (5 lots not accepted on tightened inspection): quality must resume it after the supplier or line has acted.',
      'lot-closed': 'Lot inspection {{lot}} was already closed.',
      'lot-incomplete': 'The lot has no verdict yet: {{remaining}} more units to check.',
      'actions-open': '{{count}} corrective action(s) are not verified yet.',
      'not-mergeable': 'These batches cannot be merged ({{reason}}).',
      'on-hold':
        'Batch {{batch}} is on hold by quality: it cannot run until the nonconformance is dispositioned.',
      'wrong-order': 'Carton {{carton}} belongs to another order.',
      'wrong-model': 'Model {{model}} is not on this shipment.',
      'already-scanned': 'Carton {{carton}} was already scanned into this shipment.',
      'already-shipped': 'Carton {{carton}} has already left in another shipment.',
      'over-quantity':
        'Too many: carton {{carton}} holds {{quantity}} of {{model}}, only {{remaining}} left.',
      'not-released': 'Batch {{batch}} is not released by quality ({{reason}}).',
      'shipment-confirmed': 'This shipment is already confirmed.',
      'serial-already-packed': 'Serial number {{serial}} is already packed in carton {{carton}}.',
      'scan-incomplete':
        'Scanned does not match what is to ship: {{model}} {{scanned}} of {{quantity}}.',
      'invalid-tracking-number':
        'Tracking number {{trackingNumber}} does not look like a {{carrier}} number.',
      'carrier-unavailable': '{{carrier}} is inactive or does not serve this mode of transport.',
      'customer-credit-hold':
        'Customer {{customer}} is on credit hold: finance must release it before the goods leave.',
      'carton-spans-orders':
        'This carton would hold units of two orders: only {{remaining}} more belong to order {{order}}, the rest of the batch to {{next}}. Pack {{remaining}} to close {{order}}, then go on.',
      'batch-not-done':
        'Batch {{batch}} is not completed yet: the workshop completes it first (the label prints the day it was completed), then it can be packed.',
      'carrier-not-listed':
        'Carrier {{carrier}} is not on the carrier list: choose one from the list. A carrier can be typed in only while the plant’s “Other carrier” entry is active, and not over the carrier the shipment was opened with.',
      'line-cannot-make':
        '{{line}} cannot make {{family}}: it has no rate for it. Plan the batch on a line that makes it.',
      'batch-too-long':
        'On {{line}} this batch would span {{days}} days, more than the {{maxDays}} a batch may: split it.',
      'not-on-order': 'Order {{order}} has no line {{line}} for {{model}}.',
      'over-planned':
        'Order {{order}}, line {{line}}: at most {{remaining}} more can be planned ({{ordered}} ordered, the rest is on other batches), not {{quantity}}.',
      'review-failed':
        'Review checks fail ({{checks}}: {{findings}}): the order cannot pass until that is put right with the customer or in the catalog.',
      'forbidden-field':
        'The field {{field}} is not yours to set: finance keeps the credit limit and hold. The rest was not saved either; save again without it.',
      unknown: 'Refused ({{code}}).',
    },
  },
  orderStates: {
    received: 'Received',
    under_review: 'Under review',
    needs_clarification: 'Needs clarification',
    reviewed: 'Reviewed',
    sales_confirmed: 'Confirmed by sales',
    in_feasibility: 'In feasibility review',
    accepted: 'Accepted',
    rejected: 'Rejected',
    planned: 'Planned',
    in_production: 'In production',
    ready_to_ship: 'Ready to ship',
    partly_shipped: 'Partly shipped',
    shipped: 'Shipped',
    delivered: 'Delivered',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
  orders: ordersEn,
  passwords: passwordsEn,
  planning: planningEn,
  quality: qualityEn,
  warehouse: warehouseEn,
  roles: {
    'order-desk': 'Order desk',
    sales: 'Sales',
    planning: 'Planning',
    production: 'Production',
    procurement: 'Procurement',
    quality: 'Quality',
    warehouse: 'Warehouse',
    finance: 'Finance',
    'after-sales': 'After-sales',
    management: 'Management',
    admin: 'Administrator',
  },
  departments: {
    'order-desk': {
      title: 'Order desk',
      description:
        'Record orders that arrive by phone, e-mail, the online portal or in person, run the first review and log every clarification with the customer.',
      empty: 'No orders yet',
    },
    sales: {
      title: 'Sales',
      description:
        'Re-check reviewed orders, confirm them into the system of record and keep an eye on customer credit.',
      empty: 'No orders waiting for confirmation',
    },
    planning: {
      title: 'Planning',
      description:
        'Turn confirmed orders into production batches and schedule them on the board of lines and days.',
      empty: 'No batches planned yet',
    },
    production: {
      title: 'Production',
      description: "See the day's batches, report output and scrap, and fix what quality flags.",
      empty: 'No batches for today',
    },
    procurement: {
      title: 'Procurement',
      description:
        'Work out material requirements from the plan, keep safety stock and manage purchase orders and suppliers.',
      empty: 'No purchase orders yet',
    },
    quality: {
      title: 'Quality',
      description:
        'Log incoming, in-process and final inspections, nonconforming product and corrective actions.',
      empty: 'No inspections yet',
    },
    warehouse: {
      title: 'Warehouse & logistics',
      description:
        'Pack and label, verify each shipment by scanning it against the order, and record carrier and tracking number.',
      empty: 'No shipments to prepare',
    },
    finance: {
      title: 'Finance',
      description: 'Per-order cost, invoices, payments, overdue follow-up and customer credit.',
      empty: 'No invoices yet',
    },
    'after-sales': {
      title: 'After-sales',
      description: 'Complaints, returns, 8D reports and customer satisfaction surveys.',
      empty: 'No complaints yet',
    },
    management: {
      title: 'Management',
      description: 'KPIs, trends and weighted performance reviews of every department.',
      empty: 'No figures yet',
    },
    admin: {
      title: 'Administration',
      description: 'Users and their roles, portal API keys, and the integrity of the audit log.',
      empty: 'No users yet',
    },
  },
  signIn: {
    title: 'Sign in',
    subtitle: 'Sign in with your OrderLine account.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    offlineNote: 'No network: you can sign in here if you have signed in on this PC before.',
    errors: {
      'offline-unknown-user':
        '“{{username}}” has not signed in on this PC before; connect to the network to sign in.',
      'offline-invalid-credentials':
        'Wrong username or password (checked on this PC, because the server cannot be reached).',
      'offline-unavailable':
        'The server cannot be reached and offline sign-in is not available in this browser.',
    },
  },
  errors: {
    'invalid-input': 'Some fields are not valid.',
    'body-too-large': 'The request is too large.',
    unauthenticated: 'Please sign in.',
    'session-expired': 'Your session has expired; please sign in again.',
    forbidden: 'Your role is not allowed to do this.',
    'invalid-credentials': 'Wrong username or password.',
    'user-disabled': 'This account is disabled; ask an administrator.',
    'rate-limited': 'Too many attempts; wait a minute and try again.',
    'too-many-streams': 'Too many OrderLine windows are open for this user; close some.',
    'not-found': 'Not found.',
    'username-taken': 'This username is already taken.',
    'client-id-taken': 'This device id belongs to another user.',
    'unknown-client': 'This PC is not registered with the server.',
    'client-outdated': 'This version of OrderLine is too old for the server; please update it.',
    internal: 'The server ran into a problem; try again later.',
    'unsupported-media-type': 'The server did not understand the request format.',
    'cannot-disable-self': 'You cannot disable your own account.',
    'weak-password': 'This password is too easy to guess; choose another one.',
    'network-error': 'The server cannot be reached; check the network.',
    'invalid-api-key': 'A valid portal API key is needed.',
    'portal-name-taken': 'A portal with this name already exists.',
    'unknown-customer': 'No customer with this code.',
    'mail-not-retryable': 'This mail is already sent or being sent.',
    'customer-not-bound': 'This portal key does not order for that customer.',
    'portal-key-unbound': 'This portal key is bound to no customer yet and takes no orders.',
  } satisfies Record<ApiErrorCode | 'network-error', string>,
  validation: {
    required: 'Required',
    tooShort: 'At least {{min}} characters',
    tooLong: 'At most {{max}} characters',
    atLeast: 'At least {{min}}',
    usernameFormat:
      'Lower-case letters, digits, dot, dash and underscore; start with a letter or digit',
    portalNameFormat:
      'Lower-case letters, digits, dot, dash and underscore; start with a letter or digit',
    invalid: 'Not a valid value',
    serverRefused: 'Refused by the server: {{message}}',
  },
  common: {
    cancel: 'Cancel',
    refresh: 'Refresh',
    yes: 'Yes',
    no: 'No',
  },
  admin: {
    users: {
      title: 'Users',
      create: 'New user',
      username: 'Username',
      displayName: 'Name',
      role: 'Role',
      status: 'Status',
      actions: 'Actions',
      active: 'Active',
      disabled: 'Disabled',
      disable: 'Disable',
      enable: 'Enable',
      disableConfirm: 'Disable {{username}}? They can no longer sign in.',
      enableConfirm: 'Enable {{username}} again?',
      resetPassword: 'Reset password',
      disabledDone: '{{username}} is disabled.',
      enabledDone: '{{username}} is enabled.',
      loadFailed: 'The user list could not be loaded.',
    },
    createForm: {
      title: 'New user',
      username: 'Username',
      usernameHelp: 'Lower-case letters, digits, dot, dash and underscore',
      displayName: 'Name',
      role: 'Role',
      password: 'Initial password',
      submit: 'Create user',
      created: 'User {{username}} created.',
    },
    resetForm: {
      title: 'Reset the password of {{username}}',
      password: 'New password',
      submit: 'Reset password',
      done: 'The password of {{username}} was reset.',
    },
    portalKeys: {
      title: 'Portal API keys',
      description:
        'A web shop or customer portal posts orders with a key of its own (header x-api-key). Give each portal its own key; revoking one stops it at once and leaves the others working.',
      create: 'New key',
      name: 'Portal',
      status: 'Status',
      active: 'Active',
      revoked: 'Revoked',
      createdAt: 'Created',
      lastUsedAt: 'Last order',
      never: 'Never',
      actions: 'Actions',
      customers: 'Orders for',
      notBound: 'Not bound',
      notBoundHelp:
        'Made before keys were bound to customers: it takes no orders until you choose whom it orders for.',
      bind: 'Customers',
      bindTitle: 'Customers portal {{name}} orders for',
      bindSubmit: 'Save customers',
      boundDone: '{{name}} now orders for the chosen customers only.',
      revoke: 'Revoke',
      revokeConfirm: 'Revoke the key of {{name}}? The portal can no longer post orders with it.',
      revokedDone: 'The key of {{name}} is revoked.',
      loadFailed: 'The portal keys could not be loaded.',
      empty: 'No portal keys yet',
    },
    portalKeyForm: {
      title: 'New portal API key',
      name: 'Portal name',
      customers: 'Customers',
      customersHelp:
        'The key posts orders for these customers only; an order for any other is refused.',
      nameHelp: 'Lower-case letters, digits, dot, dash and underscore, e.g. web-shop',
      submit: 'Create key',
      createdTitle: 'Key for {{name}}',
      onceWarning: 'Copy this key now: it will not be shown again.',
      onceDetail:
        'The server keeps only a hash of it. Give it to the portal over a safe channel; if it is lost, revoke it and make a new one.',
      copy: 'Copy key',
      copied: 'Copied',
      done: 'I have copied the key',
    },
    audit: {
      title: 'Audit log',
      description:
        'Every accepted change is kept in a hash-chained audit log; verifying recomputes the chain and reports the first entry that was changed or removed.',
      verify: 'Verify audit log',
      ok: 'The audit log is intact: {{count}} entries checked.',
      broken: 'The audit log is broken at entry #{{seq}}: {{reason}}',
    },
  },
};

/** The shape every language must fill: the same keys, each a string. */
export type ResourceTree<T> = { [K in keyof T]: T[K] extends string ? string : ResourceTree<T[K]> };
export type Resources = ResourceTree<typeof en>;
