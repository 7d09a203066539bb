import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord, ProductRecord } from '../../../src-shared/orders/catalog';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import type { Language } from '../../i18n/language';
import { getDesktopApi, isDesktop } from '../../platform/desktop-api';
import { confirmationFileName, confirmationHtml } from './confirmation-document';

const FRAME_ID = 'order-confirmation-frame';

/**
 * Prints the customer confirmation. On the desktop it is rendered to a PDF by the shell and
 * saved where the user says; in a browser, where a page cannot make PDF bytes, the same HTML
 * goes to the browser's print dialog (which can save as PDF too).
 */
export function usePrintConfirmation(
  order: OrderRecord | undefined,
  customer: CustomerRecord | undefined,
  products: ReadonlyMap<string, ProductRecord>,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const html = useCallback(
    (language: Language) =>
      order
        ? confirmationHtml({
            order,
            customer,
            products,
            language,
            issuedAt: new Date().toISOString(),
          })
        : '',
    [order, customer, products],
  );

  const browserPrint = useCallback((document: string) => {
    window.document.getElementById(FRAME_ID)?.remove();
    const frame = window.document.createElement('iframe');
    frame.id = FRAME_ID;
    frame.setAttribute('data-testid', FRAME_ID);
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0';
    frame.srcdoc = document;
    frame.onload = () => frame.contentWindow?.print();
    // Left in place (hidden) until the next print: removing it at once cancels the dialog.
    window.document.body.append(frame);
  }, []);

  const print = useCallback(
    async (language: Language) => {
      if (!order) return;
      const document = html(language);
      if (!isDesktop()) {
        browserPrint(document);
        return;
      }
      const pdf = await getDesktopApi().printToPdf({ html: document, pageSize: 'A4' });
      if (!pdf.ok) {
        if (pdf.error === 'unsupported-in-web') browserPrint(document);
        else void message.error(t('orders.actions.printFailed', { reason: pdf.error }));
        return;
      }
      const saved = await getDesktopApi().saveFile({
        suggestedName: confirmationFileName(order, language),
        data: pdf.value.base64,
        encoding: 'base64',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (saved.ok) void message.success(t('orders.actions.savedPdf', { path: saved.value.path }));
      else if (saved.error !== 'cancelled') {
        void message.error(t('orders.actions.printFailed', { reason: saved.error }));
      }
    },
    [order, html, browserPrint, message, t],
  );

  return { print, desktop: isDesktop() };
}
