import { useCallback } from 'react';
import type { PrintToPdfArgs } from '../../../src-shared/ipc-api';
import { cartonLabel, type LabelProduct } from '../../../src-shared/warehouse/label-content';
import type { PackingSpec } from '../../../src-shared/warehouse/packing-spec';
import type {
  CartonRecord,
  ScanIndexRecord,
  ShipmentRecord,
} from '../../../src-shared/warehouse/shipment-record';
import { shippingDocument } from '../../../src-shared/warehouse/shipping-documents';
import type { UserDb } from '../../db/user-db';
import { getDesktopApi } from '../../platform/desktop-api';
import { useUserDb } from '../../sync/use-sync';
import { deliveryNoteHtml, packingListHtml } from './document-html';
import { labelHtml } from './label-html';

/**
 * Prints a document: in the desktop app rendered to PDF by the shell and saved where the user
 * says; in a browser through the browser's own print dialog (which can also save a PDF).
 */
async function printHtml(html: string, name: string, pageSize: PrintToPdfArgs['pageSize']) {
  const api = getDesktopApi();
  const pdf = await api.printToPdf({ html, pageSize });
  if (pdf.ok) {
    await api.saveFile({
      suggestedName: `${name}.pdf`,
      data: pdf.value.base64,
      encoding: 'base64',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    return;
  }
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.dataset.testid = 'print-frame';
  frame.dataset.document = name;
  frame.srcdoc = html;
  frame.onload = () => frame.contentWindow?.print();
  document.body.appendChild(frame);
  setTimeout(() => frame.remove(), 60_000);
}

async function productsOf(db: UserDb | null): Promise<LabelProduct[]> {
  return db ? ((await db.domain('product').toArray()) as unknown as LabelProduct[]) : [];
}

export function usePrintLabel() {
  const db = useUserDb();
  return useCallback(
    async (carton: CartonRecord) => {
      const product = (await productsOf(db)).find((p) => p.code === carton.model);
      await printHtml(labelHtml(cartonLabel(carton, product)), `label-${carton.code}`, {
        widthMm: 100,
        heightMm: 100,
      });
    },
    [db],
  );
}

/** The packing list or delivery note of a shipment, from the cartons scanned into it. */
export function usePrintShipmentDocument() {
  const db = useUserDb();
  return useCallback(
    async (shipment: ShipmentRecord, which: 'packing-list' | 'delivery-note') => {
      if (!db) return;
      const scans = (await db
        .domain('scan')
        .where('shipmentId')
        .equals(shipment.id)
        .toArray()) as unknown as ScanIndexRecord[];
      const ids = scans
        .filter((s) => typeof s.ordinal === 'number')
        .sort((a, b) => a.ordinal - b.ordinal)
        .map((s) => s.cartonId);
      const cartons = (await db.domain('carton').bulkGet(ids)).filter(
        Boolean,
      ) as unknown as CartonRecord[];
      const specs = (await db.domain('packing-spec').toArray()) as unknown as PackingSpec[];
      const doc = shippingDocument(shipment, cartons, await productsOf(db), specs);
      const html = which === 'packing-list' ? packingListHtml(doc) : deliveryNoteHtml(doc);
      await printHtml(html, `${which}-${shipment.number}`, 'A4');
    },
    [db],
  );
}
