import { App, Button, Card, Empty, Form, InputNumber, Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BatchRecord, type RunStep } from '../../../src-shared/planning/batch-mutations';
import { batchOnHold } from '../../../src-shared/quality/release-gate';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { describeRefusal } from '../../sync/describe-change';
import type { MutateResult } from '../../sync/sync-engine';
import { useTodaysBatches } from './use-todays-batches';
import './production.css';

function BatchRow({
  batch,
  orderNumber,
  onRun,
  onReport,
}: {
  batch: BatchRecord;
  orderNumber: string | undefined;
  onRun: (step: RunStep) => Promise<MutateResult>;
  onReport: (good: number, scrap: number) => Promise<MutateResult>;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ good?: number; scrap?: number }>();
  const [fieldError, setFieldError] = useState<{ field: 'good' | 'scrap'; text: string } | null>(
    null,
  );
  const held = batchOnHold(batch);
  const refused = (result: MutateResult) => {
    if (result.ok) return false;
    const phrase = describeRefusal(result.error, result.params, (s) => s);
    const text = t(phrase.key as never, phrase.values);
    const field = String(result.params.path ?? '');
    if (field === 'good' || field === 'scrap') setFieldError({ field, text });
    else void message.error(text);
    return true;
  };
  const step = async (s: RunStep) => void refused(await onRun(s));
  const submit = async (values: { good?: number; scrap?: number }) => {
    setFieldError(null);
    const result = await onReport(values.good ?? 0, values.scrap ?? 0);
    if (!refused(result)) {
      form.resetFields();
      void message.success(t('planning.production.reported'));
    }
  };
  const errorFor = (field: 'good' | 'scrap') =>
    fieldError?.field === field ? { validateStatus: 'error' as const, help: fieldError.text } : {};
  return (
    <div
      className="production-batch"
      data-testid="production-batch"
      data-batch-number={batch.number}
    >
      <strong>{batch.number}</strong>
      {orderNumber ? (
        <span>
          {t('planning.production.order')} {orderNumber}
        </span>
      ) : null}
      <span>
        {batch.model} × {formatNumber(batch.quantity, language)}
      </span>
      <span>
        {formatDateTime(batch.start, language)} – {formatDateTime(batch.end, language)}
      </span>
      <Tag data-testid="batch-state">{t(`planning.states.${batch.state}` as never)}</Tag>
      {batch.paused ? <Tag color="orange">{t('planning.production.paused')}</Tag> : null}
      {held ? (
        <Tooltip title={t('planning.production.holdHelp')}>
          <Tag color="red" data-testid="batch-hold">
            {t('planning.production.hold')}
          </Tag>
        </Tooltip>
      ) : null}
      <span data-testid="batch-progress">
        {t('planning.production.progress', {
          good: formatNumber(batch.good ?? 0, language),
          quantity: formatNumber(batch.quantity, language),
          scrap: formatNumber(batch.scrap ?? 0, language),
        })}
      </span>
      <Space>
        {batch.state !== 'running' ? (
          <Button
            type="primary"
            disabled={held}
            onClick={() => void step('start')}
            data-testid="batch-start"
          >
            {t('planning.production.start')}
          </Button>
        ) : batch.paused ? (
          <Button disabled={held} onClick={() => void step('resume')} data-testid="batch-resume">
            {t('planning.production.resume')}
          </Button>
        ) : (
          <Button onClick={() => void step('pause')} data-testid="batch-pause">
            {t('planning.production.pause')}
          </Button>
        )}
        {batch.state === 'running' ? (
          <Button onClick={() => void step('complete')} data-testid="batch-complete">
            {t('planning.production.complete')}
          </Button>
        ) : null}
      </Space>
      {batch.state === 'running' ? (
        <Form
          form={form}
          layout="inline"
          onFinish={(v) => void submit(v)}
          data-testid="report-form"
        >
          <Form.Item name="good" label={t('planning.production.good')} {...errorFor('good')}>
            <InputNumber min={0} data-testid="report-good" />
          </Form.Item>
          <Form.Item name="scrap" label={t('planning.production.scrap')} {...errorFor('scrap')}>
            <InputNumber min={0} data-testid="report-scrap" />
          </Form.Item>
          <Button htmlType="submit" data-testid="report-submit">
            {t('planning.production.report')}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}

/** Today's batches per line, for the workshop: start, pause, report good and scrap, complete. */
export function TodaysBatches() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [now, setNow] = useState(() => Date.now());
  // The day rolls over at midnight on a PC that stays on for the night shift.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const { lines, orderNumbers, run, report } = useTodaysBatches(now);
  return (
    <section data-testid="todays-batches" aria-label={t('planning.production.today')}>
      {lines.map((line) => (
        <Card
          key={line.id}
          size="small"
          className="production-line-card"
          title={`${line.label.code} · ${language === 'zh-CN' ? line.label.zh : line.label.en}`}
          data-testid="production-line"
          data-line-code={line.label.code}
        >
          {line.batches.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('planning.production.empty')}
            />
          ) : (
            line.batches.map((b) => (
              <BatchRow
                key={b.id}
                batch={b}
                orderNumber={b.orderId ? orderNumbers.get(b.orderId) : undefined}
                onRun={(s) => run(b.id, s)}
                onReport={(g, s) => report(b.id, g, s)}
              />
            ))
          )}
        </Card>
      ))}
    </section>
  );
}
