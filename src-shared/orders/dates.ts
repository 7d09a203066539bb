/**
 * Calendar dates as ISO strings (YYYY-MM-DD), in UTC so that adding days never meets a
 * daylight-saving gap. Fixed width, so string comparison is date order.
 */

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date of an ISO timestamp (UTC). */
export function dateOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}

export function latestDate(dates: readonly (string | undefined)[]): string | undefined {
  let latest: string | undefined;
  for (const d of dates) if (d !== undefined && (latest === undefined || d > latest)) latest = d;
  return latest;
}
