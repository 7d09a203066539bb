import { useEffect, useState } from 'react';

/** The PC's clock, refreshed every `everyMs` (the board's now line, the workshop's today). */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
