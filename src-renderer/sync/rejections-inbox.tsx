import { App, Button, Drawer, Empty, List, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { describeMutation, describeRefusal } from './describe-change';
import { useSyncActions, useUserDb } from './use-sync';

/** What the server refused, in the user's language, with a way to redo or dismiss each. */
export function RejectionsInbox({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const db = useUserDb();
  const { redo, dismiss } = useSyncActions();
  const rejections = useLiveQuery(() => db?.rejections.orderBy('seq').toArray() ?? [], [db]) ?? [];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('sync.rejections.title')}
      size="large"
      data-testid="rejections-inbox"
    >
      <Typography.Paragraph type="secondary">{t('sync.rejections.intro')}</Typography.Paragraph>
      {rejections.length === 0 ? (
        <Empty description={t('sync.rejections.empty')} />
      ) : (
        <List
          dataSource={rejections}
          rowKey="mutationId"
          renderItem={(r) => {
            const what = describeMutation(r.name);
            const why = describeRefusal(r.code, r.params, (s) => t(`orderStates.${s}` as never));
            return (
              <List.Item
                data-testid="rejection"
                actions={[
                  <Button
                    key="redo"
                    onClick={async () => {
                      const result = await redo(r.mutationId);
                      if (result.ok) void message.success(t('sync.rejections.redone'));
                      else
                        void message.error(
                          t(describeRefusal(result.error, result.params, (s) => s).key as never),
                        );
                    }}
                  >
                    {t('sync.rejections.redo')}
                  </Button>,
                  <Button key="dismiss" onClick={() => void dismiss(r.mutationId)}>
                    {t('sync.rejections.dismiss')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={t(what.key as never, what.values)}
                  description={
                    <Space direction="vertical" size={0}>
                      <Typography.Text type="danger">
                        {t(why.key as never, why.values)}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        {t('sync.rejections.madeAt', {
                          time: formatDateTime(r.clientTime, language),
                        })}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Drawer>
  );
}
