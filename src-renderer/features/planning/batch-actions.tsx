import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleModel } from './schedule-model';
import { useBatchEdit } from './use-batch-edit';

/** Split, merge and release for the batches selected on the board. */
export function BatchActions({
  model,
  selection,
}: {
  model: ScheduleModel;
  selection: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const { split, merge, release } = useBatchEdit(model);
  const [splitting, setSplitting] = useState<string | null>(null);
  const [parts, setParts] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = [...selection].filter((id) => model.batches.has(id));
  const one = ids.length === 1 ? model.batches.get(ids[0] as string) : undefined;
  const submit = async () => {
    if (!splitting) return;
    const quantities = parts
      .split(/[,\s，、]+/)
      .filter(Boolean)
      .map(Number);
    const problem = await split(splitting, quantities);
    setError(problem);
    if (!problem) setSplitting(null);
  };
  return (
    <>
      <Button
        disabled={!one || (one.state !== 'planned' && one.state !== 'released')}
        onClick={() => {
          if (!one) return;
          setParts(`${Math.ceil(one.quantity / 2)}, ${Math.floor(one.quantity / 2)}`);
          setError(null);
          setSplitting(one.id);
        }}
        data-testid="batch-split"
      >
        {t('planning.split.button')}
      </Button>
      <Button disabled={ids.length < 2} onClick={() => void merge(ids)} data-testid="batch-merge">
        {t('planning.merge.button')}
      </Button>
      <Button
        disabled={ids.length === 0}
        onClick={() => void release(ids)}
        data-testid="batch-release"
      >
        {t('planning.release.button')}
      </Button>
      <Modal
        open={splitting !== null}
        title={t('planning.split.title', { number: one?.number ?? '' })}
        onCancel={() => setSplitting(null)}
        onOk={() => void submit()}
        okText={t('planning.split.button')}
      >
        <Form layout="vertical">
          <Form.Item
            label={t('planning.split.parts', { quantity: one?.quantity ?? 0 })}
            {...(error ? { validateStatus: 'error' as const, help: error } : {})}
          >
            <Input
              value={parts}
              onChange={(e) => setParts(e.target.value)}
              data-testid="split-parts"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
