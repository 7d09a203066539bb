import { useCallback } from 'react';
import { parseScannedCode } from '../../../src-shared/warehouse/scanned-code';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';

/** Builds a pallet from scanned carton codes (one per line); its code is the first carton's with a PAL- prefix. */
export function useBuildPallet() {
  const mutate = useMutate();
  return useCallback(
    async (text: string) => {
      const cartons = [
        ...new Set(
          text
            .split(/\s+/)
            .map((c) => parseScannedCode(c).code)
            .filter(Boolean),
        ),
      ];
      const code = `PAL-${cartons[0] ?? ''}`;
      const outcome = await mutate('pallet.build', { code, cartons });
      return outcome.ok
        ? { ok: true, key: 'warehouse.pallet.built', values: { code, count: cartons.length } }
        : { ok: false, ...describeRefusal(outcome.error, outcome.params, (s) => s) };
    },
    [mutate],
  );
}
