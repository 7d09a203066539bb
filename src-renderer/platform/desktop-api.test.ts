import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi, SaveFileArgs } from '../../src-shared/ipc-api';
import { getDesktopApi, isDesktop, webDesktopApi } from './desktop-api';

interface FakeLink {
  href: string;
  download: string;
  rel: string;
  style: { display: string };
  clicked: number;
  click(): void;
  remove(): void;
}

/** A browser page faked just far enough for the fallbacks: window, navigator, document, blobs. */
function fakeBrowser(orderline?: DesktopApi) {
  const links: FakeLink[] = [];
  const blobs: Blob[] = [];
  vi.stubGlobal('window', { location: { origin: 'http://192.168.1.20:7420' }, orderline });
  vi.stubGlobal('navigator', { language: 'zh-CN' });
  vi.stubGlobal('document', {
    createElement: (tag: string) => {
      expect(tag).toBe('a');
      const link: FakeLink = {
        href: '',
        download: '',
        rel: '',
        style: { display: '' },
        clicked: 0,
        click() {
          this.clicked++;
        },
        remove() {},
      };
      links.push(link);
      return link;
    },
    body: { append: () => {} },
  });
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:fake/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  return { links, blobs };
}

describe('getDesktopApi', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('uses the preload bridge inside Electron (bridge faked)', () => {
    const bridge = { ...webDesktopApi };
    fakeBrowser(bridge);
    expect(getDesktopApi()).toBe(bridge);
    expect(isDesktop()).toBe(true);
  });

  it('falls back to the browser implementation in web mode', () => {
    fakeBrowser();
    expect(getDesktopApi()).toBe(webDesktopApi);
    expect(isDesktop()).toBe(false);
  });
});

describe('web fallbacks (browser faked)', () => {
  let browser: ReturnType<typeof fakeBrowser>;
  beforeEach(() => {
    browser = fakeBrowser();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('getAppInfo reports web mode, the page origin as server and the browser language', async () => {
    const result = await webDesktopApi.getAppInfo();
    expect(result).toMatchObject({
      ok: true,
      value: { mode: 'web', serverUrl: 'http://192.168.1.20:7420', systemLocale: 'zh-CN' },
    });
  });

  it('printToPdf is unsupported in a browser', async () => {
    expect(await webDesktopApi.printToPdf({ html: '<p>x</p>' })).toEqual({
      ok: false,
      error: 'unsupported-in-web',
    });
  });

  it('saveFile downloads the exact text under the suggested name', async () => {
    const result = await webDesktopApi.saveFile({ suggestedName: '订单.csv', data: 'SO-1;电芯\n' });
    expect(result).toEqual({ ok: true, value: { path: '订单.csv' } });
    expect(browser.links).toHaveLength(1);
    expect(browser.links[0]).toMatchObject({
      download: '订单.csv',
      href: 'blob:fake/1',
      clicked: 1,
    });
    expect(await browser.blobs[0]?.text()).toBe('SO-1;电芯\n');
  });

  it('saveFile decodes base64 to the exact bytes', async () => {
    const bytes = [0x25, 0x50, 0x44, 0x46, 0x00, 0xff];
    await webDesktopApi.saveFile({
      suggestedName: 'label.pdf',
      data: btoa(String.fromCharCode(...bytes)),
      encoding: 'base64',
    });
    expect([
      ...new Uint8Array((await browser.blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0)),
    ]).toEqual(bytes);
  });

  it('saveFile refuses bad input without downloading anything', async () => {
    const bad: unknown[] = [
      { suggestedName: '../x.csv', data: 'x' },
      { suggestedName: 'x.csv', data: 'x', extra: true },
      { suggestedName: 'x.pdf', data: '%%%', encoding: 'base64' },
    ];
    for (const args of bad as SaveFileArgs[]) {
      expect(await webDesktopApi.saveFile(args), JSON.stringify(args)).toMatchObject({
        ok: false,
        error: 'invalid-input',
      });
    }
    expect(browser.links).toEqual([]);
  });
});
