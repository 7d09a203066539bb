import {
  dangerousGoodsOf,
  type CustomerRecord,
  type ProductRecord,
} from '../../../src-shared/orders/catalog';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import { formatDate, formatNumber } from '../../i18n/format';
import type { Language } from '../../i18n/language';
import { translate } from '../../i18n/lookup';

/**
 * The customer-facing order confirmation as one self-contained HTML document (no scripts, no
 * outside resources), in Chinese or English whatever the screen's language, for the desktop
 * shell's print-to-PDF or the browser's print dialog.
 */

export interface ConfirmationInput {
  order: OrderRecord;
  customer: CustomerRecord | undefined;
  products: ReadonlyMap<string, ProductRecord>;
  language: Language;
  /** The date printed on the document (ISO timestamp or YYYY-MM-DD). */
  issuedAt: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function confirmationFileName(order: OrderRecord, language: Language): string {
  return `${order.number}-confirmation-${language}.pdf`;
}

export function confirmationHtml(input: ConfirmationInput): string {
  const { order, customer, products, language } = input;
  const t = (key: string, vars?: Record<string, string | number>) =>
    escapeHtml(translate(language, `orders.document.${key}`, vars));
  const zh = language === 'zh-CN';
  const name = (l: { zh: string; en: string } | undefined) => (l ? (zh ? l.zh : l.en) : '');
  const date = (d: string | undefined) =>
    d ? escapeHtml(formatDate(`${d.slice(0, 10)}T12:00:00Z`, language)) : '—';

  const rows = order.lines
    .map((line, i) => {
      const product = products.get(line.model);
      const spec = product?.specs.find((s) => s.code === line.spec);
      const description = [
        product ? name(product.name) : line.model,
        spec ? name(spec.name) : line.spec,
      ]
        .filter(Boolean)
        .join(' · ');
      return `<tr><td>${i + 1}</td><td>${escapeHtml(line.model)}</td><td>${escapeHtml(description)}</td><td class="num">${escapeHtml(formatNumber(line.quantity, language))} ${t('pcs')}</td></tr>`;
    })
    .join('');

  const unNumbers = [
    ...new Set(
      order.lines
        .map((l) => products.get(l.model)?.unNumber)
        .filter((un): un is NonNullable<typeof un> => !!un && dangerousGoodsOf(un) === 'regulated'),
    ),
  ];
  const address = customer
    ? [
        customer.address.line1,
        customer.address.city,
        customer.address.region,
        customer.address.postcode,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  const customerName = customer
    ? name(customer.name)
    : name(order.customerName) || order.customerId;

  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${t('title')} ${escapeHtml(order.number)}</title>
<style>
  @page { size: A4; margin: 18mm; }
  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif; font-size: 11pt; color: #111; }
  h1 { font-size: 18pt; margin: 0 0 4mm; }
  .head { display: flex; justify-content: space-between; gap: 10mm; margin-bottom: 6mm; }
  .head dl { display: grid; grid-template-columns: auto auto; gap: 1mm 4mm; margin: 0; }
  dt { color: #555; }
  dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; margin: 4mm 0; }
  th, td { border-bottom: 0.3mm solid #999; padding: 2mm; text-align: left; vertical-align: top; }
  .num { text-align: right; white-space: nowrap; }
  .terms dt { font-weight: bold; color: #111; }
  .note { margin-top: 6mm; font-size: 10pt; color: #333; }
</style>
</head>
<body>
<h1>${t('title')}</h1>
<div class="head">
  <div>
    <div>${t('to')}: <strong>${escapeHtml(customerName)}</strong></div>
    <div>${escapeHtml(address)}</div>
    ${order.contact ? `<div>${escapeHtml(order.contact.name)}${order.contact.phone ? ` · ${escapeHtml(order.contact.phone)}` : ''}</div>` : ''}
  </div>
  <dl>
    <dt>${t('from')}</dt><dd>${t('factory')}</dd>
    <dt>${t('ourNumber')}</dt><dd data-field="number">${escapeHtml(order.number)}</dd>
    ${order.customerRef ? `<dt>${t('yourRef')}</dt><dd>${escapeHtml(order.customerRef)}</dd>` : ''}
    <dt>${t('date')}</dt><dd>${date(input.issuedAt)}</dd>
  </dl>
</div>
<p>${t('intro')}</p>
<table>
  <thead><tr><th>${t('line')}</th><th>${escapeHtml(translate(language, 'orders.fields.model'))}</th><th>${t('description')}</th><th class="num">${escapeHtml(translate(language, 'orders.fields.quantity'))}</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
<dl class="terms">
  <dt>${t('promisedDate')}</dt><dd data-field="promised">${date(order.promisedDate)}</dd>
  <dt>${t('requestedDate')}</dt><dd>${date(order.requestedDate)}</dd>
  <dt>${t('deliveryPlace')}</dt><dd>${escapeHtml(order.deliveryPlace ?? '—')}</dd>
  ${customer ? `<dt>${t('paymentTerms')}</dt><dd>${escapeHtml(name(customer.paymentTerms.text))}</dd>` : ''}
</dl>
${unNumbers.length > 0 ? `<p class="note">${t('dangerousGoods', { un: unNumbers.join(', ') })}</p>` : ''}
<p class="note">${t('closing')}</p>
</body>
</html>`;
}
