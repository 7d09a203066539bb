import type { ShippingDocument } from '../../../src-shared/warehouse/shipping-documents';

/**
 * The packing list and the delivery note as printable HTML documents (A4), both languages on
 * one page. The delivery note carries the dangerous-goods entries a transport document names.
 */

const escape = (s: string | number) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; margin-top: 6mm; }
th, td { border: 1px solid #888; padding: 2px 4px; text-align: left; }
</style></head><body>${body}</body></html>`;
}

function head(doc: ShippingDocument, en: string, zh: string): string {
  return `<h1>${en} / ${zh}</h1>
<p data-shipment="${escape(doc.shipmentNumber)}">Shipment / 发货单: <b>${escape(doc.shipmentNumber)}</b>
· Order / 订单: <b>${escape(doc.orderNumber ?? '')}</b>
· Carrier / 承运商: ${escape(doc.carrier ?? '')}
· Tracking / 运单号: <b>${escape(doc.trackingNumber ?? '')}</b></p>`;
}

/** A carton's serial numbers, on a row of their own under it, where it has them. */
function serialRow(c: ShippingDocument['cartons'][number]): string {
  if (!c.serials?.length) return '';
  const list = c.serials.map((s) => `<span data-serial="${escape(s)}">${escape(s)}</span>`);
  return `<tr data-serials-of="${escape(c.code)}"><td colspan="4">Serial numbers / 序列号: ${list.join(', ')}</td></tr>`;
}

/** The packing materials used, recyclable ones first and marked, for the customer's disposal. */
function materialsList(doc: ShippingDocument): string {
  if (!doc.materials.length) return '';
  const items = doc.materials
    .map(
      (m) =>
        `<li data-material="${escape(m.name.en)}" data-recyclable="${m.recyclable ? 'yes' : 'no'}">${m.recyclable ? '♻ ' : ''}${escape(m.name.en)} / ${escape(m.name.zh)}${m.recyclable ? ' — recyclable / 可回收' : ''}</li>`,
    )
    .join('');
  return `<h2>Packing materials / 包装材料</h2><ul>${items}</ul>`;
}

export function packingListHtml(doc: ShippingDocument): string {
  const rows = doc.cartons
    .map(
      (c) =>
        `<tr data-carton="${escape(c.code)}"><td>${escape(c.code)}</td><td>${escape(c.model)}</td><td>${escape(c.quantity)}</td><td>${escape(c.batch)}</td></tr>${serialRow(c)}`,
    )
    .join('');
  return page(
    `Packing list ${doc.shipmentNumber}`,
    `${head(doc, 'Packing list', '装箱单')}
<table><tr><th>Carton / 箱号</th><th>Model / 型号</th><th>Quantity / 数量</th><th>Batch / 批次</th></tr>${rows}
<tr><th>Total / 合计</th><th>${escape(doc.totalCartons)} cartons / 箱</th><th>${escape(doc.totalUnits)}</th><th></th></tr></table>${materialsList(doc)}`,
  );
}

export function deliveryNoteHtml(doc: ShippingDocument): string {
  const lines = doc.lines
    .map(
      (l) =>
        `<tr data-model="${escape(l.model)}"><td>${escape(l.model)}</td><td>${escape(l.quantity)}</td><td>${escape(l.cartons)}</td></tr>`,
    )
    .join('');
  const dg = doc.dangerousGoods.length
    ? `<h2>Dangerous goods / 危险品</h2><table><tr><th>UN</th><th>Proper shipping name</th><th>Class / 类别</th><th>Packages / 件数</th><th>Quantity / 数量</th></tr>${doc.dangerousGoods
        .map(
          (d) =>
            `<tr data-un="${escape(d.unNumber)}"><td>${escape(d.unNumber)}</td><td>${escape(d.properShippingName)}</td><td>${escape(d.dgClass ?? '')}</td><td>${escape(d.packages)}</td><td>${escape(d.units)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  return page(
    `Delivery note ${doc.shipmentNumber}`,
    `${head(doc, 'Delivery note', '送货单')}
<table><tr><th>Model / 型号</th><th>Quantity / 数量</th><th>Cartons / 箱数</th></tr>${lines}</table>${dg}
<p>Received by / 签收: ____________________ Date / 日期: ____________</p>`,
  );
}
