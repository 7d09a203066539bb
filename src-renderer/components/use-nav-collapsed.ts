import { useCallback, useEffect, useState } from 'react';
import { metaDb } from '../db/meta-db';

/** Whether the side navigation is folded to icons; remembered on this PC. */
export function useNavCollapsed(): { collapsed: boolean; setCollapsed: (c: boolean) => void } {
  const [collapsed, setState] = useState(false);

  useEffect(() => {
    let live = true;
    metaDb()
      .getSetting('navCollapsed')
      .then((saved) => {
        if (live && typeof saved === 'boolean') setState(saved);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const setCollapsed = useCallback((next: boolean) => {
    setState(next);
    void metaDb()
      .setSetting('navCollapsed', next)
      .catch(() => undefined);
  }, []);

  return { collapsed, setCollapsed };
}
