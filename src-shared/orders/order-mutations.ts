import { z } from 'zod';
import { insertOnce } from '../sync/append-only';
import { defineMutation, Refusal, type StoredRecord } from '../sync/mutation';
import { canTransition, ORDER_STATES, TRANSITION_ACTION, type OrderState } from './order-state';

export const ORDER_CHANNELS = ['phone', 'email', 'portal', 'in-person'] as const;

export interface OrderHistoryEntry {
  from: OrderState | null;
  to: OrderState;
  by: string;
  clientId: string;
  clientTime: string;
  at: string;
  reason?: string;
}

export interface OrderRecord extends StoredRecord {
  number: string;
  numberProvisional: boolean;
  customerId: string;
  channel: (typeof ORDER_CHANNELS)[number];
  state: OrderState;
  lines: { model: string; spec?: string; quantity: number }[];
  requestedDate?: string;
  notes?: string;
  history: OrderHistoryEntry[];
  createdBy: string;
  createdAt: string;
}

export const orderLineArgs = z
  .object({
    model: z.string().min(1).max(100),
    spec: z.string().max(200).optional(),
    quantity: z.number().int().positive().max(100_000_000),
  })
  .strict();

export const createOrder = defineMutation({
  name: 'order.create',
  action: 'order.create',
  args: z
    .object({
      id: z.uuid(),
      customerId: z.string().min(1).max(100),
      channel: z.enum(ORDER_CHANNELS),
      lines: z.array(orderLineArgs).min(1).max(500),
      requestedDate: z.iso.date().optional(),
      notes: z.string().max(5000).optional(),
    })
    .strict(),
  async run(tx, args, ctx) {
    if (await tx.get('order', args.id)) throw new Refusal('already-exists', { id: args.id });
    const { number, provisional } = await ctx.nextNumber('SO');
    const order: OrderRecord = {
      ...args,
      number,
      numberProvisional: provisional,
      state: 'received',
      history: [
        {
          from: null,
          to: 'received',
          by: ctx.userId,
          clientId: ctx.clientId,
          clientTime: ctx.clientTime,
          at: ctx.now,
        },
      ],
      createdBy: ctx.userId,
      createdAt: ctx.now,
    };
    await tx.put('order', order);
  },
});

export const transitionOrder = defineMutation({
  name: 'order.transition',
  action: (args) => TRANSITION_ACTION[args.to],
  args: z
    .object({
      orderId: z.uuid(),
      to: z.enum(ORDER_STATES),
      reason: z.string().max(2000).optional(),
    })
    .strict(),
  async run(tx, args, ctx) {
    const order = await tx.get<OrderRecord>('order', args.orderId);
    if (!order) throw new Refusal('not-found', { kind: 'order', id: args.orderId });
    if (!canTransition(order.state, args.to)) {
      throw new Refusal('illegal-transition', { from: order.state, to: args.to });
    }
    const entry: OrderHistoryEntry = {
      from: order.state,
      to: args.to,
      by: ctx.userId,
      clientId: ctx.clientId,
      clientTime: ctx.clientTime,
      at: ctx.now,
      ...(args.reason === undefined ? {} : { reason: args.reason }),
    };
    await tx.put('order', { ...order, state: args.to, history: [...order.history, entry] });
  },
});

export const logClarification = defineMutation({
  name: 'order.clarify',
  action: 'order.clarify',
  args: z
    .object({
      id: z.uuid(),
      orderId: z.uuid(),
      channel: z.enum(ORDER_CHANNELS),
      question: z.string().min(1).max(5000),
      answer: z.string().max(5000).optional(),
    })
    .strict(),
  async run(tx, args, ctx) {
    if (!(await tx.get('order', args.orderId))) {
      throw new Refusal('not-found', { kind: 'order', id: args.orderId });
    }
    await insertOnce(tx, 'clarification', { ...args, by: ctx.userId, clientTime: ctx.clientTime });
  },
});

/** Every order mutation; the registry in src-shared/mutations.ts takes them from here. */
export const ORDER_MUTATIONS = [createOrder, transitionOrder, logClarification];
