import { Button, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import type { ScheduleModel } from './schedule-model';
import { useOrderBacklog, type BacklogLine } from './use-order-backlog';

/** Accepted orders with lines not yet covered by batches; one click splits and places them. */
export function OrderBacklog({ model }: { model: ScheduleModel }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { rows, planLine, busy } = useOrderBacklog(model);
  if (rows.length === 0) return <Empty description={t('planning.backlog.empty')} />;
  return (
    <Table<BacklogLine>
      size="small"
      rowKey={(r) => `${r.orderId}:${r.lineKey}`}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="order-backlog"
      columns={[
        { title: t('planning.backlog.order'), dataIndex: 'orderNumber' },
        { title: t('planning.model'), dataIndex: 'model' },
        {
          title: t('planning.backlog.open'),
          align: 'right',
          render: (_: unknown, r) =>
            `${formatNumber(r.open, language)} / ${formatNumber(r.ordered, language)}`,
        },
        {
          title: t('planning.backlog.promised'),
          dataIndex: 'promisedDate',
          render: (d?: string) => (d ? formatDate(d, language) : '—'),
        },
        {
          title: t('planning.backlog.lineFor'),
          render: (_: unknown, r) =>
            r.lineId ? (
              model.lineLabels.get(r.lineId)
            ) : (
              <Tag color="red">{t('planning.backlog.noLine')}</Tag>
            ),
        },
        {
          title: '',
          render: (_: unknown, r) => (
            <Button
              size="small"
              disabled={!r.lineId}
              loading={busy === `${r.orderId}:${r.lineKey}`}
              onClick={() => void planLine(r)}
              data-testid="plan-order-line"
            >
              {t('planning.backlog.plan')}
            </Button>
          ),
        },
      ]}
    />
  );
}
