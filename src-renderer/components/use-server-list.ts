import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../api/http';
import { useSession } from '../auth/use-session';
import type { MessageRef } from './zod-rules';

/**
 * A list that lives only on the server, not in the synced local data (users, portal keys,
 * outgoing mail): loaded when shown, reloadable, kept in `order`; a row the server sends back
 * after a change replaces its old copy without a reload. With `refreshMs` it also reloads by
 * itself while mounted. Offline, the load error says so rather than passing an old list off
 * as current; it is kept as a key, so it follows a language switch.
 */
export function useServerList<T extends { id: string }>(
  load: (token: string) => Promise<ApiResult<T[]>>,
  order: (items: readonly T[]) => T[],
  refreshMs?: number,
) {
  const { token } = useSession();
  const { t } = useTranslation();
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<MessageRef | undefined>();

  const apply = useCallback(
    (r: ApiResult<T[]>) => {
      setLoading(false);
      if (r.ok) {
        setItems(order(r.value));
        setLoadError(undefined);
      } else {
        setLoadError({ key: `errors.${r.error}` });
      }
    },
    [order],
  );

  useEffect(() => {
    let live = true;
    const tick = () =>
      void load(token).then((r) => {
        if (live) apply(r);
      });
    tick();
    const timer = refreshMs ? setInterval(tick, refreshMs) : undefined;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [token, load, apply, refreshMs]);

  const reload = useCallback(async () => {
    setLoading(true);
    apply(await load(token));
  }, [token, load, apply]);

  const upsert = useCallback(
    (item: T) =>
      setItems((list) =>
        order(
          list.some((i) => i.id === item.id)
            ? list.map((i) => (i.id === item.id ? item : i))
            : [...list, item],
        ),
      ),
    [order],
  );

  return {
    items,
    loading,
    loadError: loadError ? t(loadError.key as never) : undefined,
    reload,
    upsert,
  };
}
