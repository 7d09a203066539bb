import { z } from 'zod';
import { defineDomain } from './domain';
import { defineMutation, Refusal } from './mutation';

export const dismissNotice = defineMutation({
  name: 'notice.dismiss',
  action: 'notice.dismiss',
  args: z.object({ id: z.string().min(1).max(200) }).strict(),
  async run(tx, args, ctx) {
    const notice = await tx.get('notice', args.id);
    if (!notice || notice._audience !== ctx.userId) {
      throw new Refusal('not-found', { kind: 'notice', id: args.id });
    }
    await tx.put('notice', { ...notice, read: true });
  },
});

export const NOTICE_MUTATIONS = [dismissNotice];

/** Notices to one user (overridden moves, placement warnings): the sync core's own kind. */
export const NOTICES_DOMAIN = defineDomain({
  name: 'notices',
  mutations: NOTICE_MUTATIONS,
  kinds: { notice: { indexes: [] } },
});
