import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalKeyInfo } from '../../../src-shared/api/portal';
import { useSession } from '../../auth/use-session';
import { useServerList } from '../../components/use-server-list';
import { bindPortalKey, listPortalKeys, revokePortalKey } from './admin-api';

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
  /** Replaces the key's customers; answers the translated refusal, or undefined. */
  bind: (key: PortalKeyInfo, customers: string[]) => Promise<string | undefined>;
}

export function usePortalKeys(): PortalKeys {
  const { token } = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useServerList(listPortalKeys, sortPortalKeys);
  const { upsert } = list;

  const revoke = useCallback(
    async (key: PortalKeyInfo) => {
      const r = await revokePortalKey(token, key.id);
      if (r.ok) {
        upsert(r.value);
        void message.success(t('admin.portalKeys.revokedDone', { name: key.name }));
      } else {
        void message.error(t(`errors.${r.error}`));
      }
    },
    [token, upsert, message, t],
  );

  const bind = useCallback(
    async (key: PortalKeyInfo, customers: string[]) => {
      const r = await bindPortalKey(token, key.id, { customers });
      if (!r.ok) return t(`errors.${r.error}`);
      upsert(r.value);
      void message.success(t('admin.portalKeys.boundDone', { name: key.name }));
      return undefined;
    },
    [token, upsert, message, t],
  );

  return {
    keys: list.items,
    loading: list.loading,
    loadError: list.loadError,
    reload: list.reload,
    revoke,
    bind,
  };
}
