import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalKeyInfo } from '../../../src-shared/api/portal';
import type { ApiResult } from '../../api/http';
import { useSession } from '../../auth/use-session';
import type { MessageRef } from '../../components/zod-rules';
import { listPortalKeys, revokePortalKey } from './admin-api';

export type PortalKeyState = 'active' | 'revoked';

export function portalKeyState(key: PortalKeyInfo): PortalKeyState {
  return key.revokedAt ? 'revoked' : 'active';
}

/** Working keys first (those are the ones an admin acts on), then by name. */
export function sortPortalKeys(keys: readonly PortalKeyInfo[]): PortalKeyInfo[] {
  const rank = (k: PortalKeyInfo) => (portalKeyState(k) === 'active' ? 0 : 1);
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export interface PortalKeys {
  keys: PortalKeyInfo[];
  loading: boolean;
  /** Why the list could not be loaded, or undefined. */
  loadError: string | undefined;
  reload: () => Promise<void>;
  revoke: (key: PortalKeyInfo) => Promise<void>;
}

export function usePortalKeys(): PortalKeys {
  const { token } = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [keys, setKeys] = useState<PortalKeyInfo[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<MessageRef | undefined>();

  const apply = useCallback((r: ApiResult<PortalKeyInfo[]>) => {
    setLoading(false);
    if (r.ok) {
      setKeys(sortPortalKeys(r.value));
      setLoadError(undefined);
    } else {
      setLoadError({ key: `errors.${r.error}` });
    }
  }, []);

  useEffect(() => {
    let live = true;
    void listPortalKeys(token).then((r) => {
      if (live) apply(r);
    });
    return () => {
      live = false;
    };
  }, [token, apply]);

  const reload = useCallback(async () => {
    setLoading(true);
    apply(await listPortalKeys(token));
  }, [token, apply]);

  const revoke = useCallback(
    async (key: PortalKeyInfo) => {
      const r = await revokePortalKey(token, key.id);
      if (r.ok) {
        setKeys((list) => sortPortalKeys([...list.filter((k) => k.id !== r.value.id), r.value]));
        void message.success(t('admin.portalKeys.revokedDone', { name: key.name }));
      } else {
        void message.error(t(`errors.${r.error}`));
      }
    },
    [token, message, t],
  );

  return {
    keys,
    loading,
    loadError: loadError ? t(loadError.key as never) : undefined,
    reload,
    revoke,
  };
}
