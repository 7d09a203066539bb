import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../src-shared/api/auth';
import type { ApiResult } from '../../api/http';
import { useSession } from '../../auth/use-session';
import type { MessageRef } from '../../components/zod-rules';
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

export function useAdminUsers(): AdminUsers {
  const { token, user: me } = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [users, setUsers] = useState<User[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<MessageRef | undefined>();

  const apply = useCallback((r: ApiResult<User[]>) => {
    setLoading(false);
    if (r.ok) {
      setUsers([...r.value].sort((a, b) => a.username.localeCompare(b.username)));
      setLoadError(undefined);
    } else {
      setLoadError({ key: `errors.${r.error}` });
    }
  }, []);

  useEffect(() => {
    let live = true;
    void listUsers(token).then((r) => {
      if (live) apply(r);
    });
    return () => {
      live = false;
    };
  }, [token, apply]);

  const reload = useCallback(async () => {
    setLoading(true);
    apply(await listUsers(token));
  }, [token, apply]);

  const upsert = useCallback((user: User) => {
    setUsers((list) =>
      [...list.filter((u) => u.id !== user.id), user].sort((a, b) =>
        a.username.localeCompare(b.username),
      ),
    );
  }, []);

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
    users,
    loading,
    loadError: loadError ? t(loadError.key as never) : undefined,
    reload,
    toggleDisabled,
    upsert,
    selfId: me.id,
  };
}
