import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { DepartmentPage } from '../../components/department-page';
import { useLanguage } from '../../i18n/use-language';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';
import { BatchTable } from './batch-table';
import { PlanBatchForm } from './plan-batch-form';
import { usePlan, type LineOption } from './use-plan';

/** Planning: batches on lines. Every change is a sync mutation and works offline. */
export function PlanningPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const mutate = useMutate();
  const { batches, lines, products, pendingIds } = usePlan();
  const lineLabel = (l: LineOption) =>
    `${l.code} · ${language === 'zh-CN' ? l.name.zh : l.name.en}`;

  const move = async (batch: BatchRecord, lineId: string) => {
    const result = await mutate('batch.move', {
      batchId: batch.id,
      baseVersion: batch._v ?? 0,
      lineId,
    });
    if (!result.ok) {
      const phrase = describeRefusal(result.error, result.params, (s) => s);
      void message.error(t(phrase.key as never, phrase.values));
    }
  };

  return (
    <DepartmentPage id="planning">
      <PlanBatchForm lines={lines} products={products} lineLabel={lineLabel} />
      <BatchTable
        batches={batches}
        lines={lines}
        pendingIds={pendingIds}
        lineLabel={lineLabel}
        onMove={(b, lineId) => void move(b, lineId)}
      />
    </DepartmentPage>
  );
}
