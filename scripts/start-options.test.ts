import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseStartOptions } from './start-options';

describe('parseStartOptions', () => {
  it('defaults to the desktop window on port 7420', () => {
    expect(parseStartOptions([], {})).toEqual({
      ok: true,
      options: {
        noDesktop: false,
        verbose: false,
        help: false,
        port: DEFAULT_PORT,
        healthTimeoutMs: 60_000,
        serverEntry: 'src-server/main.ts',
      },
    });
  });

  it('reads --no-desktop, PORT and the timeout', () => {
    const parsed = parseStartOptions(['--no-desktop'], {
      PORT: '8080',
      ORDERLINE_START_TIMEOUT_MS: '5000',
    });
    expect(parsed).toMatchObject({
      ok: true,
      options: { noDesktop: true, port: 8080, healthTimeoutMs: 5000 },
    });
  });

  it.each([
    [['--desktop=no'], {}],
    [[], { PORT: 'http' }],
    [[], { PORT: '70000' }],
    [[], { PORT: '0' }],
    [[], { ORDERLINE_START_TIMEOUT_MS: '-1' }],
  ])('refuses %j %j with a message', (argv, env) => {
    const parsed = parseStartOptions(argv, env);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(10);
  });
});
