import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailItem, MailState } from '../../../src-shared/api/mail';
import { useSession } from '../../auth/use-session';
import { useServerList } from '../../components/use-server-list';
import { listMail, retryMail } from './mail-api';

/** How often the list refreshes by itself while open: a retried mail goes out within seconds. */
const REFRESH_MS = 3000;

export interface MailOutbox {
  mails: MailItem[];
  filter: MailState | 'all';
  setFilter: (filter: MailState | 'all') => void;
  loading: boolean;
  /** Why the list could not be loaded (offline, no rights), in the reader's language. */
  loadError: string | undefined;
  reload: () => Promise<void>;
  retry: (mail: MailItem) => Promise<void>;
  /** Ids being retried right now. */
  retrying: ReadonlySet<string>;
}

/**
 * The server's outgoing mail, for the warehouse: the list lives only on the server (it is
 * not synced), so it needs the network; offline the screen says so instead of showing an
 * old list as if it were current.
 */
/** The server's order (newest first) is kept: a retried mail stays where it was. */
const asSent = (mails: readonly MailItem[]) => [...mails];

export function useMailOutbox(): MailOutbox {
  const { token } = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<MailState | 'all'>('failed');
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());
  const load = useCallback(
    (session: string) => listMail(session, filter === 'all' ? undefined : filter),
    [filter],
  );
  const list = useServerList(load, asSent, REFRESH_MS);
  const { upsert } = list;

  const retry = useCallback(
    async (mail: MailItem) => {
      setRetrying((s) => new Set([...s, mail.id]));
      try {
        const r = await retryMail(token, mail.id);
        if (r.ok) {
          void message.success(t('warehouse.mail.retried', { to: mail.to }));
          upsert(r.value);
        } else void message.error(t(`errors.${r.error}` as never));
      } finally {
        setRetrying((s) => new Set([...s].filter((id) => id !== mail.id)));
      }
    },
    [token, upsert, message, t],
  );

  return {
    mails: list.items,
    filter,
    setFilter,
    loading: list.loading,
    loadError: list.loadError,
    reload: list.reload,
    retry,
    retrying,
  };
}
