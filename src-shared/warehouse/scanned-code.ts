import { AI, GS, isValidSscc, parseBracketed, parseElementString, type Gs1Element } from './gs1';

/**
 * What a scanner reads off a label, turned back into the carton (or pallet) code the scan
 * station looks up. A label carries three symbols: Code 128 of the code itself, GS1-128 with
 * the code in AI (91) (a pallet with an SSCC: AI 00), and a QR code in the format below.
 */

/**
 * QR payload, version 1: `OL1:` and URL query syntax, so any value survives whatever
 * characters it has, and a phone's reader shows something legible:
 *
 *     OL1:c=B-2026-000501-C0001&k=carton&m=PACK-LFP-12V100&q=2&b=B-2026-000501&d=2026-11-20
 *
 * c code (required), k carton|pallet, m model, q units, b batch, d production date. A reader
 * takes `c` and ignores keys it does not know, so later versions may add keys.
 */
export const QR_PREFIX = 'OL1:';

export interface QrContent {
  code: string;
  kind?: 'carton' | 'pallet';
  model?: string;
  quantity?: number;
  batch?: string;
  producedOn?: string;
}

export function qrPayload(content: QrContent): string {
  const q = new URLSearchParams({ c: content.code });
  if (content.kind) q.set('k', content.kind);
  if (content.model) q.set('m', content.model);
  if (content.quantity !== undefined) q.set('q', String(content.quantity));
  if (content.batch) q.set('b', content.batch);
  if (content.producedOn) q.set('d', content.producedOn);
  return `${QR_PREFIX}${q.toString()}`;
}

export function parseQrPayload(text: string): QrContent | undefined {
  if (!text.startsWith(QR_PREFIX)) return undefined;
  const q = new URLSearchParams(text.slice(QR_PREFIX.length));
  const code = q.get('c');
  if (!code) return undefined;
  const kind = q.get('k');
  const quantity = Number(q.get('q') ?? Number.NaN);
  return {
    code,
    ...(kind === 'carton' || kind === 'pallet' ? { kind } : {}),
    ...(q.get('m') ? { model: q.get('m')! } : {}),
    ...(Number.isInteger(quantity) ? { quantity } : {}),
    ...(q.get('b') ? { batch: q.get('b')! } : {}),
    ...(q.get('d') ? { producedOn: q.get('d')! } : {}),
  };
}

export type ScannedVia = 'plain' | 'gs1' | 'qr';

/**
 * AIM symbology identifiers a scanner may be set to send first: ]C0/]C1 Code 128 and GS1-128,
 * ]Q0–]Q6 QR, ]d1/]d2 Data Matrix, ]e0 GS1 DataBar.
 */
const AIM = /^\][CQde]\d/;

function cartonOf(elements: readonly Gs1Element[]): string | undefined {
  const sscc = elements.find((e) => e.ai === AI.sscc)?.value;
  return (
    elements.find((e) => e.ai === AI.cartonCode)?.value ??
    (sscc && isValidSscc(sscc) ? sscc : undefined)
  );
}

/**
 * The code to look up for what the scanner sent. Anything not recognisably GS1 or a QR payload
 * is taken as a plain code; GS1 without a carton or SSCC field is too, so the station refuses
 * it as an unknown carton and shows what was read. A GS1 read whose scanner dropped the GS
 * separators cannot be split (every field but the SSCC is variable-length): the Code 128 or
 * the QR code on the same label reads instead.
 */
export function parseScannedCode(raw: string): { code: string; via: ScannedVia } {
  const trimmed = raw.trim();
  const aim = AIM.exec(trimmed)?.[0];
  const text = aim ? trimmed.slice(aim.length) : trimmed;
  const qr = parseQrPayload(text);
  if (qr) return { code: qr.code, via: 'qr' };
  const gs1Aim = aim === ']C1' || aim === ']Q3' || aim === ']d2' || aim === ']e0';
  // Without an identifier or a GS, digits that read as a whole element string naming a carton
  // are taken as GS1: a symbol of predefined-length fields and a final (91) has no GS in it.
  // The app's own codes start with a letter, so they never read as one.
  const elements =
    parseBracketed(text) ??
    (gs1Aim || text.includes(GS) || /^\d\d/.test(text)
      ? parseElementString(text.startsWith(GS) ? text.slice(1) : text)
      : undefined);
  const code = elements && cartonOf(elements);
  if (code) return { code, via: 'gs1' };
  // Control characters (a GS) would make the scan invalid rather than an unknown carton.
  return { code: [...text].filter((c) => c >= ' ' && c !== '\x7f').join(''), via: 'plain' };
}
