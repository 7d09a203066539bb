import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../src-shared/ids';
import { canDo } from '../../../src-shared/permissions';
import { CA_ASSIGNEES, DISPOSITIONS, type NcrRecord } from '../../../src-shared/quality/ncr';
import { useSession } from '../../auth/use-session';
import { CorrectiveActionTable } from '../../components/corrective-actions';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';
import type { QualityOverview } from './use-quality-data';

type Dialog =
  | { kind: 'open' }
  | { kind: 'disposition'; ncr: NcrRecord }
  | { kind: 'assign'; ncr: NcrRecord }
  | { kind: 'close'; ncr: NcrRecord };

interface DialogValues {
  target?: string;
  what?: string;
  where?: string;
  quantity?: number;
  decision?: (typeof DISPOSITIONS)[number];
  reason?: string;
  concessionRef?: string;
  action?: string;
  assignee?: (typeof CA_ASSIGNEES)[number];
  dueDate?: Dayjs;
  note?: string;
}

/** Which form field a refusal's `path` parameter points at, if any. */
const FIELDS = [
  'target',
  'what',
  'where',
  'quantity',
  'decision',
  'reason',
  'concessionRef',
  'action',
  'assignee',
  'dueDate',
  'note',
];

/**
 * Nonconformance reports: opened from a failed lot (automatically) or by hand, the hold they
 * put on the batch or lot, disposition by quality, corrective actions and closure.
 */
export function NcrPanel({ overview }: { overview: QualityOverview }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { user } = useSession();
  const { message } = App.useApp();
  const mutate = useMutate();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<DialogValues>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const targets = [
    ...overview.batches.map((b) => ({ value: `batch:${b.id}`, label: `${b.number} · ${b.model}` })),
    ...overview.materialLots.map((m) => ({
      value: `material-lot:${m.id}`,
      label: `${m.code} · ${m.material}`,
    })),
  ];

  const run = async (values: DialogValues) => {
    if (!dialog) return;
    setBusy(true);
    setErrors({});
    try {
      // The form calls this only when its required rules hold, so the fields named here are
      // filled; what else is wrong the mutation's own schema refuses, shown at its field.
      let outcome;
      if (dialog.kind === 'open') {
        const [kind, ...rest] = (values.target ?? '').split(':');
        outcome = await mutate('ncr.open', {
          id: uuidv7(),
          target: { kind: kind as 'batch' | 'material-lot', id: rest.join(':') },
          what: values.what!,
          where: values.where!,
          quantity: values.quantity!,
        });
      } else if (dialog.kind === 'disposition') {
        outcome = await mutate('ncr.disposition', {
          ncrId: dialog.ncr.id,
          decision: values.decision!,
          reason: values.reason!,
          ...(values.concessionRef ? { concessionRef: values.concessionRef } : {}),
        });
      } else if (dialog.kind === 'assign') {
        outcome = await mutate('capa.assign', {
          id: uuidv7(),
          ncrId: dialog.ncr.id,
          action: values.action!,
          assignee: values.assignee!,
          dueDate: values.dueDate!.format('YYYY-MM-DD'),
        });
      } else {
        outcome = await mutate('ncr.close', {
          ncrId: dialog.ncr.id,
          ...(values.note ? { note: values.note } : {}),
        });
      }
      if (outcome.ok) {
        setDialog(null);
        form.resetFields();
        return;
      }
      const phrase = describeRefusal(outcome.error, outcome.params, (s) => s);
      const text = t(phrase.key as never, phrase.values);
      const field = String(outcome.params.path ?? '').split('.')[0] ?? '';
      if (FIELDS.includes(field)) setErrors({ [field]: text });
      else void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  const err = (field: string) =>
    errors[field] ? { validateStatus: 'error' as const, help: errors[field] } : {};
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="ncr-panel">
      {canDo(user.role, 'ncr.open') ? (
        <Button onClick={() => setDialog({ kind: 'open' })} data-testid="ncr-open-button">
          {t('quality.ncr.openByHand')}
        </Button>
      ) : null}
      <Table<NcrRecord>
        size="small"
        rowKey="id"
        dataSource={overview.ncrs}
        data-testid="ncr-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(n) =>
          ({
            'data-ncr': n.number,
            'data-target': n.targetLabel,
          }) as React.HTMLAttributes<HTMLElement>
        }
        expandable={{
          expandedRowRender: (n) => <CorrectiveActionTable ncrId={n.id} />,
        }}
        columns={[
          {
            title: t('quality.ncr.number'),
            render: (_: unknown, n) => (
              <span>
                {n.number}{' '}
                {n.numberProvisional ? <Tag color="orange">{t('quality.provisional')}</Tag> : null}
              </span>
            ),
          },
          { title: t('quality.ncr.target'), dataIndex: 'targetLabel' },
          { title: t('quality.ncr.what'), dataIndex: 'what' },
          { title: t('quality.ncr.where'), dataIndex: 'where' },
          { title: t('quality.ncr.quantity'), dataIndex: 'quantity', align: 'right' },
          {
            title: t('quality.ncr.state'),
            render: (_: unknown, n) => (
              <Space size={4} wrap>
                <Tag
                  color={
                    n.state === 'open'
                      ? 'error'
                      : n.state === 'dispositioned'
                        ? 'processing'
                        : 'success'
                  }
                  data-testid="ncr-state"
                >
                  {t(`quality.ncr.states.${n.state}`)}
                </Tag>
                {n.hold ? (
                  <Tag color="red" data-testid="ncr-hold">
                    {t('quality.ncr.onHold')}
                  </Tag>
                ) : null}
                {n.disposition ? (
                  <Tag data-testid="ncr-decision">
                    {t(`quality.disposition.${n.disposition.decision}`)}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('quality.ncr.opened'),
            render: (_: unknown, n) => formatDateTime(n.openedAt, language),
          },
          {
            title: '',
            render: (_: unknown, n) => (
              <Space>
                {n.state === 'open' && canDo(user.role, 'ncr.disposition') ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDialog({ kind: 'disposition', ncr: n })}
                    data-testid="ncr-disposition"
                  >
                    {t('quality.ncr.disposition')}
                  </Button>
                ) : null}
                {n.state !== 'closed' && canDo(user.role, 'ncr.disposition') ? (
                  <Button
                    size="small"
                    onClick={() => setDialog({ kind: 'assign', ncr: n })}
                    data-testid="ncr-assign"
                  >
                    {t('quality.ncr.assign')}
                  </Button>
                ) : null}
                {n.state === 'dispositioned' && canDo(user.role, 'ncr.disposition') ? (
                  <Button
                    size="small"
                    onClick={() => setDialog({ kind: 'close', ncr: n })}
                    data-testid="ncr-close"
                  >
                    {t('quality.ncr.close')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {dialog ? (
        <Modal
          open
          title={
            dialog.kind === 'open'
              ? t('quality.ncr.openTitle')
              : t(`quality.ncr.${dialog.kind}Title`, { number: dialog.ncr.number })
          }
          okText={t('quality.ncr.save')}
          cancelText={t('common.cancel')}
          confirmLoading={busy}
          onCancel={() => setDialog(null)}
          onOk={() => form.submit()}
          destroyOnHidden
        >
          {dialog.kind !== 'open' ? (
            <Typography.Paragraph type="secondary">
              {dialog.ncr.targetLabel} · {dialog.ncr.what}
            </Typography.Paragraph>
          ) : null}
          <Form<DialogValues>
            form={form}
            layout="vertical"
            onFinish={(v) => void run(v)}
            data-testid="ncr-form"
            initialValues={{ assignee: 'production', quantity: 1 }}
          >
            {dialog.kind === 'open' ? (
              <>
                <Form.Item
                  name="target"
                  label={t('quality.ncr.target')}
                  rules={[{ required: true, message: t('validation.required') }]}
                  {...err('target')}
                >
                  <Select
                    showSearch
                    optionFilterProp="label"
                    options={targets}
                    data-testid="ncr-target"
                  />
                </Form.Item>
                <Form.Item
                  name="what"
                  label={t('quality.ncr.what')}
                  rules={required}
                  {...err('what')}
                >
                  <Input.TextArea rows={2} maxLength={2000} data-testid="ncr-what" />
                </Form.Item>
                <Form.Item
                  name="where"
                  label={t('quality.ncr.where')}
                  rules={required}
                  {...err('where')}
                >
                  <Input maxLength={200} data-testid="ncr-where" />
                </Form.Item>
                <Form.Item
                  name="quantity"
                  label={t('quality.ncr.quantity')}
                  rules={[{ required: true, message: t('validation.required') }]}
                  {...err('quantity')}
                >
                  <InputNumber min={1} data-testid="ncr-quantity" />
                </Form.Item>
              </>
            ) : null}
            {dialog.kind === 'disposition' ? (
              <>
                <Form.Item
                  name="decision"
                  label={t('quality.ncr.decision')}
                  rules={[{ required: true, message: t('validation.required') }]}
                  {...err('decision')}
                >
                  <Radio.Group data-testid="ncr-decision-choice">
                    {DISPOSITIONS.filter(
                      (d) =>
                        d !== 'return-to-supplier' || dialog.ncr.target.kind === 'material-lot',
                    ).map((d) => (
                      <Radio key={d} value={d}>
                        {t(`quality.disposition.${d}`)}
                      </Radio>
                    ))}
                  </Radio.Group>
                </Form.Item>
                <Form.Item
                  name="reason"
                  label={t('quality.ncr.reason')}
                  rules={required}
                  {...err('reason')}
                >
                  <Input.TextArea rows={2} maxLength={2000} data-testid="ncr-reason" />
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a, b) => a.decision !== b.decision}>
                  {({ getFieldValue }) =>
                    getFieldValue('decision') === 'concession' ? (
                      <Form.Item
                        name="concessionRef"
                        label={t('quality.ncr.concessionRef')}
                        rules={required}
                        {...err('concessionRef')}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                    ) : null
                  }
                </Form.Item>
              </>
            ) : null}
            {dialog.kind === 'assign' ? (
              <>
                <Form.Item
                  name="action"
                  label={t('quality.capa.action')}
                  rules={required}
                  {...err('action')}
                >
                  <Input.TextArea rows={2} maxLength={2000} data-testid="ca-action" />
                </Form.Item>
                <Form.Item
                  name="assignee"
                  label={t('quality.capa.assignee')}
                  rules={[{ required: true, message: t('validation.required') }]}
                  {...err('assignee')}
                >
                  <Select
                    options={CA_ASSIGNEES.map((a) => ({ value: a, label: t(`roles.${a}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  name="dueDate"
                  label={t('quality.capa.due')}
                  rules={[{ required: true, message: t('validation.required') }]}
                  {...err('dueDate')}
                >
                  <DatePicker<Dayjs> data-testid="ca-due" />
                </Form.Item>
              </>
            ) : null}
            {dialog.kind === 'close' ? (
              <Form.Item name="note" label={t('quality.ncr.closeNote')} {...err('note')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            ) : null}
          </Form>
        </Modal>
      ) : null}
    </Space>
  );
}
