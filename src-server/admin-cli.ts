import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { passwordSchema, usernameSchema } from '../src-shared/api/auth';
import { portalCustomersSchema, portalNameSchema } from '../src-shared/api/portal';
import { describePasswordVerdict } from '../src-shared/password-policy';
import { ROLES, roleSchema } from '../src-shared/roles';
import { verifyAudit } from './audit/audit-log';
import { checkNewPassword } from './auth/password-policy';
import {
  createUser,
  findUserByUsername,
  listUsers,
  resetPassword,
  setUserDisabled,
  type Actor,
} from './auth/users';
import { PasswordInputError, readPassword, type PasswordSource } from './cli-password';
import { ConfigError, describeDatabase, loadConfig } from './config';
import { openDatabase, type Db } from './db/database';
import { migrateToLatest } from './db/migrate';
import { ApiHttpError } from './http/errors';
import {
  bindPortalKey,
  createPortalKey,
  listPortalKeys,
  revokePortalKey,
} from './portal/portal-keys';
import { demoUsersNotice, seedDemoData } from './seed';

/**
 * `npm run admin -- <command> [options]`: user administration and audit checks against the
 * same database the server uses (DATABASE_URL, or the SQLite file in ORDERLINE_DATA_DIR).
 * Safe while the server runs.
 */

type Option = 'name' | 'role' | 'password' | 'display' | 'customers';

interface Command {
  summary: string;
  required: Option[];
  optional?: Option[];
  run: (db: Db, args: Partial<Record<Option, string>>, io: Io) => Promise<number>;
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where passwords are read from: process.stdin unless a test pipes its own. */
  stdin?: PasswordSource;
}

/** A new password from the prompt or stdin, refused unless the policy accepts it. */
async function newPassword(
  io: Io,
  context: { username: string; displayName?: string },
): Promise<string> {
  const password = await readPassword(
    io.stdin ?? process.stdin,
    process.stderr,
    `New password for ${context.username}: `,
    { confirm: true },
  );
  check('password', passwordSchema, password);
  const verdict = await checkNewPassword(password, context);
  if (!verdict.ok) throw new UsageError(describePasswordVerdict(verdict));
  return password;
}

const ACTOR: Actor = { userId: null, clientId: null, via: 'admin-cli' };

async function userIdOf(db: Db, username: string): Promise<string> {
  const user = await findUserByUsername(db, username.toLowerCase());
  if (!user) throw new UsageError(`No user named ${username}.`, 1);
  return user.id;
}

const COMMANDS: Record<string, Command> = {
  'create-user': {
    summary: '--name <username> --role <role> [--display "Name"]   (password: asked, or stdin)',
    required: ['name', 'role'],
    optional: ['display'],
    async run(db, args, io) {
      const username = check('--name', usernameSchema, args.name);
      const role = check('--role', roleSchema, args.role);
      const displayName = check('--display', z.string().min(1).max(100), args.display ?? args.name);
      // Asked only once the rest is known to be right, and before the name is checked as taken,
      // which createUser does in its transaction.
      const password = await newPassword(io, { username, displayName });
      const user = await createUser(db, { username, role, displayName, password }, ACTOR);
      io.out(`Created ${user.username} (${user.role}), id ${user.id}`);
      return 0;
    },
  },
  'list-users': {
    summary: '',
    required: [],
    async run(db, _args, io) {
      const users = await listUsers(db);
      const width = Math.max(8, ...users.map((u) => u.username.length));
      io.out(`${'USERNAME'.padEnd(width)}  ${'ROLE'.padEnd(12)}  ${'STATUS'.padEnd(8)}  NAME`);
      for (const u of users) {
        const status = u.disabled ? 'disabled' : 'active';
        io.out(
          `${u.username.padEnd(width)}  ${u.role.padEnd(12)}  ${status.padEnd(8)}  ${u.displayName}`,
        );
      }
      return 0;
    },
  },
  'disable-user': {
    summary: '--name <username>   (also ends their sessions)',
    required: ['name'],
    async run(db, args, io) {
      await setUserDisabled(db, await userIdOf(db, args.name!), true, ACTOR);
      io.out(`Disabled ${args.name}`);
      return 0;
    },
  },
  'enable-user': {
    summary: '--name <username>',
    required: ['name'],
    async run(db, args, io) {
      await setUserDisabled(db, await userIdOf(db, args.name!), false, ACTOR);
      io.out(`Enabled ${args.name}`);
      return 0;
    },
  },
  'reset-password': {
    summary: '--name <username>   (password: asked, or stdin; also ends their sessions)',
    required: ['name'],
    async run(db, args, io) {
      const user = await findUserByUsername(db, args.name!.toLowerCase());
      if (!user) throw new UsageError(`No user named ${args.name}.`, 1);
      const password = await newPassword(io, {
        username: user.username,
        displayName: user.display_name,
      });
      await resetPassword(db, user.id, password, ACTOR);
      io.out(`Password of ${args.name} reset; their sessions are signed out`);
      return 0;
    },
  },
  'verify-audit': {
    summary: '   (exit code 1 when the chain is broken)',
    required: [],
    async run(db, _args, io) {
      const result = await verifyAudit(db);
      if (result.ok) {
        io.out(`Audit log OK: ${result.checked} entries checked`);
        return 0;
      }
      const broken = result.firstBroken!;
      io.err(`Audit log BROKEN at seq ${broken.seq}: ${broken.reason}`);
      io.err(`(${result.checked} entries before it are intact)`);
      return 1;
    },
  },
  'restored-from-backup': {
    summary: '   (run after restoring a backup: every client pulls afresh and re-sends its queue)',
    required: [],
    async run(db, _args, io) {
      // A new epoch makes every client's cursor foreign: each drops its copy, pulls the
      // restored data, and pushes again what it still had queued (DESIGN.md section 4).
      const epoch = randomUUID();
      await db.updateTable('sync_state').set({ epoch }).where('id', '=', 1).execute();
      io.out(`New sync epoch ${epoch}: clients will resynchronise in full`);
      return 0;
    },
  },
  'create-portal-key': {
    summary:
      '--name <portal> --customers C-0001[,C-0002]   (prints the key once: give it to the portal, it is not kept)',
    required: ['name'],
    // Optional only so scripts written before keys were bound still run; such a key takes
    // no orders until bind-portal-key.
    optional: ['customers'],
    async run(db, args, io) {
      const name = check('--name', portalNameSchema, args.name);
      const customers =
        args.customers === undefined
          ? []
          : check('--customers', portalCustomersSchema, list(args.customers));
      const created = await createPortalKey(db, name, ACTOR, customers);
      io.out(
        customers.length > 0
          ? `Portal ${created.name} (id ${created.id}) may post orders for ${customers.join(', ')} with this API key:`
          : `Portal ${created.name} (id ${created.id}) has this API key, bound to no customer: it takes no orders until bind-portal-key --name ${created.name} --customers ...`,
      );
      io.out(created.key);
      io.out('It is shown only now; the server keeps a hash of it. Revoke with revoke-portal-key.');
      return 0;
    },
  },
  'bind-portal-key': {
    summary:
      '--name <portal> --customers C-0001[,C-0002]   (the customers it orders for, replacing any before)',
    required: ['name', 'customers'],
    async run(db, args, io) {
      const name = check('--name', portalNameSchema, args.name);
      const customers = check('--customers', portalCustomersSchema, list(args.customers!));
      const info = await bindPortalKey(db, { name }, customers, ACTOR);
      io.out(`Portal ${info.name} now posts orders for ${info.customers.join(', ')} only`);
      return 0;
    },
  },
  'list-portal-keys': {
    summary: '',
    required: [],
    async run(db, _args, io) {
      const keys = await listPortalKeys(db);
      const width = Math.max(6, ...keys.map((k) => k.name.length));
      io.out(
        `${'PORTAL'.padEnd(width)}  ${'STATUS'.padEnd(8)}  ${'CREATED'.padEnd(24)}  ${'LAST USED'.padEnd(24)}  CUSTOMERS`,
      );
      for (const k of keys) {
        const status = k.revokedAt ? 'revoked' : 'active';
        const customers =
          k.customers.length > 0 ? k.customers.join(',') : 'not bound (takes no orders)';
        io.out(
          `${k.name.padEnd(width)}  ${status.padEnd(8)}  ${k.createdAt.padEnd(24)}  ${(k.lastUsedAt ?? '-').padEnd(24)}  ${customers}`,
        );
      }
      return 0;
    },
  },
  'revoke-portal-key': {
    summary: '--name <portal>   (its key stops working at once)',
    required: ['name'],
    async run(db, args, io) {
      await revokePortalKey(db, check('--name', portalNameSchema, args.name), ACTOR);
      io.out(`Revoked the key of portal ${args.name}`);
      return 0;
    },
  },
  'seed-demo': {
    summary: '   (demo catalog, customers, lines and one user per role; adds only what is missing)',
    required: [],
    async run(db, _args, io) {
      const result = await seedDemoData(db, ACTOR);
      io.out(`Demo records added: ${result.recordsCreated}`);
      if (result.usersCreated.length > 0) io.out(demoUsersNotice(result.usersCreated));
      return 0;
    },
  },
};

class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** `C-0001,C-0002` (spaces allowed) as a list. */
function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function check<S extends z.ZodType>(flag: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const extra = flag === '--role' ? ` (one of: ${ROLES.join(', ')})` : '';
    throw new UsageError(`${flag}: ${result.error.issues[0]?.message ?? 'invalid'}${extra}`);
  }
  return result.data;
}

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name} ${c.summary}`.trimEnd());
  return [
    'Usage: npm run admin -- <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Database: DATABASE_URL (postgres://...) or ORDERLINE_DATA_DIR (default ./data),',
    'or --database-url / --data-dir before or after the command.',
  ].join('\n');
}

/** Runs one command; returns the exit code. Exported for tests. */
export async function runAdminCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = { out: (l) => console.log(l), err: (l) => console.error(l) },
): Promise<number> {
  let db: Db | undefined;
  try {
    const { values, positionals } = parse(argv);
    if (values.password !== undefined) {
      throw new UsageError(
        '--password is not taken: the shell history and the process list would keep it. ' +
          'Type it when asked, or pipe it in as the first line of stdin, e.g.\n' +
          `  printf '%s\\n' "$PASSWORD" | npm run admin -- ${positionals.join(' ')} --name ...`,
      );
    }
    if (values.help || positionals.length === 0) {
      io.out(usage());
      return values.help ? 0 : 2;
    }
    const [name, ...rest] = positionals;
    const command = COMMANDS[name!];
    if (!command) throw new UsageError(`Unknown command ${name}.\n\n${usage()}`);
    if (rest.length > 0) throw new UsageError(`Unexpected argument ${rest[0]}.`);

    const allowed = new Set<string>([...command.required, ...(command.optional ?? [])]);
    for (const key of ['name', 'role', 'password', 'display', 'customers'] as const) {
      if (values[key] !== undefined && !allowed.has(key)) {
        throw new UsageError(`${name} takes no --${key}. Usage: ${name} ${command.summary}`);
      }
    }
    const missing = command.required.filter((key) => values[key] === undefined);
    if (missing.length > 0) {
      throw new UsageError(
        `${name} needs ${missing.map((m) => `--${m}`).join(', ')}. Usage: ${name} ${command.summary}`,
      );
    }

    const flags: string[] = [];
    if (values['data-dir'] !== undefined) flags.push('--data-dir', values['data-dir']);
    if (values['database-url'] !== undefined) flags.push('--database-url', values['database-url']);
    const config = loadConfig({ env, argv: flags });
    db = openDatabase(config.database, {
      onPoolError: (error) => io.err(`database connection failed: ${error.message}`),
    });
    try {
      await migrateToLatest(db);
    } catch (error) {
      io.err(`Cannot open ${describeDatabase(config.database)}: ${(error as Error).message}`);
      return 1;
    }
    return await command.run(db, values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof PasswordInputError) {
      io.err(error.message);
      return 1;
    }
    if (error instanceof ConfigError || error instanceof ApiHttpError) {
      io.err(error.message);
      return error instanceof ConfigError ? 2 : 1;
    }
    throw error;
  } finally {
    await db?.destroy();
  }
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        display: { type: 'string' },
        customers: { type: 'string' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage()}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runAdminCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
