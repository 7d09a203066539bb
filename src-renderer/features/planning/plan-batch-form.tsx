import { Button, DatePicker, Form, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { LineOption, ProductOption } from './use-plan';
import { usePlanBatchForm, type PlanBatchValues } from './use-plan-batch-form';

/** One row of inputs to put a new batch on the plan; errors show next to their field. */
export function PlanBatchForm({
  lines,
  products,
  lineLabel,
}: {
  lines: LineOption[];
  products: ProductOption[];
  lineLabel: (line: LineOption) => string;
}) {
  const { t } = useTranslation();
  const { form, submit, fieldError, submitting } = usePlanBatchForm();
  return (
    <Form<PlanBatchValues>
      form={form}
      layout="inline"
      onFinish={submit}
      className="plan-batch-form"
      data-testid="plan-batch-form"
      initialValues={{ quantity: 1000, hours: 8 }}
    >
      <Form.Item
        name="model"
        label={t('planning.model')}
        rules={[{ required: true, message: t('planning.required') }]}
        {...fieldError('model')}
      >
        <Select
          showSearch
          style={{ width: 160 }}
          data-testid="plan-model"
          options={products.map((p) => ({ value: p.code, label: p.code }))}
        />
      </Form.Item>
      <Form.Item
        name="quantity"
        label={t('planning.quantity')}
        rules={[{ required: true, message: t('planning.required') }]}
        {...fieldError('quantity')}
      >
        <InputNumber min={1} data-testid="plan-quantity" />
      </Form.Item>
      <Form.Item
        name="lineId"
        label={t('planning.line')}
        rules={[{ required: true, message: t('planning.required') }]}
        {...fieldError('lineId')}
      >
        <Select
          style={{ width: 200 }}
          data-testid="plan-line"
          options={lines.map((l) => ({ value: l.id, label: lineLabel(l) }))}
        />
      </Form.Item>
      <Form.Item
        name="start"
        label={t('planning.start')}
        rules={[{ required: true, message: t('planning.required') }]}
        {...fieldError('start')}
      >
        <DatePicker<Dayjs>
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          data-testid="plan-start"
        />
      </Form.Item>
      <Form.Item
        name="hours"
        label={t('planning.hours')}
        rules={[{ required: true, message: t('planning.required') }]}
        {...fieldError('end')}
      >
        <InputNumber min={1} max={24 * 14} data-testid="plan-hours" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="plan-submit">
          {t('planning.add')}
        </Button>
      </Form.Item>
    </Form>
  );
}
