import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { holdsOf, summaryOf } from '../../../src-shared/quality/ncr';
import { releaseGate } from '../../../src-shared/quality/release-gate';
import type { QualityBatch } from './use-quality-data';

/** Every batch with its hold and whether it may be packed, and why (the release gate). */
export function ReleasePanel({ batches }: { batches: QualityBatch[] }) {
  const { t } = useTranslation();
  return (
    <Table<QualityBatch>
      size="small"
      rowKey="id"
      dataSource={batches}
      data-testid="release-table"
      pagination={{ pageSize: 30, hideOnSinglePage: true }}
      onRow={(b) => ({ 'data-batch-number': b.number }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('quality.release.batch'), dataIndex: 'number' },
        { title: t('quality.lot.model'), dataIndex: 'model' },
        { title: t('quality.release.quantity'), dataIndex: 'quantity', align: 'right' },
        {
          title: t('quality.release.hold'),
          render: (_: unknown, b) =>
            holdsOf(summaryOf(b)).length > 0 ? (
              <Tag color="red">{t('quality.ncr.onHold')}</Tag>
            ) : null,
        },
        {
          title: t('quality.release.gate'),
          render: (_: unknown, b) => {
            const gate = releaseGate(b);
            return (
              <Tag
                color={gate.allowed ? 'success' : 'error'}
                data-testid="release-gate"
                data-allowed={gate.allowed}
              >
                {t(gate.allowed ? 'quality.release.mayPack' : 'quality.release.mayNotPack')}:{' '}
                {t(`quality.gate.${gate.reason}`)}
              </Tag>
            );
          },
        },
      ]}
    />
  );
}
