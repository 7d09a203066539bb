import { z } from 'zod';
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
