import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailItem, MailState } from '../../../src-shared/api/mail';
import type { ApiResult } from '../../api/http';
import { useSession } from '../../auth/use-session';
import { listMail, retryMail } from './mail-api';

/** How often the list refreshes by itself while open: a retried mail goes out within seconds. */
const REFRESH_MS = 3000;

export interface MailOutbox {
  mails: MailItem[];
  filter: MailState | 'all';
  setFilter: (filter: MailState | 'all') => void;
  loading: boolean;
  /** The translation key of why the list could not be loaded (offline, no rights), or undefined. */
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
export function useMailOutbox(): MailOutbox {
  const { token } = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<MailState | 'all'>('failed');
  const [mails, setMails] = useState<MailItem[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());

  const apply = useCallback((r: ApiResult<MailItem[]>) => {
    setLoading(false);
    if (r.ok) {
      setMails(r.value);
      setLoadError(undefined);
    } else setLoadError(`errors.${r.error}`);
  }, []);

  const load = useCallback(
    () => listMail(token, filter === 'all' ? undefined : filter),
    [token, filter],
  );

  useEffect(() => {
    let live = true;
    const tick = () =>
      void load().then((r) => {
        if (live) apply(r);
      });
    tick();
    const timer = setInterval(tick, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load, apply]);

  const reload = useCallback(async () => {
    setLoading(true);
    apply(await load());
  }, [load, apply]);

  const retry = useCallback(
    async (mail: MailItem) => {
      setRetrying((s) => new Set([...s, mail.id]));
      try {
        const r = await retryMail(token, mail.id);
        if (r.ok) {
          void message.success(t('warehouse.mail.retried', { to: mail.to }));
          setMails((list) => list.map((m) => (m.id === mail.id ? r.value : m)));
        } else void message.error(t(`errors.${r.error}` as never));
      } finally {
        setRetrying((s) => new Set([...s].filter((id) => id !== mail.id)));
      }
    },
    [token, message, t],
  );

  return { mails, filter, setFilter, loading, loadError, reload, retry, retrying };
}
