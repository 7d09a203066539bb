import type { RecordKind } from '../src-shared/permissions';
import { appendAudit } from './audit/audit-log';
import { createUser, findUserByUsername, type Actor } from './auth/users';
import type { Db } from './db/database';
import { nextVersion, putRecord } from './db/sync-store';
import {
  DEMO_CUSTOMERS,
  DEMO_PASSWORD,
  DEMO_PRODUCTION_LINES,
  DEMO_PRODUCTS,
  DEMO_USERS,
} from './demo-data';
import { DEMO_INSPECTION_PLANS, DEMO_MATERIAL_LOTS } from './demo-quality';
import { DEMO_CARRIERS } from './demo-warehouse';

export interface SeedResult {
  usersCreated: string[];
  recordsCreated: number;
}

/** No users and no records: a database nobody has used yet. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const users = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const records = await db.selectFrom('records').select('id').limit(1).executeTakeFirst();
  return !users && !records;
}

/**
 * Adds the demo catalog, customers, lines and users. Only what is missing is added, so it is
 * safe to run again and never overwrites a record someone has since edited.
 */
export async function seedDemoData(
  db: Db,
  actor: Actor = { userId: null, clientId: null, via: 'seed' },
): Promise<SeedResult> {
  const demoRecords: { kind: RecordKind; id: string; body: unknown }[] = [
    ...DEMO_PRODUCTS.map((body) => ({ kind: 'product' as const, id: body.id, body })),
    ...DEMO_CUSTOMERS.map((body) => ({ kind: 'customer' as const, id: body.id, body })),
    ...DEMO_PRODUCTION_LINES.map((body) => ({
      kind: 'production-line' as const,
      id: body.id,
      body,
    })),
    ...DEMO_INSPECTION_PLANS.map((body) => ({
      kind: 'inspection-plan' as const,
      id: body.id,
      body,
    })),
    ...DEMO_MATERIAL_LOTS.map((body) => ({ kind: 'material-lot' as const, id: body.id, body })),
    ...DEMO_CARRIERS.map((body) => ({ kind: 'carrier' as const, id: body.id, body })),
  ];

  const recordsCreated = await db.transaction().execute(async (trx) => {
    let created = 0;
    for (const record of demoRecords) {
      const exists = await trx
        .selectFrom('records')
        .select('id')
        .where('kind', '=', record.kind)
        .where('id', '=', record.id)
        .executeTakeFirst();
      if (exists) continue;
      await putRecord(trx, { ...record, updatedBy: actor.userId }, await nextVersion(trx));
      created += 1;
    }
    if (created > 0) {
      await appendAudit(trx, {
        userId: actor.userId,
        clientId: actor.clientId,
        clientTime: null,
        action: 'demo.seeded',
        detail: { records: created, ...(actor.via ? { via: actor.via } : {}) },
      });
    }
    return created;
  });

  const usersCreated: string[] = [];
  for (const user of DEMO_USERS) {
    if (await findUserByUsername(db, user.username)) continue;
    await createUser(db, { ...user, password: DEMO_PASSWORD }, actor);
    usersCreated.push(user.username);
  }
  return { usersCreated, recordsCreated };
}

export function demoUsersNotice(usernames: string[]): string {
  return `Demo users created: ${usernames.join(', ')}, password: ${DEMO_PASSWORD} — change them before production use`;
}
