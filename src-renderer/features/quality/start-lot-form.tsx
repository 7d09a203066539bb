import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../src-shared/ids';
import type { LotTarget } from '../../../src-shared/quality/lot';
import { freezeCharacteristics, type LotCharacteristic } from '../../../src-shared/quality/plan';
import {
  INITIAL_SWITCHING,
  switchingKey,
  switchingOutlook,
} from '../../../src-shared/quality/switching';
import { useLanguage } from '../../i18n/use-language';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';
import { limitsText, localName, samplingText } from './quality-format';
import type { QualityOverview } from './use-quality-data';

interface TargetOption {
  key: string;
  target: LotTarget;
  label: string;
  model: string;
  quantity: number;
  source: string;
}

type Field = 'target' | 'planId' | 'lotSize';

/**
 * Pick or scan the batch or material lot, choose its plan, and see at once the sample size
 * and Ac/Re of every characteristic at the source's current severity, before starting.
 */
export function StartLotForm({
  overview,
  onStarted,
}: {
  overview: QualityOverview;
  onStarted: (lotId: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const mutate = useMutate();
  const [targetKey, setTargetKey] = useState<string | null>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [lotSize, setLotSize] = useState<number | null>(null);
  const [scan, setScan] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [resumeReason, setResumeReason] = useState('');

  const targets: TargetOption[] = useMemo(
    () => [
      ...overview.batches.map((b) => ({
        key: `batch:${b.id}`,
        target: { kind: 'batch' as const, id: b.id },
        label: `${b.number} · ${b.model} · ${b.quantity}`,
        model: b.model,
        quantity: b.quantity,
        source: b.lineId,
      })),
      ...overview.materialLots.map((m) => ({
        key: `material-lot:${m.id}`,
        target: { kind: 'material-lot' as const, id: m.id },
        label: `${m.code} · ${m.name ? localName(m.name, language) : m.material} · ${m.supplierName ?? m.supplierId ?? ''}`,
        model: m.material,
        quantity: m.quantity,
        source: m.supplierId ?? 'supplier',
      })),
    ],
    [overview.batches, overview.materialLots, language],
  );
  const target = targets.find((o) => o.key === targetKey) ?? null;
  const plans = overview.plans.filter((p) => p.active && target && p.model === target.model);
  const plan = plans.find((p) => p.id === planId) ?? null;
  // The record's own quantity is the lot (the server takes it whatever is sent); the field
  // is typed only for a material lot received without one.
  const fixedSize = typeof target?.quantity === 'number' && target.quantity > 0;
  const size = fixedSize ? target.quantity : (lotSize ?? null);
  const switching =
    plan && target
      ? overview.samplingStates.find(
          (s) => s.id === switchingKey(plan.model, plan.stage, target.source),
        )
      : undefined;
  const state = switching ?? INITIAL_SWITCHING;
  const outlook = switchingOutlook(state);
  const preview: LotCharacteristic[] =
    plan && size && size > 0 && state.severity !== 'stopped'
      ? freezeCharacteristics(plan.characteristics, size, state.severity)
      : [];

  const chooseTarget = (key: string | null) => {
    setTargetKey(key);
    setLotSize(null);
    setErrors({});
    const option = targets.find((o) => o.key === key);
    const candidates = overview.plans.filter((p) => p.active && option && p.model === option.model);
    // The final plan is what a finished batch is usually waiting for.
    setPlanId((candidates.find((p) => p.stage === 'final') ?? candidates[0])?.id ?? null);
  };

  const onScan = () => {
    const code = scan.trim().toLowerCase();
    if (!code) return;
    const hit = targets.find((o) => o.label.toLowerCase().split(' · ')[0] === code);
    if (hit) {
      chooseTarget(hit.key);
      setScan('');
    } else {
      setErrors({ target: t('quality.start.notFound', { code: scan.trim() }) });
    }
  };

  const start = async () => {
    const problems: Partial<Record<Field, string>> = {};
    if (!target) problems.target = t('validation.required');
    if (!plan) problems.planId = t(target ? 'quality.start.noPlan' : 'validation.required');
    if (!size || size < 1) problems.lotSize = t('validation.required');
    setErrors(problems);
    if (!target || !plan || !size || Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const id = uuidv7();
      const outcome = await mutate('inspection.start', {
        id,
        planId: plan.id,
        target: target.target,
        lotSize: size,
      });
      if (outcome.ok) {
        onStarted(id);
        setTargetKey(null);
        return;
      }
      const phrase = describeRefusal(outcome.error, outcome.params, (s) => s);
      const text = t(phrase.key as never, phrase.values);
      const field = String(outcome.params.path ?? '') as Field;
      if (['planId', 'lotSize'].includes(field)) setErrors({ [field]: text });
      else void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  const resume = async () => {
    if (!switching || !resumeReason.trim()) return;
    const outcome = await mutate('sampling.resume', {
      key: switching.id,
      reason: resumeReason.trim(),
    });
    if (!outcome.ok) {
      const phrase = describeRefusal(outcome.error, outcome.params, (s) => s);
      void message.error(t(phrase.key as never, phrase.values));
    } else setResumeReason('');
  };

  const fieldError = (f: Field) =>
    errors[f] ? { validateStatus: 'error' as const, help: errors[f] } : {};

  return (
    <Card size="small" title={t('quality.start.title')} data-testid="start-lot">
      <Form layout="vertical" onFinish={() => void start()}>
        <Space wrap align="start">
          <Form.Item label={t('quality.start.scan')} style={{ marginBottom: 8 }}>
            <Input
              value={scan}
              onChange={(e) => setScan(e.target.value)}
              onPressEnter={(e) => {
                e.preventDefault();
                onScan();
              }}
              placeholder={t('quality.start.scanPlaceholder')}
              style={{ width: 200 }}
              data-testid="scan-target"
              autoComplete="off"
            />
          </Form.Item>
          <Form.Item
            label={t('quality.start.target')}
            style={{ marginBottom: 8 }}
            {...fieldError('target')}
          >
            <Select
              showSearch
              allowClear
              value={targetKey}
              onChange={(v: string | undefined) => chooseTarget(v ?? null)}
              optionFilterProp="label"
              style={{ width: 360 }}
              data-testid="start-target"
              options={targets.map((o) => ({ value: o.key, label: o.label }))}
            />
          </Form.Item>
          <Form.Item
            label={t('quality.start.plan')}
            style={{ marginBottom: 8 }}
            {...fieldError('planId')}
          >
            <Select
              value={planId}
              onChange={(v: string) => setPlanId(v)}
              style={{ width: 300 }}
              data-testid="start-plan"
              options={plans.map((p) => ({
                value: p.id,
                label: `${localName(p.name, language)} (${t(`quality.stages.${p.stage}`)})`,
              }))}
            />
          </Form.Item>
          <Form.Item
            label={t('quality.start.lotSize')}
            style={{ marginBottom: 8 }}
            {...fieldError('lotSize')}
          >
            <InputNumber
              min={1}
              value={size}
              disabled={fixedSize}
              onChange={(v) => setLotSize(v)}
              data-testid="start-lot-size"
            />
          </Form.Item>
          <Form.Item label=" " style={{ marginBottom: 8 }}>
            <Button
              type="primary"
              htmlType="submit"
              loading={busy}
              disabled={state.severity === 'stopped'}
              data-testid="start-submit"
            >
              {t('quality.start.submit')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      {plan && target ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type={
              state.severity === 'stopped'
                ? 'error'
                : state.severity === 'tightened'
                  ? 'warning'
                  : 'info'
            }
            showIcon
            data-testid="start-switching"
            message={t('quality.start.severity', {
              severity: t(`quality.severity.${state.severity}`),
            })}
            description={t(`quality.switching.${outlook.code}`, { ...outlook })}
            action={
              state.severity === 'stopped' ? (
                <Space>
                  <Input
                    placeholder={t('quality.start.resumeReason')}
                    value={resumeReason}
                    onChange={(e) => setResumeReason(e.target.value)}
                  />
                  <Button onClick={() => void resume()} disabled={!resumeReason.trim()}>
                    {t('quality.start.resume')}
                  </Button>
                </Space>
              ) : undefined
            }
          />
          {preview.length > 0 ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={preview}
              data-testid="start-preview"
              columns={[
                {
                  title: t('quality.characteristic.name'),
                  render: (_: unknown, c: LotCharacteristic) => localName(c.name, language),
                },
                {
                  title: t('quality.characteristic.limits'),
                  render: (_: unknown, c: LotCharacteristic) => limitsText(c, language, t),
                },
                {
                  title: t('quality.characteristic.sampling'),
                  render: (_: unknown, c: LotCharacteristic) => samplingText(c, t),
                },
              ]}
            />
          ) : (
            <Typography.Text type="secondary">{t('quality.start.noPreview')}</Typography.Text>
          )}
        </Space>
      ) : null}
    </Card>
  );
}
