import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../src-shared/ids';
import { AQL_VALUES, INSPECTION_LEVELS } from '../../../src-shared/quality/aql';
import {
  CHARACTERISTIC_TYPES,
  DEFECT_CLASSES,
  planFieldsSchema,
  STAGES,
  type InspectionPlanRecord,
  type PlanFields,
} from '../../../src-shared/quality/plan';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';

/** Form values: the plan's fields, with empty number inputs as null (antd's way). */
type Values = PlanFields;

function clean(values: Values): unknown {
  // antd leaves cleared inputs as null or ''; the schema wants them absent.
  return JSON.parse(
    JSON.stringify(values, (_k, v: unknown) => (v === null || v === '' ? undefined : v)),
  );
}

const EMPTY_CHARACTERISTIC = {
  type: 'measured',
  defectClass: 'major',
  sampling: { rule: 'aql', level: 'II', aql: 0.65 },
};

/**
 * Creates a plan or a new revision of one: every field checked with the schema the server
 * uses, each problem shown next to its field. A revision based on an older revision than the
 * stored one is refused (someone else revised it meanwhile).
 */
export function PlanEditor({ plan }: { plan: InspectionPlanRecord | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutate = useMutate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  const save = async (values: Values) => {
    const parsed = planFieldsSchema.safeParse(clean(values));
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((i) => ({
          name: (i.path.length > 0 ? i.path : ['characteristics']) as never,
          errors: [i.message],
        })),
      );
      return;
    }
    setBusy(true);
    try {
      const outcome = await mutate('inspection.plan', {
        id: plan?.id ?? uuidv7(),
        ...(plan ? { baseRevision: plan.revision } : {}),
        plan: parsed.data,
      });
      if (outcome.ok) {
        setOpen(false);
        void message.success(t('quality.plans.saved'));
        return;
      }
      const phrase = describeRefusal(outcome.error, outcome.params, (s) => s);
      const path = String(outcome.params.path ?? '');
      const text = t(phrase.key as never, phrase.values);
      if (path.startsWith('plan.')) {
        form.setFields([
          {
            name: path
              .slice(5)
              .split('.')
              .map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never,
            errors: [text],
          },
        ]);
      } else void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size={plan ? 'small' : 'middle'}
        onClick={(e) => {
          e.stopPropagation();
          form.setFieldsValue(
            (plan ?? {
              stage: 'final',
              active: true,
              characteristics: [EMPTY_CHARACTERISTIC],
            }) as Values,
          );
          setOpen(true);
        }}
        data-testid={plan ? 'plan-edit' : 'plan-new'}
        style={plan ? undefined : { marginBottom: 12 }}
      >
        {t(plan ? 'quality.plans.edit' : 'quality.plans.new')}
      </Button>
      <Modal
        open={open}
        width={1100}
        title={plan ? t('quality.plans.editTitle', { model: plan.model }) : t('quality.plans.new')}
        okText={t('quality.plans.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
        forceRender
      >
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          data-testid="plan-form"
        >
          <Space wrap>
            <Form.Item
              name="model"
              label={t('quality.lot.model')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="stage" label={t('quality.lot.stage')}>
              <Select
                style={{ width: 160 }}
                options={STAGES.map((s) => ({ value: s, label: t(`quality.stages.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="step" label={t('quality.plans.step')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name={['name', 'zh']}
              label={t('quality.plans.nameZh')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item
              name={['name', 'en']}
              label={t('quality.plans.nameEn')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="active" label={t('quality.plans.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.List name="characteristics">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field) => (
                  <Card size="small" key={field.key} style={{ marginBottom: 8 }}>
                    <Space wrap align="start">
                      <Form.Item
                        name={[field.name, 'id']}
                        label={t('quality.plans.id')}
                        rules={[{ required: true, message: t('validation.required') }]}
                      >
                        <Input style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'name', 'zh']}
                        label={t('quality.plans.nameZh')}
                        rules={[{ required: true, message: t('validation.required') }]}
                      >
                        <Input style={{ width: 150 }} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'name', 'en']}
                        label={t('quality.plans.nameEn')}
                        rules={[{ required: true, message: t('validation.required') }]}
                      >
                        <Input style={{ width: 150 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'type']} label={t('quality.plans.type')}>
                        <Select
                          style={{ width: 120 }}
                          options={CHARACTERISTIC_TYPES.map((c) => ({
                            value: c,
                            label: t(`quality.types.${c}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'unit']} label={t('quality.plans.unit')}>
                        <Input style={{ width: 70 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'lower']} label={t('quality.plans.lower')}>
                        <InputNumber style={{ width: 100 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'upper']} label={t('quality.plans.upper')}>
                        <InputNumber style={{ width: 100 }} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'defectClass']}
                        label={t('quality.characteristic.class')}
                      >
                        <Select
                          style={{ width: 100 }}
                          options={DEFECT_CLASSES.map((d) => ({
                            value: d,
                            label: t(`quality.defectClass.${d}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'sampling', 'rule']}
                        label={t('quality.characteristic.sampling')}
                      >
                        <Select
                          style={{ width: 120 }}
                          options={(['every', 'fixed', 'aql'] as const).map((r) => ({
                            value: r,
                            label: t(`quality.plans.rules.${r}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {({ getFieldValue }) => {
                          const rule = getFieldValue([
                            'characteristics',
                            field.name,
                            'sampling',
                            'rule',
                          ]) as string;
                          if (rule === 'fixed') {
                            return (
                              <>
                                <Form.Item
                                  name={[field.name, 'sampling', 'count']}
                                  label={t('quality.plans.count')}
                                >
                                  <InputNumber min={1} style={{ width: 80 }} />
                                </Form.Item>
                                <Form.Item
                                  name={[field.name, 'sampling', 'accept']}
                                  label={t('quality.plans.accept')}
                                >
                                  <InputNumber min={0} style={{ width: 70 }} />
                                </Form.Item>
                              </>
                            );
                          }
                          if (rule === 'aql') {
                            return (
                              <>
                                <Form.Item
                                  name={[field.name, 'sampling', 'level']}
                                  label={t('quality.plans.level')}
                                >
                                  <Select
                                    style={{ width: 80 }}
                                    options={INSPECTION_LEVELS.map((l) => ({ value: l, label: l }))}
                                  />
                                </Form.Item>
                                <Form.Item
                                  name={[field.name, 'sampling', 'aql']}
                                  label={t('quality.plans.aql')}
                                >
                                  <Select
                                    style={{ width: 80 }}
                                    options={AQL_VALUES.map((a) => ({
                                      value: a,
                                      label: String(a),
                                    }))}
                                  />
                                </Form.Item>
                              </>
                            );
                          }
                          return null;
                        }}
                      </Form.Item>
                      <Form.Item name={[field.name, 'method']} label={t('quality.plans.method')}>
                        <Input style={{ width: 220 }} />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('quality.plans.remove')}
                        style={{ marginTop: 30 }}
                      />
                    </Space>
                  </Card>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add(EMPTY_CHARACTERISTIC)}
                >
                  {t('quality.plans.addCharacteristic')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
