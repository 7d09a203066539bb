import { toSVG } from 'bwip-js/browser';
import type { CartonLabel } from '../../../src-shared/warehouse/label-content';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';

/**
 * A carton label as one self-contained HTML document (100 × 100 mm), for the desktop shell's
 * printToPdf or the browser's print. Both languages on one label: the carton travels to
 * customers of either. The barcode is an inline SVG, so nothing is fetched while printing.
 */

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function barcodeSvg(text: string): string {
  return toSVG({
    bcid: 'code128',
    text,
    height: 14,
    includetext: true,
    textxalign: 'center',
  });
}

const MARK_TEXT: Record<string, { en: string; zh: string }> = {
  'lithium-battery-mark': { en: 'Lithium battery mark', zh: '锂电池标记' },
  'class-9': { en: 'Class 9', zh: '第 9 类' },
  'class-9a': { en: 'Class 9A — lithium batteries', zh: '第 9A 类 锂电池' },
  'cargo-aircraft-only': { en: 'CARGO AIRCRAFT ONLY', zh: '仅限货机' },
  'non-spillable': { en: 'NON-SPILLABLE', zh: '非溢出型' },
};

export function labelHtml(label: CartonLabel, phone = '+86 755 0000 0000'): string {
  const L = en.warehouse.label;
  const Z = zhCN.warehouse.label;
  const row = (e: string, z: string, value: string) =>
    `<tr><th>${escape(e)} / ${escape(z)}</th><td>${escape(value)}</td></tr>`;
  const marks = (label.dg?.marks ?? [])
    .map((m) => {
      const text = MARK_TEXT[m]!;
      const un = m === 'lithium-battery-mark' ? ` ${label.dg!.unNumber} · ☎ ${escape(phone)}` : '';
      return `<div class="mark mark-${m}" data-mark="${m}">${escape(text.en)} / ${escape(text.zh)}${un}</div>`;
    })
    .join('');
  const dgLine = label.dg?.regulated
    ? `<div class="dg" data-un="${label.dg.unNumber}">${label.dg.unNumber} ${escape(label.dg.properShippingName)}${label.dg.dgClass ? `, class ${label.dg.dgClass}` : ''}</div>`
    : '';
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escape(label.code)}</title>
<style>
@page { size: 100mm 100mm; margin: 3mm; }
body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; font-size: 9pt; margin: 0; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-weight: normal; color: #444; padding: 1px 4px 1px 0; }
td { font-weight: bold; }
.barcode svg { width: 90mm; height: 22mm; }
.mark { border: 2px solid #000; padding: 2px; margin-top: 2px; font-weight: bold; }
.mark-lithium-battery-mark { border: 3px dashed #d00; }
</style></head>
<body data-carton="${escape(label.code)}" data-model="${escape(label.model)}" data-quantity="${label.quantity}">
<table>
${row(L.model, Z.model, label.modelName ? `${label.model} ${label.modelName.en} / ${label.modelName.zh}` : label.model)}
${label.spec ? row(L.spec, Z.spec, label.spec) : ''}
${row(L.quantity, Z.quantity, `${label.quantity} pcs / 只`)}
${label.producedOn ? row(L.producedOn, Z.producedOn, label.producedOn) : ''}
${row(L.batch, Z.batch, label.batch)}
${label.orderNumber ? row(L.order, Z.order, label.orderNumber) : ''}
${row(L.carton, Z.carton, label.code)}
</table>
<div class="barcode" data-barcode="${escape(label.barcode.text)}" data-symbology="${label.barcode.symbology}">${barcodeSvg(label.barcode.text)}</div>
${dgLine}${marks}
</body></html>`;
}
