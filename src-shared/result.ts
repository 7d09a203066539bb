/** The answer shape of every IPC handler and of fallible domain functions. */
export type Result<T, E extends string = string> =
  { ok: true; value: T } | { ok: false; error: E; message?: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E extends string>(
  error: E,
  message?: string,
): { ok: false; error: E; message?: string } {
  return message === undefined ? { ok: false, error } : { ok: false, error, message };
}
