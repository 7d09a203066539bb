import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCli } from './admin-cli';
import { REPO_ROOT } from './paths';
import { testEngine } from './testing/test-database';
import { databaseSnapshot, startTestServer, type TestServer } from './testing/test-server';

describe(`admin CLI (${testEngine()})`, () => {
  let server: TestServer;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    server = await startTestServer();
    // The CLI finds the database the way the server does: DATABASE_URL or the data folder.
    env =
      server.database.config.engine === 'postgres'
        ? { DATABASE_URL: server.database.config.url }
        : { ORDERLINE_DATA_DIR: server.database.dir };
  });
  afterAll(() => server?.close());

  async function cli(...argv: string[]) {
    return piped('', ...argv);
  }

  /** Runs the CLI with `input` on its stdin, as `printf '%s\n' … | npm run admin -- …` does. */
  async function piped(input: string, ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdminCli(argv, env, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      stdin: Readable.from(input === '' ? [] : [input]),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('creates a user who can then sign in to the running server', async () => {
    const res = await piped(
      'inspect every lot\n',
      'create-user',
      '--name',
      'qc-li',
      '--role',
      'quality',
      '--display',
      '李质检',
    );
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(res.out).toMatch(/Created qc-li \(quality\)/);
    const login = await server.login('qc-li', 'inspect every lot');
    expect(login.user).toMatchObject({ displayName: '李质检', role: 'quality' });
    const audit = await server.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.created')
      .execute();
    expect(JSON.parse(audit.at(-1)!.detail)).toMatchObject({ username: 'qc-li', via: 'admin-cli' });
    expect(audit.at(-1)!.detail).not.toContain('inspect every lot');
  });

  it('lists users', async () => {
    const res = await cli('list-users');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/USERNAME\s+ROLE\s+STATUS\s+NAME/);
    expect(res.out).toMatch(/qc-li\s+quality\s+active\s+李质检/);
  });

  it('disables and enables a user; disabling signs them out', async () => {
    const { token } = await server.login('qc-li', 'inspect every lot');
    expect((await cli('disable-user', '--name', 'qc-li')).code).toBe(0);
    expect((await server.request('GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await cli('list-users')).out).toMatch(/qc-li\s+quality\s+disabled/);
    expect((await cli('enable-user', '--name', 'QC-LI')).code).toBe(0);
    await expect(server.login('qc-li', 'inspect every lot')).resolves.toBeDefined();
  });

  it('resets a password', async () => {
    expect((await piped('a new passphrase\n', 'reset-password', '--name', 'qc-li')).code).toBe(0);
    await expect(server.login('qc-li', 'inspect every lot')).rejects.toThrow(/401/);
    await expect(server.login('qc-li', 'a new passphrase')).resolves.toBeDefined();
  });

  it('refuses bad arguments with exit code 2 and says why', async () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage/],
      [['make-coffee'], /Unknown command make-coffee/],
      [['create-user', '--name', 'x1'], /needs --role/],
      [['create-user', '--name', 'x1', '--role', 'boss'], /--role.*one of: order-desk/],
      [['create-user', '--name', 'X 1', '--role', 'sales'], /--name/],
      [['list-users', '--name', 'x'], /list-users takes no --name/],
      [['list-users', '--colour'], /Unknown option '--colour'/],
      [['list-users', 'extra'], /Unexpected argument extra/],
    ];
    for (const [argv, message] of cases) {
      const res = await cli(...argv);
      expect(res.code, argv.join(' ')).toBe(2);
      expect(res.err + res.out, argv.join(' ')).toMatch(message);
    }
  });

  it('never takes a password as an argument, where history and the process list keep it', async () => {
    for (const argv of [
      ['create-user', '--name', 'x1', '--role', 'sales', '--password', 'pallet jack at dock 4'],
      ['reset-password', '--name', 'qc-li', '--password', 'pallet jack at dock 4'],
    ]) {
      const res = await cli(...argv);
      expect(res.code, argv.join(' ')).toBe(2);
      expect(res.err).toMatch(
        /--password is not taken.*\n.*printf '%s\\n' "\$PASSWORD" \| npm run admin/,
      );
    }
    expect((await cli('list-users')).out).not.toMatch(/^x1 /m);
  });

  it('refuses weak or missing passwords from stdin and changes nothing', async () => {
    const before = await databaseSnapshot(server.db);
    for (const weak of ['password', '12345678', ' '.repeat(8), 'orderline1', 'Password123!']) {
      for (const argv of [
        ['create-user', '--name', 'x1', '--role', 'sales'],
        ['reset-password', '--name', 'qc-li'],
      ]) {
        const res = await piped(`${weak}\n`, ...argv);
        expect(res.code, `${argv[0]} ${JSON.stringify(weak)}`).toBe(2);
        expect(res.err).toMatch(
          /^The password (needs at least 10 characters|is too easy to guess)/,
        );
      }
    }
    expect(await cli('create-user', '--name', 'x1', '--role', 'sales')).toMatchObject({
      code: 1,
      err: 'No password on stdin: pipe it in as the first line.',
    });
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });

  it('fails with exit code 1 for a taken username or an unknown user', async () => {
    const taken = await piped(
      'pallet jack at dock 4\n',
      'create-user',
      '--name',
      'qc-li',
      '--role',
      'sales',
    );
    expect(taken).toMatchObject({ code: 1, err: expect.stringMatching(/taken/) });
    const unknown = await cli('disable-user', '--name', 'ghost');
    expect(unknown).toMatchObject({ code: 1, err: 'No user named ghost.' });
  });

  it('verifies the audit chain, and as a real process exits 1 on the first broken link', async () => {
    expect(await cli('verify-audit')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/Audit log OK: \d+ entries/),
    });

    await server.db
      .updateTable('audit_log')
      .set({ detail: '{"forged":true}' })
      .where('seq', '=', 2)
      .execute();
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src-server/admin-cli.ts', 'verify-audit'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: '', ...env },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Audit log BROKEN at seq 2: entry was altered/);
  });

  it('as a real process reads the password piped to its stdin', async () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-server/admin-cli.ts',
        'create-user',
        '--name',
        'piped',
        '--role',
        'sales',
      ],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: '', ...env },
        input: 'pallet jack at dock 4\n',
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Created piped \(sales\)/);
    await expect(server.login('piped', 'pallet jack at dock 4')).resolves.toBeDefined();
  });

  it('starts a new sync epoch after a restore, so clients resynchronise', async () => {
    const before = await server.db
      .selectFrom('sync_state')
      .select('epoch')
      .executeTakeFirstOrThrow();
    const result = await cli('restored-from-backup');
    expect(result.code).toBe(0);
    const after = await server.db
      .selectFrom('sync_state')
      .select('epoch')
      .executeTakeFirstOrThrow();
    expect(after.epoch).not.toBe(before.epoch);
    expect(result.out).toContain(after.epoch);
  });

  it('seeds demo data on request, only once', async () => {
    const first = await cli('seed-demo');
    expect(first.code).toBe(0);
    // Every record the seed wrote is counted, and the catalog, customers and lines are there.
    const { n } = await server.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBeGreaterThan(10);
    expect(first.out).toMatch(new RegExp(`Demo records added: ${Number(n)}\\b`));
    expect(first.out).toMatch(/Demo users created: order-desk, .*password: orderline-demo/);
    expect((await cli('seed-demo')).out).toBe('Demo records added: 0');
  });
  it('makes a portal API key shown once, lists it, and revokes it', async () => {
    const made = await cli('create-portal-key', '--name', 'web-shop');
    expect(made.code).toBe(0);
    const key = made.out.split('\n').find((l) => l.startsWith('olp_'));
    expect(key).toMatch(/^olp_[A-Za-z0-9_-]{43}$/);
    const catalog = await server.request('GET', '/api/portal/catalog', {
      headers: { 'x-api-key': key! },
    });
    expect(catalog.status).toBe(200);
    const rows = await server.db.selectFrom('portal_keys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(key!);

    expect((await cli('create-portal-key', '--name', 'web-shop')).code).toBe(1);
    expect((await cli('create-portal-key', '--name', 'Web Shop!')).code).toBe(2);
    expect((await cli('list-portal-keys')).out).toMatch(/web-shop\s+active/);
    expect((await cli('revoke-portal-key', '--name', 'web-shop')).code).toBe(0);
    expect((await cli('list-portal-keys')).out).toMatch(/web-shop\s+revoked/);
    const refused = await server.request('GET', '/api/portal/catalog', {
      headers: { 'x-api-key': key! },
    });
    expect(refused.status).toBe(401);
  });

  it('binds a portal key to customers by code, and lists whom each key orders for', async () => {
    // The demo customers are there from seed-demo above.
    const made = await cli(
      'create-portal-key',
      '--name',
      'dealer',
      '--customers',
      'C-0001, c-0002',
    );
    expect(made.code).toBe(0);
    expect(made.out).toContain('for C-0001, C-0002');
    expect((await cli('create-portal-key', '--name', 'old-style')).out).toContain(
      'bound to no customer',
    );
    const listed = (await cli('list-portal-keys')).out;
    expect(listed).toMatch(/dealer\s+active.*C-0001,C-0002$/m);
    expect(listed).toMatch(/old-style\s+active.*not bound \(takes no orders\)$/m);

    const bound = await cli('bind-portal-key', '--name', 'old-style', '--customers', 'C-0003');
    expect(bound).toMatchObject({
      code: 0,
      out: 'Portal old-style now posts orders for C-0003 only',
    });
    expect((await cli('list-portal-keys')).out).toMatch(/old-style\s+active.*C-0003$/m);

    const typo = await cli('bind-portal-key', '--name', 'old-style', '--customers', 'C-9999');
    expect(typo.code).toBe(1);
    expect(typo.err).toContain('No customer with this code');
    expect((await cli('bind-portal-key', '--name', 'old-style')).code).toBe(2);
    expect((await cli('bind-portal-key', '--name', 'nobody', '--customers', 'C-0001')).code).toBe(
      1,
    );
    expect(
      (
        await cli(
          'create-user',
          '--name',
          'x1',
          '--role',
          'sales',
          '--password',
          'p'.repeat(9),
          '--customers',
          'C-0001',
        )
      ).code,
    ).toBe(2);
  });
});
