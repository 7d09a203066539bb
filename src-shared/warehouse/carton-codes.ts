/**
 * Carton codes: the batch number and a running carton number, so a code read off a label
 * says where the carton came from and stays unique per batch. Code 128 carries it as is.
 */
export function cartonCodes(batchNumber: string, already: number, count: number): string[] {
  const base = batchNumber.replace(/[^\x21-\x7e]/g, '').replace(/~/g, '-');
  return Array.from(
    { length: count },
    (_, i) => `${base}-C${String(already + i + 1).padStart(4, '0')}`,
  );
}
