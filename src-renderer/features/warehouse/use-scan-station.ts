import { useCallback, useState } from 'react';
import { uuidv7 } from '../../../src-shared/ids';
import { parseScannedCode } from '../../../src-shared/warehouse/scanned-code';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';
import { beep } from './beep';

export interface ScanEntry {
  key: string;
  code: string;
  ok: boolean;
  /** i18n key and values: translated when rendered, so a language switch follows. */
  message: { key: string; values: Record<string, string | number> };
}

/**
 * One scan: run the shared scan mutation on the PC at once (it checks the carton against the
 * shipment, offline too), beep, and keep the answer on screen; the server checks it again
 * when it syncs.
 */
export function useScanStation(shipmentId: string | undefined) {
  const mutate = useMutate();
  const [log, setLog] = useState<ScanEntry[]>([]);
  const scan = useCallback(
    async (raw: string) => {
      // Any of the label's three symbols: Code 128, GS1-128 or the QR code.
      const { code } = parseScannedCode(raw);
      if (!code || !shipmentId) return;
      const outcome = await mutate('shipment.scan', { scanId: uuidv7(), shipmentId, code });
      const entry: ScanEntry = outcome.ok
        ? {
            key: uuidv7(),
            code,
            ok: true,
            message: { key: 'warehouse.scan.ok', values: { carton: code } },
          }
        : {
            key: uuidv7(),
            code,
            ok: false,
            message: describeRefusal(outcome.error, { carton: code, ...outcome.params }, (s) => s),
          };
      beep(entry.ok ? 'ok' : 'refused');
      setLog((old) => [entry, ...old].slice(0, 50));
    },
    [mutate, shipmentId],
  );
  return { log, scan };
}
