import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionResultRecord } from '../../../src-shared/quality/lot';
import type { LotCharacteristic } from '../../../src-shared/quality/plan';
import { useLanguage } from '../../i18n/use-language';
import { describeRefusal } from '../../sync/describe-change';
import { formatValue, localName } from './quality-format';

interface Values {
  text: string;
  reason: string;
}

/**
 * A correction never edits a reading: it adds a new one that supersedes it, with the reason,
 * and both stay on record. Errors show next to the field they are about.
 */
export function CorrectionDialog({
  reading,
  characteristic,
  onClose,
  onCorrect,
}: {
  reading: InspectionResultRecord | null;
  characteristic: LotCharacteristic | null;
  onClose: () => void;
  onCorrect: (
    reading: InspectionResultRecord,
    text: string,
    reason: string,
  ) => Promise<{ ok: true } | { ok: false; error: string }>;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [busy, setBusy] = useState(false);
  if (!reading || !characteristic) return null;

  const submit = async (values: Values) => {
    setBusy(true);
    setErrors({});
    try {
      const outcome = await onCorrect(reading, values.text, values.reason);
      if (outcome.ok) {
        form.resetFields();
        onClose();
        return;
      }
      if (['not-a-number', 'not-pass-fail', 'not-a-count', 'empty'].includes(outcome.error)) {
        setErrors({ text: t(`quality.entry.errors.${outcome.error}` as never) });
      } else {
        const phrase = describeRefusal(outcome.error, {}, (s) => s);
        setErrors({ reason: t(phrase.key as never, phrase.values) });
      }
    } finally {
      setBusy(false);
    }
  };

  const was =
    reading.value !== undefined
      ? formatValue(reading.value, characteristic, language)
      : reading.passed !== undefined
        ? t(reading.passed ? 'quality.readings.passed' : 'quality.readings.failed')
        : String(reading.count ?? '');
  return (
    <Modal
      open
      title={t('quality.correction.title', {
        sample: reading.sample,
        name: localName(characteristic.name, language),
      })}
      okText={t('quality.correction.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('quality.correction.intro', { was })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        data-testid="correction-form"
      >
        <Form.Item
          name="text"
          label={t('quality.correction.value')}
          rules={[{ required: true, message: t('validation.required') }]}
          {...(errors.text ? { validateStatus: 'error' as const, help: errors.text } : {})}
        >
          <Input autoFocus data-testid="correction-value" suffix={characteristic.unit} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('quality.correction.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          {...(errors.reason ? { validateStatus: 'error' as const, help: errors.reason } : {})}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="correction-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
