import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeDatabase, loadConfig } from './config';
import { REPO_ROOT } from './paths';

describe('config', () => {
  it('has working defaults: embedded SQLite in ./data, port 7420 on all interfaces', () => {
    const config = loadConfig({ env: {}, argv: [], cwd: '/srv/orderline' });
    expect(config).toMatchObject({
      port: 7420,
      host: '0.0.0.0',
      dataDir: '/srv/orderline/data',
      database: { engine: 'sqlite', file: '/srv/orderline/data/orderline.sqlite' },
      sessionTtlHours: 12,
      clientDir: resolve(REPO_ROOT, 'out/renderer'),
      bodyLimitBytes: 1024 * 1024,
      trustProxy: false,
      corsOrigins: ['app://orderline'],
      loginLimits: {
        windowMinutes: 15,
        maxFailuresPerUserIp: 5,
        maxFailuresPerUser: 10,
        maxFailuresPerIp: 100,
        delaySeconds: 1,
        maxDelaySeconds: 60,
      },
    });
  });

  it('reads the environment, and flags win over it', () => {
    const config = loadConfig({
      env: {
        PORT: '8080',
        DATABASE_URL: 'postgres://orderline@db.factory.lan:5432/orderline',
        SESSION_TTL_HOURS: '8',
        ORDERLINE_CLIENT_DIR: '/opt/orderline/client',
        HOST: '',
        ORDERLINE_CORS_ORIGINS: 'app://orderline, http://localhost:5173',
      },
      argv: ['--port', '9090', '--log-level', 'warn'],
    });
    expect(config.port).toBe(9090);
    expect(config.host).toBe('0.0.0.0');
    expect(config.logLevel).toBe('warn');
    expect(config.sessionTtlHours).toBe(8);
    expect(config.corsOrigins).toEqual(['app://orderline', 'http://localhost:5173']);
    expect(config.clientDir).toBe('/opt/orderline/client');
    expect(config.database).toEqual({
      engine: 'postgres',
      url: 'postgres://orderline@db.factory.lan:5432/orderline',
    });
  });

  it('explains every bad value, naming the variable and the flag', () => {
    let error: unknown;
    try {
      loadConfig({
        env: { PORT: '70000', DATABASE_URL: 'mysql://x', SESSION_TTL_HOURS: 'soon' },
        argv: [],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT \(--port\)/);
    expect(message).toMatch(/DATABASE_URL \(--database-url\): must be a postgres/);
    expect(message).toMatch(/SESSION_TTL_HOURS/);
  });

  it('reads mail retry timing, defaulting to 10 attempts from 30 s', () => {
    const smtp = { SMTP_URL: 'smtp://127.0.0.1:2525' };
    expect(loadConfig({ env: smtp }).mail).toMatchObject({ maxAttempts: 10, retryBaseMs: 30_000 });
    expect(
      loadConfig({ env: { ...smtp, MAIL_MAX_ATTEMPTS: '2', MAIL_RETRY_SECONDS: '0.5' } }).mail,
    ).toMatchObject({ maxAttempts: 2, retryBaseMs: 500 });
    expect(() => loadConfig({ env: { ...smtp, MAIL_MAX_ATTEMPTS: '0' } })).toThrow(
      /MAIL_MAX_ATTEMPTS/,
    );
  });

  it('limits live streams to 20 per user and 4 per session, rechecked every 5 s', () => {
    expect(loadConfig({ env: {} }).liveStreams).toEqual({
      perUser: 20,
      perSession: 4,
      recheckMs: 5000,
    });
    const env = {
      ORDERLINE_STREAMS_PER_USER: '3',
      ORDERLINE_STREAMS_PER_SESSION: '1',
      ORDERLINE_STREAM_RECHECK_SECONDS: '0.2',
    };
    expect(loadConfig({ env }).liveStreams).toEqual({ perUser: 3, perSession: 1, recheckMs: 200 });
    expect(() => loadConfig({ env: { ORDERLINE_STREAMS_PER_SESSION: '0' } })).toThrow(
      /ORDERLINE_STREAMS_PER_SESSION/,
    );
  });

  it('reads the sign-in limits, and refuses a longest wait that outlasts the window', () => {
    const env = {
      ORDERLINE_LOGIN_MAX_FAILURES_PER_USER_IP: '3',
      ORDERLINE_LOGIN_DELAY_SECONDS: '0.5',
      ORDERLINE_LOGIN_MAX_DELAY_SECONDS: '30',
    };
    expect(loadConfig({ env }).loginLimits).toMatchObject({
      maxFailuresPerUserIp: 3,
      delaySeconds: 0.5,
      maxDelaySeconds: 30,
    });
    expect(() =>
      loadConfig({
        env: { ORDERLINE_LOGIN_WINDOW_MINUTES: '1', ORDERLINE_LOGIN_MAX_DELAY_SECONDS: '61' },
      }),
    ).toThrow(/ORDERLINE_LOGIN_MAX_DELAY_SECONDS: must not be longer/);
  });

  it('refuses unknown flags', () => {
    expect(() => loadConfig({ env: {}, argv: ['--prot', '1'] })).toThrow(ConfigError);
    expect(() => loadConfig({ env: {}, argv: ['--prot', '1'] })).toThrow(/Known flags/);
  });

  it('describes the database without its password', () => {
    expect(describeDatabase({ engine: 'postgres', url: 'postgres://u:s3cret@db:5433/ol' })).toBe(
      'postgres db:5433/ol',
    );
  });
});
