import { useCallback } from 'react';
import { cartonLabel, type LabelProduct } from '../../../src-shared/warehouse/label-content';
import type { CartonRecord } from '../../../src-shared/warehouse/shipment-record';
import { getDesktopApi } from '../../platform/desktop-api';
import { useUserDb } from '../../sync/use-sync';
import { labelHtml } from './label-html';

/**
 * Prints a carton label: in the desktop app rendered to PDF by the shell and saved where the
 * user says; in a browser through the browser's own print dialog (which can also save a PDF).
 */
export function usePrintLabel() {
  const db = useUserDb();
  return useCallback(
    async (carton: CartonRecord) => {
      const products = db
        ? ((await db.domain('product').toArray()) as unknown as LabelProduct[])
        : [];
      const product = products.find((p) => p.code === carton.model);
      const html = labelHtml(cartonLabel(carton, product));
      const api = getDesktopApi();
      const pdf = await api.printToPdf({ html, pageSize: { widthMm: 100, heightMm: 100 } });
      if (pdf.ok) {
        await api.saveFile({
          suggestedName: `label-${carton.code}.pdf`,
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
      frame.dataset.testid = 'label-frame';
      frame.srcdoc = html;
      frame.onload = () => frame.contentWindow?.print();
      document.body.appendChild(frame);
      setTimeout(() => frame.remove(), 60_000);
    },
    [db],
  );
}
