import { expect, test, type BrowserContext } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { WarehouseScreen } from '../../src-renderer/features/warehouse/warehouse.page';
import { uuidv7 } from '../../src-shared/ids';
import { parseBracketed, type Gs1Element } from '../../src-shared/warehouse/gs1';
import { parseQrPayload, parseScannedCode } from '../../src-shared/warehouse/scanned-code';
import { DEMO_CUSTOMERS } from '../../src-server/demo-data';
import {
  startSmtpReceiver,
  type ReceivedMail,
  type SmtpReceiver,
} from '../../src-server/testing/smtp-receiver';
import { pdfBarcodes, pdfPages } from './support/pdf';
import { packedCarton, readyToShipOrder, releasedBatch, seedRecords } from './support/seed-records';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * Issue 8's end-to-end proof: the warehouse packs a released batch into labelled cartons,
 * opens a shipment for the order and scans it — one carton of another order (refused), one
 * duplicate (refused), the rest right — and confirms it with a tracking number, all offline.
 * Back online it syncs, and the customer's shipment notice with that number arrives at a real
 * SMTP receiver on loopback. The carton and pallet labels are printed to PDF and the PDF read
 * back: its text for model and quantity, its pixels for what the barcodes carry; the first
 * carton is then scanned by its QR code as decoded from that PDF.
 */

const mails: ReceivedMail[] = [];
let smtp: SmtpReceiver | undefined;
let smtpPort = 0;
test.beforeAll(async () => {
  smtp = await startSmtpReceiver(mails);
  smtpPort = smtp.port;
});
test.afterAll(async () => {
  await smtp?.close();
});

const server = useServer(() => ({
  env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'OrderLine <wh@factory.example>' },
}));
test.use({ locale: 'en-US' });

const MODEL = 'PACK-LFP-12V100';
const customer = DEMO_CUSTOMERS[0]!;
/**
 * The order and batches as the order, planning and quality screens leave them (ready to ship,
 * final inspection passed), written into the server's database: those screens have their own
 * end-to-end tests.
 */
async function seed(): Promise<void> {
  const order = (id: string, number: string) =>
    readyToShipOrder({ id, number, customer, model: MODEL, quantity: 6 });
  await seedRecords(server.dataDir, [
    order(ORDER_ID, 'SO-2026-000501'),
    order(OTHER_ORDER_ID, 'SO-2026-000502'),
    releasedBatch({ number: 'B-2026-000501', orderId: ORDER_ID, model: MODEL, quantity: 6 }),
    packedCarton({
      code: 'B-2026-000502-C0001',
      batchId: 'other-batch',
      batchNumber: 'B-2026-000502',
      orderId: OTHER_ORDER_ID,
      model: MODEL,
      quantity: 2,
    }),
  ]);
}
const ORDER_ID = uuidv7();
const OTHER_ORDER_ID = uuidv7();

/**
 * A label as the desktop app saves it: the desktop's printToPdf (Electron's printToPDF of the
 * label document) cannot run here, so Chromium's page.pdf() prints the same HTML at the same
 * 100 × 100 mm. The PDF is then read back as text and as pixels.
 */
async function printLabelPdf(context: BrowserContext, html: string): Promise<Buffer> {
  const labelPage = await context.newPage();
  try {
    await labelPage.setContent(html);
    return await labelPage.pdf({ width: '100mm', height: '100mm', printBackground: true });
  } finally {
    await labelPage.close();
  }
}

/**
 * The label PDF names model and quantity, prints each barcode's text, keeps the
 * dangerous-goods marks, and its bars (decoded from the rendered page) carry the code in
 * Code 128, the GS1 fields in GS1-128 and the OL1 payload in the QR code. Answers what a
 * scanner reads off the QR code.
 */
async function expectLabelPdf(
  context: BrowserContext,
  html: string,
  want: { code: string; kind: 'carton' | 'pallet'; quantity: number; gs1: Gs1Element[] },
): Promise<string> {
  return await test.step(`${want.kind} label ${want.code}: PDF printed by page.pdf() (stand-in for the desktop's printToPdf) and read back`, async () => {
    const pdf = await printLabelPdf(context, html);
    const pages = await pdfPages(pdf);
    expect(pages, 'one label, one page').toHaveLength(1);
    const [page] = pages;
    expect(page!.widthMm).toBeCloseTo(100, 0);
    expect(page!.heightMm).toBeCloseTo(100, 0);
    const text = page!.text.replace(/\s+/g, ' ');
    expect(text).toContain(MODEL);
    expect(text).toContain(`Quantity`);
    expect(text).toContain(`${want.quantity} pcs`);
    expect(text).toContain(want.kind === 'pallet' ? `Pallet` : 'Carton');
    // The 12 V pack is 1,280 Wh: class 9A and its UN number stay on the label.
    expect(text).toContain('UN3480');
    expect(text).toContain('Class 9A');

    const { barcodes } = await pdfBarcodes(pdf);
    const code128 = barcodes.filter((b) => b.symbologyIdentifier === ']C0');
    const gs1 = barcodes.filter((b) => b.symbologyIdentifier === ']C1');
    const qr = barcodes.filter((b) => b.format === 'QRCode');
    expect(code128.map((b) => b.text)).toEqual([want.code]);
    expect(gs1.length).toBeGreaterThan(0);
    expect(gs1.flatMap((b) => parseBracketed(b.text) ?? [])).toEqual(want.gs1);
    expect(qr).toHaveLength(1);
    expect(parseQrPayload(qr[0]!.text)).toMatchObject({
      code: want.code,
      kind: want.kind,
      model: MODEL,
      quantity: want.quantity,
      batch: 'B-2026-000501',
    });
    // Each barcode's text is printed under it, and the PDF's text says so.
    for (const b of [...code128, ...gs1]) expect(text).toContain(b.text);
    // What a scanner sends from each symbol (GS1 with its GS separators) leads the scan
    // station to the code, except GS1 symbols holding no code field.
    for (const b of [...code128, ...gs1, ...qr]) {
      const holdsCode = !b.text.startsWith('(') || b.text.includes('(91)');
      if (holdsCode) expect(parseScannedCode(b.scanned).code).toBe(want.code);
    }
    return qr[0]!.scanned;
  });
}

test('a shipment is scanned with a wrong and a duplicate carton refused, confirmed, and the customer mailed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await seed();
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1500, height: 950 },
  });
  const page = await context.newPage();
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn('warehouse', DEMO_PASSWORD);
  await shell.goToDepartment('warehouse');
  const wh = new WarehouseScreen(page);

  // The pack is serialized: each unit's serial is scanned in as it goes into a carton.
  const serials = [1, 2, 3, 4, 5, 6].map((n) => `LFP12-${String(n).padStart(6, '0')}`);
  await wh.pack('B-2026-000501', 2, 3, serials);
  const label = await wh.labelHtml('B-2026-000501-C0001');
  expect(label).toContain(`data-model="${MODEL}"`);
  expect(label).toContain('data-quantity="2"');
  expect(label).toContain('data-barcode="B-2026-000501-C0001"');
  const scannedOffPdf = await expectLabelPdf(context, label, {
    code: 'B-2026-000501-C0001',
    kind: 'carton',
    quantity: 2,
    gs1: [
      { ai: '11', value: '261120' },
      { ai: '91', value: 'B-2026-000501-C0001' },
      { ai: '240', value: MODEL },
      { ai: '10', value: 'B-2026-000501' },
      { ai: '37', value: '2' },
    ],
  });

  const pallet = await wh.buildPallet(['B-2026-000501-C0002', 'B-2026-000501-C0003']);
  await expectLabelPdf(context, await wh.labelHtml(pallet), {
    code: pallet,
    kind: 'pallet',
    quantity: 4,
    gs1: [
      { ai: '91', value: pallet },
      { ai: '240', value: MODEL },
      { ai: '10', value: 'B-2026-000501' },
      { ai: '37', value: '4' },
    ],
  });

  // The warehouse network drops: the shipment is opened, scanned and confirmed on the PC alone.
  await context.setOffline(true);
  await wh.createShipment('SO-2026-000501');
  // The first carton is scanned by what its label's QR code says, as decoded from the PDF.
  await wh.scan(scannedOffPdf);
  await wh.expectLastScan(true, wh.t('warehouse.scan.ok', { carton: 'B-2026-000501-C0001' }));
  await wh.scan('B-2026-000502-C0001');
  await wh.expectLastScan(
    false,
    wh.t('sync.refusals.wrong-order', { carton: 'B-2026-000502-C0001' }),
  );
  await expect(page.locator('html')).toHaveAttribute('data-last-beep', /^refused:/);
  await wh.scan('B-2026-000501-C0001');
  await wh.expectLastScan(
    false,
    wh.t('sync.refusals.already-scanned', { carton: 'B-2026-000501-C0001' }),
  );
  await wh.expectLine(MODEL, 2, 6);
  await expect(page.getByTestId('confirm-submit')).toBeDisabled();
  // The other two cartons went on a pallet: one scan of the pallet scans both.
  await wh.scan(pallet);
  await wh.expectLastScan(true, wh.t('warehouse.scan.ok', { carton: pallet }));
  await wh.expectLine(MODEL, 6, 6);
  await wh.confirm('SF Express', 'SF1122334455');
  await page.waitForTimeout(500);
  expect(mails).toHaveLength(0);
  const packingList = await wh.documentHtml('packing-list');
  for (const n of [1, 2, 3]) expect(packingList).toContain(`data-carton="B-2026-000501-C000${n}"`);
  expect(packingList).toContain('SF1122334455');
  // Serials per carton, and the materials of the spec packed by (the pack default), marked.
  expect(packingList).toMatch(
    /data-serials-of="B-2026-000501-C0002">.*data-serial="LFP12-000003".*data-serial="LFP12-000004"/,
  );
  expect(packingList).toContain('♻ Corrugated carton / 瓦楞纸箱 — recyclable / 可回收');
  expect(packingList).toContain('data-recyclable="no">EPE foam / EPE 珍珠棉');
  const deliveryNote = await wh.documentHtml('delivery-note');
  expect(deliveryNote).toContain(`data-model="${MODEL}"`);
  expect(deliveryNote).toContain('data-un="UN3480"');
  await context.setOffline(false);

  // Synced, queued on the server, sent over SMTP to the customer's contact.
  // The PC retries with backoff after being offline, so this can take a while.
  await expect.poll(() => mails.length, { timeout: 90_000 }).toBe(1);
  expect(mails[0]!.to).toEqual([customer.contacts[0]!.email]);
  expect(mails[0]!.data).toContain('SF1122334455');
  expect(mails[0]!.data).toContain('SO-2026-000501');
  await context.close();
});
