import ExcelJS from 'exceljs';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import type { UserDb } from '../../db/user-db';
import { intlLocaleOf, type Language } from '../../i18n/language';
import { translate } from '../../i18n/lookup';
import { allOrders, countOrders, type OrderFilter, type OrderSort } from './order-query';

/**
 * The order list as an Excel workbook: the orders the list shows (same filter, same order),
 * with dates as real Excel dates and quantities as numbers, so the office can sort and sum.
 * Read in chunks, with a pause between them, so a 100,000-order export keeps the screen alive
 * and can say how far it is.
 */

export interface ExportProgress {
  phase: 'reading' | 'writing';
  done: number;
  total: number;
}

export interface ExportResult {
  bytes: Uint8Array;
  count: number;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function day(date: string | undefined): Date | null {
  return date ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : null;
}

export async function exportOrders(
  db: UserDb,
  filter: OrderFilter,
  sort: OrderSort,
  language: Language,
  onProgress: (p: ExportProgress) => void = () => undefined,
  signal?: AbortSignal,
): Promise<ExportResult> {
  const t = (key: string) => translate(language, key);
  const total = await countOrders(db, filter);
  onProgress({ phase: 'reading', done: 0, total });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OrderLine';
  const sheet = workbook.addWorksheet(t('orders.list.sheetName'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: t('orders.fields.number'), key: 'number', width: 18 },
    { header: t('orders.fields.intakeNumber'), key: 'intakeNumber', width: 18 },
    { header: t('orders.fields.state'), key: 'state', width: 18 },
    { header: t('orders.fields.channel'), key: 'channel', width: 12 },
    { header: t('orders.fields.customer'), key: 'customerCode', width: 10 },
    { header: t('orders.fields.customer'), key: 'customerName', width: 36 },
    { header: t('orders.fields.lines'), key: 'lines', width: 48 },
    { header: t('orders.fields.quantity'), key: 'quantity', width: 12 },
    { header: t('orders.fields.requestedDate'), key: 'requestedDate', width: 14 },
    { header: t('orders.fields.promisedDate'), key: 'promisedDate', width: 14 },
    { header: t('orders.fields.receivedAt'), key: 'createdAt', width: 18 },
    { header: t('orders.fields.deliveryPlace'), key: 'deliveryPlace', width: 30 },
    { header: t('orders.fields.customerRef'), key: 'customerRef', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const key of ['requestedDate', 'promisedDate']) sheet.getColumn(key).numFmt = 'yyyy-mm-dd';
  sheet.getColumn('createdAt').numFmt = 'yyyy-mm-dd hh:mm';
  sheet.getColumn('quantity').numFmt = '#,##0';

  const zh = language === 'zh-CN';
  let done = 0;
  for await (const chunk of allOrders(db, filter, sort)) {
    if (signal?.aborted) throw new DOMException('export cancelled', 'AbortError');
    for (const o of chunk as OrderRecord[]) {
      sheet.addRow({
        number: o.number,
        intakeNumber: o.intakeNumber ?? '',
        state: t(`orderStates.${o.state}`),
        channel: t(`orders.channels.${o.channel}`),
        customerCode: o.customerCode ?? '',
        customerName: o.customerName ? (zh ? o.customerName.zh : o.customerName.en) : o.customerId,
        lines: o.lines
          .map(
            (l) =>
              `${l.model}${l.spec ? ` ${l.spec}` : ''} × ${l.quantity.toLocaleString(intlLocaleOf(language))}`,
          )
          .join('; '),
        quantity: o.lines.reduce((sum, l) => sum + l.quantity, 0),
        requestedDate: day(o.requestedDate),
        promisedDate: day(o.promisedDate),
        createdAt: new Date(o.createdAt),
        deliveryPlace: o.deliveryPlace ?? '',
        customerRef: o.customerRef ?? '',
      });
    }
    done += chunk.length;
    onProgress({ phase: 'reading', done, total: Math.max(total, done) });
    await pause();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
  onProgress({ phase: 'writing', done, total: Math.max(total, done) });
  await pause();
  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer), count: done };
}

/** Bytes as base64 for the desktop API's saveFile, in slices (a spread of megabytes overflows). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const SLICE = 0x8000;
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

export function exportFileName(now: Date): string {
  return `orders-${now.toISOString().slice(0, 16).replace(/[:T]/g, '-')}.xlsx`;
}
