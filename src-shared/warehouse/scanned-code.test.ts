import { describe, expect, it } from 'vitest';
import { GS, bracketed, elementString, sscc } from './gs1';
import { cartonLabel } from './label-content';
import { parseQrPayload, parseScannedCode, qrPayload } from './scanned-code';

const carton = {
  code: 'B-2026-000501-C0001',
  model: 'PACK-LFP-12V100',
  quantity: 2,
  producedOn: '2026-11-20',
  batchNumber: 'B-2026-000501',
  batchId: 'b-1',
};

describe('QR payload', () => {
  it('carries code, kind, model, quantity, batch and date, and reads back', () => {
    const text = qrPayload({ ...carton, kind: 'carton', batch: carton.batchNumber });
    expect(text).toBe(
      'OL1:c=B-2026-000501-C0001&k=carton&m=PACK-LFP-12V100&q=2&b=B-2026-000501&d=2026-11-20',
    );
    expect(parseQrPayload(text)).toEqual({
      code: carton.code,
      kind: 'carton',
      model: carton.model,
      quantity: 2,
      batch: carton.batchNumber,
      producedOn: carton.producedOn,
    });
  });

  it('keeps values with the query syntax’s own characters intact', () => {
    const text = qrPayload({ code: 'A&B=C+D%', model: 'X+Y' });
    expect(parseQrPayload(text)).toEqual({ code: 'A&B=C+D%', model: 'X+Y' });
  });

  it('is not a payload without the prefix or the code', () => {
    expect(parseQrPayload('c=B-1')).toBeUndefined();
    expect(parseQrPayload('OL1:m=X')).toBeUndefined();
  });
});

describe('what a scanner reads off a label → the code to look up', () => {
  const label = cartonLabel(carton, undefined);

  it('takes a plain Code 128 read as it is, trimmed', () => {
    expect(parseScannedCode(' B-2026-000501-C0001\n')).toEqual({ code: carton.code, via: 'plain' });
    expect(parseScannedCode(']C0B-2026-000501-C0001')).toEqual({
      code: carton.code,
      via: 'plain',
    });
  });

  it('finds the carton code (AI 91) in a GS1-128 read, with GS separators or brackets', () => {
    expect(label.gs1.map((e) => e.ai)).toEqual(['11', '91', '240', '10', '37']);
    const sent = elementString(label.gs1);
    expect(sent).toContain(GS);
    expect(parseScannedCode(sent)).toEqual({ code: carton.code, via: 'gs1' });
    expect(parseScannedCode(`]C1${sent}`)).toEqual({ code: carton.code, via: 'gs1' });
    expect(parseScannedCode(`${GS}${sent}`)).toEqual({ code: carton.code, via: 'gs1' });
    expect(parseScannedCode(bracketed(label.gs1))).toEqual({ code: carton.code, via: 'gs1' });
    // Each symbol of a label split over several: the one with (91) names the carton.
    expect(parseScannedCode('(11)261120(91)B-2026-000501-C0001')).toEqual({
      code: carton.code,
      via: 'gs1',
    });
  });

  it('reads a GS1 symbol without GS or identifier when it is all digits up to a final (91)', () => {
    // (11) has a predefined length and (91) ends the symbol: no GS anywhere.
    expect(parseScannedCode('1126112091B-2026-000501-C0001')).toEqual({
      code: carton.code,
      via: 'gs1',
    });
    expect(parseScannedCode('12345')).toEqual({ code: '12345', via: 'plain' });
  });

  it('takes a pallet’s SSCC where no carton code is in the symbol, if its check digit holds', () => {
    const code = sscc(0, '6901234567', 42);
    expect(parseScannedCode(`]C100${code}376`)).toEqual({ code, via: 'gs1' });
    expect(parseScannedCode(`00${code}`)).toEqual({ code, via: 'gs1' });
    const wrong = `${code.slice(0, 17)}${(Number(code[17]) + 1) % 10}`;
    expect(parseScannedCode(`00${wrong}`)).toEqual({ code: `00${wrong}`, via: 'plain' });
  });

  it('falls back to the text read when a GS1 symbol names no carton', () => {
    expect(parseScannedCode('(240)PACK-LFP-12V100')).toEqual({
      code: '(240)PACK-LFP-12V100',
      via: 'plain',
    });
    expect(parseScannedCode(`]C1240PACK${GS}372`)).toEqual({
      code: '240PACK372',
      via: 'plain',
    });
  });

  it('reads the QR payload, with or without a symbology identifier', () => {
    expect(parseScannedCode(label.qr)).toEqual({ code: carton.code, via: 'qr' });
    expect(parseScannedCode(`]Q1${label.qr}`)).toEqual({ code: carton.code, via: 'qr' });
  });
});
