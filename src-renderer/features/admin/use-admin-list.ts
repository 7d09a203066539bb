import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../api/http';
import { useSession } from '../../auth/use-session';
import type { MessageRef } from '../../components/zod-rules';

/**
 * A list the admin screen reads from the server (users, portal keys): loaded on sign-in,
 * reloadable, kept in `order`; a row the server sends back after a change replaces its old
 * copy without a reload. The load error is kept as a key, so it follows a language switch.
 */
export function useAdminList<T extends { id: string }>(
  load: (token: string) => Promise<ApiResult<T[]>>,
  order: (items: readonly T[]) => T[],
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
    void load(token).then((r) => {
      if (live) apply(r);
    });
    return () => {
      live = false;
    };
  }, [token, load, apply]);

  const reload = useCallback(async () => {
    setLoading(true);
    apply(await load(token));
  }, [token, load, apply]);

  const upsert = useCallback(
    (item: T) => setItems((list) => order([...list.filter((i) => i.id !== item.id), item])),
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
