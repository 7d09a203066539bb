import { toSVG } from 'bwip-js/browser';
import { bracketed, splitSymbols, type Gs1Element } from '../../../src-shared/warehouse/gs1';
import type { CartonLabel } from '../../../src-shared/warehouse/label-content';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';

/**
 * A carton or pallet label as one self-contained HTML document (100 × 100 mm), for the desktop shell's
 * printToPdf or the browser's print. Both languages on one label: the carton travels to
 * customers of either. Three symbols, inline SVG so nothing is fetched while printing: Code 128
 * of the code (what the scan station reads), GS1-128 with the label's data under GS1
 * Application Identifiers (for the customer's receiving) and a QR code (scanned-code.ts); each
 * has its text under it.
 */

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Narrowest bar GS1 allows on a GS1-128 outside retail (GenSpecs §5.12.3, table 1), in mm. */
const X_MM = 0.25;
/** Width the barcodes may take on the 94 mm the label's margins leave, quiet zones included. */
const BARCODE_MAX_MM = 86;

/** bwip-js SVG without its own text (the label prints the text as text, so it reads in a PDF). */
function symbolSvg(bcid: 'code128' | 'gs1-128', text: string): { svg: string; modules: number } {
  const svg = toSVG({ bcid, text, scale: 1, height: 10 });
  const modules = Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1] ?? 0);
  // Bars stretch to the width the label gives them; stretching keeps their ratios.
  return { svg: svg.replace('<svg ', '<svg preserveAspectRatio="none" '), modules };
}

export function barcodeSvg(text: string): string {
  return symbolSvg('code128', text).svg;
}

export function qrSvg(text: string): string {
  // Error correction M, bwip-js's default for QR: survives a scuffed corner.
  return toSVG({ bcid: 'qrcode', text });
}

/**
 * A linear barcode with bars of GS1's minimum width where the label allows, never narrower than
 * 40 mm overall, so a short code is no sliver for a handheld scanner.
 */
function linear(bcid: 'code128' | 'gs1-128', text: string, human: string, attrs: string): string {
  const { svg, modules } = symbolSvg(bcid, text);
  const width = Math.min(BARCODE_MAX_MM, Math.max(modules * X_MM, 40));
  return `<div class="barcode" ${attrs}><div class="bars" style="width:${width.toFixed(1)}mm">${svg}</div><div class="hrt">${escape(human)}</div></div>`;
}

/** The GS1 fields split so each symbol keeps bars of at least X_MM within the label's width. */
export function gs1Symbols(label: CartonLabel): Gs1Element[][] {
  return splitSymbols(
    label.gs1,
    (symbol) => symbolSvg('gs1-128', bracketed(symbol)).modules * X_MM <= BARCODE_MAX_MM,
  );
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
  const pallet = label.kind === 'pallet';
  const codeRow = pallet
    ? row(L.pallet, Z.pallet, label.code)
    : row(L.carton, Z.carton, label.code);
  const gs1 = gs1Symbols(label)
    .map((symbol) =>
      linear(
        'gs1-128',
        bracketed(symbol),
        bracketed(symbol),
        `data-symbology="gs1-128" data-gs1="${escape(bracketed(symbol))}"`,
      ),
    )
    .join('');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escape(label.code)}</title>
<style>
@page { size: 100mm 100mm; margin: 3mm; }
body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; font-size: 7.5pt; margin: 0; }
.head { display: flex; gap: 2mm; align-items: flex-start; }
.head table { flex: 1; }
table { border-collapse: collapse; }
th { text-align: left; font-weight: normal; color: #444; padding: 0 3px 0 0; white-space: nowrap; }
td { font-weight: bold; }
.qr { width: 24mm; text-align: center; }
.qr svg { width: 22mm; height: 22mm; display: block; margin: 0 auto; }
.barcode { margin-top: 1.2mm; }
.bars { margin: 0 auto; padding: 0 2.5mm; }
.bars svg { width: 100%; height: 9mm; display: block; }
.barcode[data-symbology="gs1-128"] .bars svg { height: 7mm; }
.hrt { text-align: center; font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 7pt; }
.mark { border: 2px solid #000; padding: 1px 2px; margin-top: 1mm; font-weight: bold; }
.mark-lithium-battery-mark { border: 3px dashed #d00; }
</style></head>
<body data-carton="${escape(label.code)}" data-kind="${label.kind}" data-model="${escape(label.model)}" data-quantity="${label.quantity}">
<div class="head"><table>
${row(L.model, Z.model, label.modelName ? `${label.model} ${label.modelName.en} / ${label.modelName.zh}` : label.model)}
${label.spec ? row(L.spec, Z.spec, label.spec) : ''}
${row(L.quantity, Z.quantity, `${label.quantity} pcs / 只`)}
${label.cartons !== undefined ? row(L.cartons, Z.cartons, String(label.cartons)) : ''}
${label.producedOn ? row(L.producedOn, Z.producedOn, label.producedOn) : ''}
${row(L.batch, Z.batch, label.batch)}
${label.orderNumber ? row(L.order, Z.order, label.orderNumber) : ''}
${codeRow}
</table>
<div class="qr" data-symbology="qrcode" data-qr="${escape(label.qr)}">${qrSvg(label.qr)}<div class="hrt">${escape(label.code)}</div></div></div>
${dgLine}${marks}
${linear('code128', label.barcode.text, label.barcode.text, `data-barcode="${escape(label.barcode.text)}" data-symbology="${label.barcode.symbology}"`)}
${gs1}
</body></html>`;
}
