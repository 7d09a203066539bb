import { Select, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import type { LineOption } from './use-plan';

/**
 * The plan as a list: each batch with its line, which can be changed here (the schedule
 * board of the planning issue drags the same mutation). A batch the server has not confirmed
 * yet is marked, and so is a provisional number.
 */
export function BatchTable({
  batches,
  lines,
  pendingIds,
  lineLabel,
  onMove,
}: {
  batches: BatchRecord[];
  lines: LineOption[];
  pendingIds: Set<string>;
  lineLabel: (line: LineOption) => string;
  onMove: (batch: BatchRecord, lineId: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Table<BatchRecord>
      size="small"
      rowKey="id"
      dataSource={batches}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      data-testid="batch-table"
      onRow={(b) => ({ 'data-batch-number': b.number }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('planning.number'),
          dataIndex: 'number',
          render: (_: unknown, b) => (
            <span data-testid="batch-number">
              {b.number}{' '}
              {b.numberProvisional ? (
                <Tooltip title={t('planning.provisionalHelp')}>
                  <Tag color="orange">{t('planning.provisional')}</Tag>
                </Tooltip>
              ) : null}
              {pendingIds.has(b.id) ? <Tag color="blue">{t('planning.unsynced')}</Tag> : null}
            </span>
          ),
        },
        { title: t('planning.model'), dataIndex: 'model' },
        {
          title: t('planning.quantity'),
          dataIndex: 'quantity',
          align: 'right',
          render: (q: number) => formatNumber(q, language),
        },
        {
          title: t('planning.line'),
          dataIndex: 'lineId',
          render: (_: unknown, b) => (
            <Select
              size="small"
              style={{ width: 200 }}
              value={b.lineId}
              aria-label={`${t('planning.line')} ${b.number}`}
              data-testid="batch-line"
              options={lines.map((l) => ({ value: l.id, label: lineLabel(l) }))}
              onChange={(lineId: string) => onMove(b, lineId)}
            />
          ),
        },
        {
          title: t('planning.start'),
          dataIndex: 'start',
          render: (v: string) => formatDateTime(v, language),
        },
        {
          title: t('planning.end'),
          dataIndex: 'end',
          render: (v: string) => formatDateTime(v, language),
        },
        {
          title: t('planning.state'),
          dataIndex: 'state',
          render: (s: string) => t(`planning.states.${s}` as never),
        },
      ]}
    />
  );
}
