import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIL_STATES, type MailItem, type MailState } from '../../../src-shared/api/mail';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { useMailOutbox } from './use-mail-outbox';

const STATE_COLORS: Record<MailState, string> = {
  pending: 'blue',
  failed: 'red',
  sent: 'green',
};

/**
 * Shipment notices as the server's mail queue has them: what went out, what still waits
 * (with the last error), and what gave up and can be sent again once the mail server works.
 */
export function MailOutbox() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const outbox = useMailOutbox();

  return (
    <Card
      size="small"
      title={t('warehouse.mail.title')}
      data-testid="mail-outbox"
      extra={
        <Space>
          <Segmented<MailState | 'all'>
            data-testid="mail-filter"
            value={outbox.filter}
            onChange={outbox.setFilter}
            options={[...MAIL_STATES, 'all' as const].map((s) => ({
              value: s,
              label: t(`warehouse.mail.filters.${s}`),
            }))}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void outbox.reload()}
            aria-label={t('common.refresh')}
          />
        </Space>
      }
    >
      {outbox.loadError ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="mail-load-error"
          message={outbox.loadError}
        />
      ) : null}
      <Table<MailItem>
        size="small"
        rowKey="id"
        data-testid="mail-list"
        loading={outbox.loading}
        dataSource={outbox.mails}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t(`warehouse.mail.empty.${outbox.filter}`) }}
        onRow={(m) =>
          ({
            'data-state': m.state,
            'data-shipment': m.shipmentNumber ?? '',
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('warehouse.mail.state'),
            render: (_: unknown, m) => (
              <Tag color={STATE_COLORS[m.state]} data-testid="mail-state">
                {t(`warehouse.mail.states.${m.state}`)}
              </Tag>
            ),
          },
          {
            title: t('warehouse.mail.shipment'),
            render: (_: unknown, m) => m.shipmentNumber ?? '—',
          },
          { title: t('warehouse.mail.to'), dataIndex: 'to' },
          { title: t('warehouse.mail.attempts'), dataIndex: 'attempts', align: 'right' },
          {
            title: t('warehouse.mail.lastError'),
            render: (_: unknown, m) =>
              m.lastError ? (
                <Typography.Text
                  type="danger"
                  ellipsis={{ tooltip: m.lastError }}
                  style={{ maxWidth: 320 }}
                >
                  {m.lastError}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: t('warehouse.mail.when'),
            render: (_: unknown, m) =>
              formatDateTime(
                m.sentAt ?? (m.state === 'pending' ? m.nextAttemptAt : undefined) ?? m.createdAt,
                language,
              ),
          },
          {
            title: '',
            render: (_: unknown, m) =>
              m.state === 'sent' ? null : (
                <Button
                  size="small"
                  data-testid="mail-retry"
                  loading={outbox.retrying.has(m.id)}
                  onClick={() => void outbox.retry(m)}
                >
                  {t('warehouse.mail.retry')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
