import Papa from 'papaparse';
import { useCallback, useRef, useState } from 'react';
import { uuidv7 } from '../../../src-shared/ids';
import {
  checkRows,
  mapColumns,
  type CheckedRow,
  type ColumnMapping,
} from '../../../src-shared/quality/csv-import';
import { MAX_IMPORT_READINGS } from '../../../src-shared/quality/inspection-mutations';
import type { InspectionLotRecord } from '../../../src-shared/quality/lot';
import { useMutate } from '../../sync/use-sync';

export interface CsvPreview {
  fileName: string;
  headers: string[];
  mapping: ColumnMapping;
  rows: CheckedRow[];
}

export type CsvPhase =
  | { phase: 'idle' }
  | { phase: 'reading'; done: number }
  | { phase: 'preview'; preview: CsvPreview }
  | { phase: 'importing'; preview: CsvPreview; done: number; total: number }
  | { phase: 'done'; imported: number }
  | { phase: 'failed'; error: string; params: Record<string, string | number> };

/** Rows per parse chunk: small enough that the progress bar moves on a 100,000-row file. */
const CHUNK_BYTES = 256 * 1024;

/**
 * A cell grader's CSV into a lot: parsed in chunks by papaparse (progress as it reads),
 * mapped and checked row by row (shared rules), previewed, then imported in slices of
 * MAX_IMPORT_READINGS readings, each slice one mutation that works offline like any other.
 */
export function useCsvImport(
  lot: InspectionLotRecord,
  nextSample: (characteristicId: string) => number,
) {
  const mutate = useMutate();
  const [state, setState] = useState<CsvPhase>({ phase: 'idle' });
  const cancelled = useRef(false);

  const read = useCallback(
    (file: File) => {
      cancelled.current = false;
      setState({ phase: 'reading', done: 0 });
      let headers: string[] | null = null;
      const body: string[][] = [];
      Papa.parse<string[]>(file, {
        header: false,
        skipEmptyLines: 'greedy',
        chunkSize: CHUNK_BYTES,
        chunk: (results) => {
          for (const row of results.data) {
            if (!headers) headers = row.map((h) => h.replace(/^\uFEFF/, ''));
            else body.push(row);
          }
          setState({
            phase: 'reading',
            done: Math.min(1, results.meta.cursor / Math.max(1, file.size)),
          });
        },
        complete: () => {
          const hs = headers ?? [];
          const mapping = mapColumns(hs, lot.characteristics);
          setState({
            phase: 'preview',
            preview: {
              fileName: file.name,
              headers: hs,
              mapping,
              rows: checkRows(body, mapping, lot.characteristics),
            },
          });
        },
        error: () => setState({ phase: 'failed', error: 'unreadable', params: {} }),
      });
    },
    [lot],
  );

  const importRows = useCallback(
    async (preview: CsvPreview) => {
      const good = preview.rows.filter((r) => r.errors.length === 0 && r.readings.length > 0);
      const base = new Map(
        preview.mapping.columns.map((c) => [c.characteristicId, nextSample(c.characteristicId)]),
      );
      const readings = good.flatMap((row, i) =>
        row.readings.map((r) => ({
          id: uuidv7(),
          characteristicId: r.characteristicId,
          sample: (base.get(r.characteristicId) ?? 1) + i,
          ...(row.serial ? { serial: row.serial } : {}),
          ...(lot.characteristics.find((c) => c.id === r.characteristicId)?.type === 'count'
            ? { count: r.value }
            : { value: r.value }),
        })),
      );
      setState({ phase: 'importing', preview, done: 0, total: readings.length });
      for (let i = 0; i < readings.length; i += MAX_IMPORT_READINGS) {
        if (cancelled.current) break;
        const slice = readings.slice(i, i + MAX_IMPORT_READINGS);
        const outcome = await mutate('inspection.import', { lotId: lot.id, readings: slice });
        if (!outcome.ok) {
          setState({ phase: 'failed', error: outcome.error, params: outcome.params });
          return;
        }
        setState({ phase: 'importing', preview, done: i + slice.length, total: readings.length });
      }
      setState({ phase: 'done', imported: good.length });
    },
    [lot, mutate, nextSample],
  );

  const reset = useCallback(() => {
    cancelled.current = true;
    setState({ phase: 'idle' });
  }, []);

  return { state, read, importRows, reset };
}
