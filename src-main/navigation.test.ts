import { describe, expect, it } from 'vitest';
import {
  classifyUrl,
  isTrustedSender,
  mayGrantPermission,
  mayNavigate,
  windowOpenAction,
} from './navigation';

const ctx = { appUrl: 'app://orderline/', serverUrl: 'http://192.168.1.20:7420' };
const devCtx = { appUrl: 'http://localhost:5173/', serverUrl: 'http://localhost:7420' };

describe('navigation', () => {
  it('allows navigation within the app', () => {
    expect(mayNavigate('app://orderline/index.html', ctx)).toBe(true);
    expect(mayNavigate('app://orderline/orders/123?tab=history#x', ctx)).toBe(true);
    expect(mayNavigate('http://localhost:5173/orders', devCtx)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://192.168.1.20:7420/',
    'http://localhost:5174/',
    'chrome://settings',
    'not a url',
  ])('denies navigating the app window to %j', (url) => {
    expect(mayNavigate(url, ctx)).toBe(false);
  });

  it('hands https links, mail links and the configured server to the system browser', () => {
    expect(windowOpenAction('https://www.sf-express.com/track?no=SF123', ctx)).toBe(
      'open-external',
    );
    expect(windowOpenAction('mailto:buyer@customer.example', ctx)).toBe('open-external');
    expect(windowOpenAction('http://192.168.1.20:7420/portal', ctx)).toBe('open-external');
  });

  it('never opens plain http to strangers, local files, scripts or credentials in URLs', () => {
    for (const url of [
      'http://evil.example/',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'smb://share/x',
      'ms-msdt:/id',
      'https://user:pw@evil.example/',
      'app://orderline/second-window',
    ]) {
      expect(windowOpenAction(url, ctx), url).toBe('deny');
    }
  });

  it('classifies', () => {
    expect(classifyUrl('app://orderline/', ctx)).toBe('app');
    expect(classifyUrl('https://x.example', ctx)).toBe('external');
    expect(classifyUrl('file:///x', ctx)).toBe('forbidden');
  });
});

describe('isTrustedSender', () => {
  it('trusts only frames showing the app', () => {
    expect(isTrustedSender('app://orderline/index.html', ctx.appUrl)).toBe(true);
    expect(isTrustedSender('https://evil.example/', ctx.appUrl)).toBe(false);
    expect(isTrustedSender('file:///tmp/x.html', ctx.appUrl)).toBe(false);
    expect(isTrustedSender('', ctx.appUrl)).toBe(false);
    expect(isTrustedSender(null, ctx.appUrl)).toBe(false);
    expect(isTrustedSender(undefined, ctx.appUrl)).toBe(false);
  });
});

describe('mayGrantPermission', () => {
  it('grants notifications and clipboard writes to the app only', () => {
    expect(mayGrantPermission('notifications', 'app://orderline/', ctx.appUrl)).toBe(true);
    expect(mayGrantPermission('clipboard-sanitized-write', 'app://orderline', ctx.appUrl)).toBe(
      true,
    );
    expect(mayGrantPermission('notifications', 'https://evil.example/', ctx.appUrl)).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'hid', 'serial', 'usb', 'openExternal'])(
    'refuses %s',
    (permission) => {
      expect(mayGrantPermission(permission, 'app://orderline/', ctx.appUrl)).toBe(false);
    },
  );
});
