import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';

/**
 * Reading a printed PDF back the way a person and a scanner would: its text (pdfjs-dist), and
 * the barcodes decoded from its pixels (pdfjs-dist renders the page onto @napi-rs/canvas,
 * zxing-wasm reads the bitmap). So a test proves what the PDF shows, not what the HTML said.
 */

const require = createRequire(import.meta.url);
// zxing-wasm fetches its .wasm from a CDN by default; the package ships it, so load that.
prepareZXingModule({
  overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) },
});

export interface PdfPage {
  /** The page's text items joined in reading order, one line per text run pdfjs reports. */
  text: string;
  widthMm: number;
  heightMm: number;
}

async function open(pdf: Uint8Array) {
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  return getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
}

export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
  const doc = await open(pdf);
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('');
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const mm = (pt: number) => (pt * 25.4) / 72;
      pages.push({ text, widthMm: mm(x1 - x0), heightMm: mm(y1 - y0) });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

export interface DecodedBarcode {
  format: string;
  /** What the label prints under it: GS1 fields in brackets. */
  text: string;
  /** What a scanner sends: GS1 fields with the GS character after variable-length ones. */
  scanned: string;
  /** The symbology identifier as AIM defines it: ]C1 is GS1-128, ]C0 plain Code 128. */
  symbologyIdentifier: string;
}

/** Renders one page at `dpi` (printer-like resolution) and decodes every barcode on it. */
export async function pdfBarcodes(pdf: Uint8Array, pageNumber = 1, dpi = 600) {
  const doc = await open(pdf);
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    // A printer's paper: white, not the canvas's transparent black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // pdfjs types the canvas as the DOM's; @napi-rs/canvas is what pdfjs itself uses in Node.
    const params = { canvas, canvasContext: context, viewport };
    await page.render(params as unknown as Parameters<typeof page.render>[0]).promise;
    // An encoded image is the input zxing-wasm takes in Node without a DOM ImageData.
    const png = canvas.toBuffer('image/png');
    const options: ReaderOptions = {
      formats: ['Code128', 'QRCode'],
      maxNumberOfSymbols: 10,
      tryHarder: true,
    };
    // Read twice: as printed under the bars (HRI: GS1 fields in brackets) and as a scanner
    // sends it (plain: FNC1 as the GS character), matched by where each symbol sits.
    const hri = await readBarcodes(new Uint8Array(png), { ...options, textMode: 'HRI' });
    const plain = await readBarcodes(new Uint8Array(png), { ...options, textMode: 'Plain' });
    const at = (p: { topLeft: { x: number; y: number } }) => `${p.topLeft.x},${p.topLeft.y}`;
    return {
      png,
      barcodes: hri
        .filter((r) => r.isValid)
        .map((r): DecodedBarcode => ({
          format: r.format,
          text: r.text,
          scanned: plain.find((p) => at(p.position) === at(r.position))?.text ?? '',
          symbologyIdentifier: r.symbologyIdentifier,
        })),
    };
  } finally {
    await doc.destroy();
  }
}
