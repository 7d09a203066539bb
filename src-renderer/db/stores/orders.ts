/**
 * Dexie stores of the orders domain added in schema version 2: a changed index string replaces
 * the version-1 definition of that table; a new kind needs its table here. Not shipped yet, so
 * editable until the release that ships version 2; after that, changes go to a new version.
 *
 * The order list (100,000 orders on a busy PC) filters and sorts through these indexes, never
 * by reading every row: a compound [x+createdAt] index gives "one state / customer / channel,
 * newest first" straight from the index, `*models` finds every order with a model, and the
 * [channel+state] pair is the order desk's "portal orders nobody has taken yet".
 */
export const ORDER_STORES_V2: Record<string, string> = {
  product: 'id, code',
  customer: 'id, code',
  order:
    'id, state, customerId, number, intakeNumber, createdAt, requestedDate, channel, *models, ' +
    '[state+createdAt], [customerId+createdAt], [channel+createdAt], [channel+state]',
  clarification: 'id, orderId',
  'feasibility-review': 'id, orderId, [department+status]',
};
