import { Card, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { productionGate } from '../../../src-shared/quality/release-gate';
import { CorrectiveActionTable } from '../../components/corrective-actions';
import { DepartmentPage } from '../../components/department-page';
import { useUserDb } from '../../sync/use-sync';
import { FeasibilityQueue } from '../orders';
import { TodaysBatches } from './todays-batches';

/**
 * Production: the corrective actions quality assigned to the line, with their due dates, and
 * the batches quality holds (which may not move on until the NCR is dispositioned).
 */
export function ProductionPage() {
  const { t } = useTranslation();
  const db = useUserDb();
  const held =
    useLiveQuery(async () => {
      if (!db) return [];
      const batches = (await db.domain('batch').toArray()) as (BatchRecord & {
        quality?: unknown;
      })[];
      return batches.filter((b) => !productionGate(b).allowed);
    }, [db]) ?? [];
  return (
    <DepartmentPage id="production">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <TodaysBatches />
        <FeasibilityQueue />
        <Card size="small" title={t('quality.production.actions')}>
          <CorrectiveActionTable assignee="production" />
        </Card>
        <Card size="small" title={t('quality.production.held')}>
          <Table
            size="small"
            rowKey="id"
            dataSource={held}
            data-testid="held-batches"
            pagination={false}
            locale={{ emptyText: t('quality.production.noneHeld') }}
            columns={[
              { title: t('quality.release.batch'), dataIndex: 'number' },
              { title: t('quality.lot.model'), dataIndex: 'model' },
              { title: t('quality.release.quantity'), dataIndex: 'quantity' },
              {
                title: t('quality.release.hold'),
                render: (_: unknown, b: BatchRecord & { quality?: unknown }) => (
                  <Tag color="red">{t(`quality.production.gate.${productionGate(b).reason}`)}</Tag>
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </DepartmentPage>
  );
}
