import { describe, expect, it } from 'vitest';
import { buildCsp } from './csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('buildCsp', () => {
  const csp = buildCsp({ serverUrl: 'http://localhost:7420' });
  const d = directives(csp);

  it('allows scripts from the app only: no eval, no inline scripts, no remote scripts', () => {
    expect(csp).not.toContain('unsafe-eval');
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
  });

  it('lets Ant Design inject styles, but nothing else inline', () => {
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.match(/unsafe-inline/g)).toHaveLength(1);
  });

  it('connects to the app and the configured server (http and its WebSocket) only', () => {
    expect(d.get('connect-src')).toEqual([
      "'self'",
      'http://localhost:7420',
      'ws://localhost:7420',
    ]);
  });

  it('never allows wildcards or whole schemes in connect-src', () => {
    for (const source of d.get('connect-src') ?? []) {
      expect(source).not.toContain('*');
      expect(source).not.toMatch(/^(https?|wss?):$/);
    }
  });

  it('uses wss for an https server and drops the server path from the source', () => {
    const secure = directives(buildCsp({ serverUrl: 'https://orders.example.cn/orderline' }));
    expect(secure.get('connect-src')).toEqual([
      "'self'",
      'https://orders.example.cn',
      'wss://orders.example.cn',
    ]);
  });

  it('locks down plugins, base URL, form targets and framing', () => {
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('relaxes only for the dev server: its inline React Refresh preamble and HMR socket', () => {
    const dev = directives(
      buildCsp({ serverUrl: 'http://localhost:7420', devServerUrl: 'http://localhost:5173/' }),
    );
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual([
      "'self'",
      'http://localhost:7420',
      'ws://localhost:7420',
      'http://localhost:5173',
      'ws://localhost:5173',
    ]);
    expect(JSON.stringify([...dev])).not.toContain('unsafe-eval');
  });
});
