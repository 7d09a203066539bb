import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../src-shared/ipc-api';
import {
  guardIpc,
  handleGetAppInfo,
  handlePrintToPdf,
  handleSaveFile,
  isStrictBase64,
  type PdfRenderOptions,
  type SaveDialogAnswer,
  type SaveDialogRequest,
} from './ipc-handlers';

/** Records every call; the tests assert on what was written, not only that something was. */
function fakeSaveDeps(
  answer: SaveDialogAnswer = { canceled: false, filePath: '/home/op/Downloads/x.csv' },
) {
  const dialogRequests: SaveDialogRequest[] = [];
  const writes: Array<{ path: string; data: Uint8Array }> = [];
  return {
    dialogRequests,
    writes,
    deps: {
      defaultDir: '/home/op/Downloads',
      showSaveDialog: async (request: SaveDialogRequest) => {
        dialogRequests.push(request);
        return answer;
      },
      writeFile: async (path: string, data: Uint8Array) => {
        writes.push({ path, data: new Uint8Array(data) });
      },
    },
  };
}

function fakeRenderer(pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])) {
  const calls: Array<{ html: string; options: PdfRenderOptions }> = [];
  return {
    calls,
    renderPdf: async (html: string, options: PdfRenderOptions) => {
      calls.push({ html, options });
      return pdf;
    },
  };
}

const validSave = { suggestedName: 'orders-2026-03.csv', data: 'SO-1;Anode\nSO-2;Cathode\n' };

describe('handleSaveFile (Electron dialog and file system faked)', () => {
  it('asks where to save, starting in the default folder, and writes the exact text', async () => {
    const fake = fakeSaveDeps();
    const result = await handleSaveFile(
      [{ ...validSave, filters: [{ name: 'CSV', extensions: ['csv'] }] }],
      fake.deps,
    );
    expect(result).toEqual({ ok: true, value: { path: '/home/op/Downloads/x.csv' } });
    expect(fake.dialogRequests).toEqual([
      {
        defaultPath: '/home/op/Downloads/orders-2026-03.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      },
    ]);
    expect(fake.writes).toHaveLength(1);
    expect(fake.writes[0]?.path).toBe('/home/op/Downloads/x.csv');
    expect(new TextDecoder().decode(fake.writes[0]?.data)).toBe(validSave.data);
  });

  it('writes UTF-8 for Chinese text', async () => {
    const fake = fakeSaveDeps();
    await handleSaveFile([{ suggestedName: '订单.txt', data: '磷酸铁锂电芯' }], fake.deps);
    expect(Buffer.from(fake.writes[0]?.data ?? []).toString('utf8')).toBe('磷酸铁锂电芯');
  });

  it('decodes base64 and writes the bytes', async () => {
    const fake = fakeSaveDeps();
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
    const result = await handleSaveFile(
      [
        {
          suggestedName: 'label.pdf',
          data: Buffer.from(bytes).toString('base64'),
          encoding: 'base64',
        },
      ],
      fake.deps,
    );
    expect(result.ok).toBe(true);
    expect([...(fake.writes[0]?.data ?? [])]).toEqual([...bytes]);
  });

  it('answers cancelled and writes nothing when the operator cancels', async () => {
    const fake = fakeSaveDeps({ canceled: true });
    expect(await handleSaveFile([validSave], fake.deps)).toMatchObject({
      ok: false,
      error: 'cancelled',
    });
    expect(fake.writes).toEqual([]);
  });

  it('answers write-failed when the disk refuses', async () => {
    const fake = fakeSaveDeps();
    const result = await handleSaveFile([validSave], {
      ...fake.deps,
      writeFile: async () => {
        throw new Error('EACCES: permission denied');
      },
    });
    expect(result).toEqual({
      ok: false,
      error: 'write-failed',
      message: 'EACCES: permission denied',
    });
  });

  it.each([
    ['no arguments', []],
    ['two arguments', [validSave, validSave]],
    ['not an object', ['orders.csv']],
    ['null', [null]],
    ['wrong type of data', [{ ...validSave, data: 42 }]],
    ['wrong type of name', [{ ...validSave, suggestedName: ['a'] }]],
    ['unknown field', [{ ...validSave, path: '/etc/passwd' }]],
    ['path traversal (unix)', [{ ...validSave, suggestedName: '../../.bashrc' }]],
    ['path traversal (windows)', [{ ...validSave, suggestedName: '..\\..\\autoexec.bat' }]],
    ['absolute path', [{ ...validSave, suggestedName: '/etc/cron.d/x' }]],
    ['drive letter', [{ ...validSave, suggestedName: 'C:evil.exe' }]],
    ['dot-dot name', [{ ...validSave, suggestedName: '..' }]],
    ['control character', [{ ...validSave, suggestedName: 'a\u0007.txt' }]],
    ['NUL byte', [{ ...validSave, suggestedName: 'a.txt\u0000.exe' }]],
    ['empty name', [{ ...validSave, suggestedName: '' }]],
    ['oversized name', [{ ...validSave, suggestedName: `${'a'.repeat(300)}.txt` }]],
    ['oversized data', [{ ...validSave, data: 'x'.repeat(100_000_001) }]],
    ['bad encoding', [{ ...validSave, encoding: 'latin1' }]],
    ['invalid base64', [{ ...validSave, encoding: 'base64', data: 'not base64!' }]],
    ['base64 with bad padding', [{ ...validSave, encoding: 'base64', data: 'QQ=A' }]],
    [
      'filter with a dotted extension',
      [{ ...validSave, filters: [{ name: 'x', extensions: ['.csv'] }] }],
    ],
    ['filter with a glob', [{ ...validSave, filters: [{ name: 'x', extensions: ['../*'] }] }]],
  ])('refuses %s without opening the dialog or writing', async (_label, args) => {
    const fake = fakeSaveDeps();
    const result = await handleSaveFile(args as unknown[], fake.deps);
    expect(result).toMatchObject({ ok: false, error: 'invalid-input' });
    expect(fake.dialogRequests).toEqual([]);
    expect(fake.writes).toEqual([]);
  });
});

describe('handlePrintToPdf (Electron printing faked)', () => {
  it('renders the HTML and answers the PDF as base64', async () => {
    const fake = fakeRenderer();
    const html = '<!doctype html><h1>装箱单 SO-2026-000123</h1>';
    const result = await handlePrintToPdf([{ html }], fake);
    expect(result).toEqual({ ok: true, value: { base64: 'JVBERi0=' } });
    expect(fake.calls).toEqual([{ html, options: { pageSize: 'A4', landscape: false } }]);
  });

  it('converts a label size in millimetres to inches for Chromium', async () => {
    const fake = fakeRenderer();
    await handlePrintToPdf(
      [{ html: '<p>label</p>', pageSize: { widthMm: 101.6, heightMm: 152.4 }, landscape: true }],
      fake,
    );
    expect(fake.calls[0]?.options.landscape).toBe(true);
    const size = fake.calls[0]?.options.pageSize;
    expect(size).toEqual({ width: expect.closeTo(4, 6), height: expect.closeTo(6, 6) });
  });

  it('answers print-failed when rendering fails', async () => {
    const result = await handlePrintToPdf([{ html: '<p>x</p>' }], {
      renderPdf: async () => {
        throw new Error('the document did not load within 30000 ms');
      },
    });
    expect(result).toMatchObject({ ok: false, error: 'print-failed' });
  });

  it.each([
    ['no arguments', []],
    ['html missing', [{}]],
    ['html not a string', [{ html: 42 }]],
    ['empty html', [{ html: '' }]],
    ['oversized html', [{ html: 'x'.repeat(5_000_001) }]],
    ['unknown page size', [{ html: '<p/>', pageSize: 'A0' }]],
    ['negative page size', [{ html: '<p/>', pageSize: { widthMm: -1, heightMm: 10 } }]],
    ['huge page size', [{ html: '<p/>', pageSize: { widthMm: 5000, heightMm: 10 } }]],
    ['landscape not boolean', [{ html: '<p/>', landscape: 'yes' }]],
    ['unknown field', [{ html: '<p/>', preload: '/tmp/evil.js' }]],
    ['extra argument', [{ html: '<p/>' }, { html: '<p/>' }]],
  ])('refuses %s without rendering', async (_label, args) => {
    const fake = fakeRenderer();
    expect(await handlePrintToPdf(args as unknown[], fake)).toMatchObject({
      ok: false,
      error: 'invalid-input',
    });
    expect(fake.calls).toEqual([]);
  });
});

describe('handleGetAppInfo', () => {
  const info: AppInfo = {
    name: 'OrderLine',
    version: '0.1.0',
    mode: 'desktop',
    serverUrl: 'http://localhost:7420',
    systemLocale: 'zh-CN',
    platform: 'linux',
    electronVersion: '45.5.0',
  };

  it('answers the app info', async () => {
    expect(await handleGetAppInfo([], info)).toEqual({ ok: true, value: info });
  });

  it('refuses arguments it does not take', async () => {
    expect(await handleGetAppInfo([{ anything: 1 }], info)).toMatchObject({
      ok: false,
      error: 'invalid-input',
    });
  });
});

describe('guardIpc (Electron IPC event faked)', () => {
  const trusted = (url: string | null) => url === 'app://orderline/index.html';

  it('passes the arguments of a trusted frame to the handler', async () => {
    const seen: unknown[][] = [];
    const handler = guardIpc(async (args) => {
      seen.push(args);
      return { ok: true as const, value: 'done' };
    }, trusted);
    const result = await handler({ senderFrame: { url: 'app://orderline/index.html' } }, 1, 'two');
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(seen).toEqual([[1, 'two']]);
  });

  it('refuses other frames and destroyed frames without calling the handler', async () => {
    let calls = 0;
    const logged: string[] = [];
    const handler = guardIpc(
      async () => {
        calls++;
        return { ok: true as const, value: null };
      },
      trusted,
      (message) => logged.push(message),
    );
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } })).toEqual({
      ok: false,
      error: 'untrusted-sender',
    });
    expect(await handler({ senderFrame: null })).toMatchObject({ error: 'untrusted-sender' });
    const destroyed = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await handler(destroyed)).toMatchObject({ error: 'untrusted-sender' });
    expect(calls).toBe(0);
    expect(logged).toHaveLength(3);
  });

  it('turns a thrown error into internal instead of rejecting across IPC', async () => {
    const handler = guardIpc(async () => {
      throw new Error('boom');
    }, trusted);
    await expect(handler({ senderFrame: { url: 'app://orderline/index.html' } })).resolves.toEqual({
      ok: false,
      error: 'internal',
    });
  });
});

describe('isStrictBase64', () => {
  it('accepts canonical base64 and refuses the rest', () => {
    for (const ok of ['', 'QQ==', 'QUI=', 'QUJD', 'JVBERi0='])
      expect(isStrictBase64(ok), ok).toBe(true);
    for (const bad of ['Q', 'QQ=', 'Q===', 'QQ=A', 'QU JD', 'QUJD\n', 'QUJ-', '=QUJ'])
      expect(isStrictBase64(bad), bad).toBe(false);
  });
});
