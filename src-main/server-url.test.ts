import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, normalizeServerUrl, resolveServerUrl } from './server-url';

describe('normalizeServerUrl', () => {
  it('accepts http(s) and canonicalises it', () => {
    expect(normalizeServerUrl('http://localhost:7420/')).toBe('http://localhost:7420');
    expect(normalizeServerUrl(' https://Orders.Example.cn/api/ ')).toBe(
      'https://orders.example.cn/api',
    );
    expect(normalizeServerUrl('http://[::1]:7420')).toBe('http://[::1]:7420');
  });

  it.each([
    'ftp://server',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://user:secret@server',
    'http://server/?x=1',
    'http://server/#frag',
    "http://a;b/ 'unsafe-eval'",
    'http://a;script-src/',
    'not a url',
    '',
  ])('refuses %j', (raw) => {
    expect(normalizeServerUrl(raw)).toBeNull();
  });
});

describe('resolveServerUrl', () => {
  const none = { argv: [], env: {}, configText: null };

  it('defaults to the local server', () => {
    expect(resolveServerUrl(none)).toEqual({
      url: DEFAULT_SERVER_URL,
      source: 'default',
      warnings: [],
    });
  });

  it('prefers the flag, then the environment, then config.json', () => {
    const all = {
      argv: ['electron', 'out/main/index.js', '--server-url=http://flag:1'],
      env: { ORDERLINE_SERVER_URL: 'http://env:2' },
      configText: JSON.stringify({ serverUrl: 'http://config:3' }),
    };
    expect(resolveServerUrl(all).url).toBe('http://flag:1');
    expect(resolveServerUrl({ ...all, argv: [] }).url).toBe('http://env:2');
    expect(resolveServerUrl({ ...all, argv: [], env: {} })).toMatchObject({
      url: 'http://config:3',
      source: 'config',
    });
  });

  it('skips a refused value with a warning and falls through to the next source', () => {
    const resolved = resolveServerUrl({
      argv: ['--server-url=file:///x'],
      env: { ORDERLINE_SERVER_URL: 'http://env:2' },
      configText: null,
    });
    expect(resolved.url).toBe('http://env:2');
    expect(resolved.warnings).toEqual([expect.stringContaining('flag')]);
  });

  it('survives a broken config.json', () => {
    for (const text of ['{not json', '[1,2]', '{"serverUrl": 42}']) {
      const resolved = resolveServerUrl({ ...none, configText: text });
      expect(resolved.url).toBe(DEFAULT_SERVER_URL);
      expect(resolved.warnings).toHaveLength(1);
    }
  });
});
