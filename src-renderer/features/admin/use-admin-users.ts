import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../src-shared/api/auth';
import { useSession } from '../../auth/use-session';
import { useServerList } from '../../components/use-server-list';
import { listUsers, setUserDisabled } from './admin-api';

export interface AdminUsers {
  users: User[];
  loading: boolean;
  /** Why the list could not be loaded, or undefined. */
  loadError: string | undefined;
  reload: () => Promise<void>;
  toggleDisabled: (user: User) => Promise<void>;
  /** Someone else changed: put the server's copy in the list without a reload. */
  upsert: (user: User) => void;
  /** The signed-in admin's own id: they may not disable themselves. */
  selfId: string;
}

const byUsername = (users: readonly User[]) =>
  [...users].sort((a, b) => a.username.localeCompare(b.username));

export function useAdminUsers(): AdminUsers {
  const { token, user: me } = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useServerList(listUsers, byUsername);
  const { upsert } = list;

  const toggleDisabled = useCallback(
    async (user: User) => {
      const r = await setUserDisabled(token, user.id, !user.disabled);
      if (r.ok) {
        upsert(r.value);
        void message.success(
          t(r.value.disabled ? 'admin.users.disabledDone' : 'admin.users.enabledDone', {
            username: user.username,
          }),
        );
      } else {
        void message.error(t(`errors.${r.error}`));
      }
    },
    [token, upsert, message, t],
  );

  return {
    users: list.items,
    loading: list.loading,
    loadError: list.loadError,
    reload: list.reload,
    toggleDisabled,
    upsert,
    selfId: me.id,
  };
}
