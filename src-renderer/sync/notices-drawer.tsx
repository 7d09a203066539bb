import { App, Button, Drawer, Empty, List, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { intlLocaleOf } from '../i18n/language';
import { useLanguage } from '../i18n/use-language';
import { describeFields, describeRefusal } from './describe-change';
import { useMutate, useUserDb } from './use-sync';

interface Notice {
  id: string;
  type: string;
  subjectLabel: string;
  fields: string[];
  /** plan-conflict: the line and the batches the server found overlapping. */
  lineLabel?: string;
  with?: string[];
  byName?: string;
  byUserId: string;
  at: string;
  read: boolean;
}

export function useUnreadNotices(): number {
  const db = useUserDb();
  return (
    useLiveQuery(
      () =>
        db
          ?.domain('notice')
          .filter((n) => n.read !== true)
          .count() ?? 0,
      [db],
    ) ?? 0
  );
}

/** Notices addressed to this user, e.g. that another planner's later move now stands. */
export function NoticesDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const db = useUserDb();
  const mutate = useMutate();
  const { message } = App.useApp();
  const markRead = async (id: string) => {
    const result = await mutate('notice.dismiss', { id });
    if (!result.ok) {
      const phrase = describeRefusal(result.error, result.params, (s) => s);
      void message.error(t(phrase.key as never, phrase.values));
    }
  };
  const notices =
    useLiveQuery(
      async () => ((await db?.domain('notice').toArray()) ?? []) as unknown as Notice[],
      [db],
    ) ?? [];
  const unread = notices.filter((n) => !n.read).sort((a, b) => (a.at < b.at ? 1 : -1));

  return (
    <Drawer open={open} onClose={onClose} title={t('sync.notices.title')} data-testid="notices">
      {unread.length === 0 ? (
        <Empty description={t('sync.notices.empty')} />
      ) : (
        <List
          dataSource={unread}
          rowKey="id"
          renderItem={(n) => (
            <List.Item
              data-testid="notice"
              data-notice-type={n.type}
              actions={[
                <Button key="read" onClick={() => void markRead(n.id)}>
                  {t('sync.notices.dismiss')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  n.type === 'plan-conflict'
                    ? t('sync.notices.planConflict', {
                        subject: n.subjectLabel,
                        line: n.lineLabel ?? '',
                        with: new Intl.ListFormat(intlLocaleOf(language), {
                          type: 'conjunction',
                        }).format(n.with ?? []),
                      })
                    : t('sync.notices.planOverridden', {
                        by: n.byName ?? n.byUserId,
                        subject: n.subjectLabel,
                        fields: describeFields(
                          n.fields,
                          (f) => t(`sync.fields.${f}` as never),
                          intlLocaleOf(language),
                        ),
                      })
                }
                description={
                  <Typography.Text type="secondary">
                    {formatDateTime(n.at, language)}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
