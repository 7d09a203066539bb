import ExcelJS from 'exceljs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord, ProductRecord } from '../../../src-shared/orders/catalog';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import { openUserDb, type UserDb } from '../../db/user-db';
import { confirmationFileName, confirmationHtml, escapeHtml } from './confirmation-document';
import { exportFileName, exportOrders, toBase64, type ExportProgress } from './order-export';

function order(i: number, extra: Partial<OrderRecord> = {}): OrderRecord {
  return {
    id: `o-${String(i).padStart(5, '0')}`,
    number: `SO-2026-${String(i).padStart(6, '0')}`,
    intakeNumber: `RQ-2026-${String(i).padStart(6, '0')}`,
    numberProvisional: false,
    customerId: 'c-1',
    customerCode: 'C-0001',
    customerName: { zh: '绿源储能', en: 'Lvyuan Storage' },
    channel: i % 2 === 0 ? 'phone' : 'portal',
    state: 'accepted',
    lines: [
      { model: 'CYL-18650-26', spec: 'STD', quantity: 10_000 + i },
      { model: 'PACK-LFP-12V100', spec: '12V100', quantity: 50 },
    ],
    models: ['CYL-18650-26', 'PACK-LFP-12V100'],
    requestedDate: '2027-02-15',
    promisedDate: '2027-03-01',
    deliveryPlace: 'Shenzhen <warehouse 2>',
    customerRef: `PO-${i}`,
    contact: { name: '林晓东', phone: '+86 755 2601 8830' },
    history: [],
    createdBy: 'u',
    createdAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
    ...extra,
  };
}

describe('Excel export', () => {
  let db: UserDb;
  beforeAll(async () => {
    db = await openUserDb('export-test', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.domain('order').bulkPut(Array.from({ length: 2500 }, (_, i) => order(i)));
  }, 30_000);
  afterAll(() => db?.close());

  it('writes the filtered orders in list order, with real dates and numbers, reporting progress', async () => {
    const progress: ExportProgress[] = [];
    const { bytes, count } = await exportOrders(
      db,
      { channel: 'phone' },
      { field: 'createdAt', direction: 'desc' },
      'zh-CN',
      (p) => progress.push(p),
    );
    expect(count).toBe(1250);
    expect(progress[0]).toEqual({ phase: 'reading', done: 0, total: 1250 });
    expect(progress.at(-1)).toEqual({ phase: 'writing', done: 1250, total: 1250 });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = book.getWorksheet('订单')!;
    expect(sheet.rowCount).toBe(1251);
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('SO-2026-002498');
    expect(first.getCell(3).value).toBe('已接受');
    expect(first.getCell(4).value).toBe('电话');
    expect(first.getCell(6).value).toBe('绿源储能');
    expect(first.getCell(8).value).toBe(10_000 + 2498 + 50);
    expect(first.getCell(9).value).toEqual(new Date('2027-02-15T00:00:00Z'));
    expect(String(first.getCell(7).value)).toContain('CYL-18650-26 STD × 12,498');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      exportOrders(
        db,
        {},
        { field: 'createdAt', direction: 'asc' },
        'en',
        undefined,
        controller.signal,
      ),
    ).rejects.toThrow('cancelled');
  });

  it('names the file by time and encodes bytes for the desktop API', () => {
    expect(exportFileName(new Date('2026-12-01T08:30:00Z'))).toBe('orders-2026-12-01-08-30.xlsx');
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(Buffer.from(toBase64(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('customer confirmation', () => {
  const products = new Map<string, ProductRecord>([
    [
      'CYL-18650-26',
      {
        id: 'p1',
        code: 'CYL-18650-26',
        name: { zh: '18650 锂离子电芯', en: '18650 Li-ion cell' },
        unNumber: 'UN3480',
        specs: [{ code: 'STD', name: { zh: '标准裸电芯', en: 'Bare cell, standard grade' } }],
      } as unknown as ProductRecord,
    ],
  ]);
  const customer = {
    id: 'c-1',
    code: 'C-0001',
    name: { zh: '绿源储能', en: 'Lvyuan Storage' },
    address: { line1: '松坪山路 18 号', city: '深圳', postcode: '518057', country: 'CN' },
    paymentTerms: { code: 'NET60', days: 60, text: { zh: '月结 60 天', en: '60 days net' } },
  } as unknown as CustomerRecord;

  it('prints the promised date, numbers, lines and the dangerous-goods note in English', () => {
    const html = confirmationHtml({
      order: order(7),
      customer,
      products,
      language: 'en',
      issuedAt: '2026-12-02T09:00:00Z',
    });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Order confirmation');
    expect(html).toContain('SO-2026-000007');
    expect(html).toContain('PO-7');
    expect(html).toMatch(/Confirmed delivery date<\/dt><dd data-field="promised">Mar 1, 2027/);
    expect(html).toContain('18650 Li-ion cell · Bare cell, standard grade');
    expect(html).toContain('10,007 pcs');
    expect(html).toContain('60 days net');
    expect(html).toContain('UN3480');
    // Text from people is escaped, never markup.
    expect(html).toContain('Shenzhen &lt;warehouse 2&gt;');
    expect(html).not.toContain('<warehouse 2>');
    expect(html).not.toMatch(/<script/i);
  });

  it('prints the same confirmation in Chinese', () => {
    const html = confirmationHtml({
      order: order(7),
      customer,
      products,
      language: 'zh-CN',
      issuedAt: '2026-12-02',
    });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('订单确认书');
    expect(html).toMatch(/确认交货日期<\/dt><dd data-field="promised">2027年3月1日/);
    expect(html).toContain('18650 锂离子电芯 · 标准裸电芯');
    expect(html).toContain('月结 60 天');
    expect(confirmationFileName(order(7), 'zh-CN')).toBe('SO-2026-000007-confirmation-zh-CN.pdf');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});
