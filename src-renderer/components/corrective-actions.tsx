import { DatePicker, Form, Input, Modal, Radio, Space, Table, Tag, Button } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canDo } from '../../src-shared/permissions';
import { isOverdue, type CorrectiveActionRecord } from '../../src-shared/quality/ncr';
import { useSession } from '../auth/use-session';
import { formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { describeRefusal } from '../sync/describe-change';
import type { MutateResult } from '../sync/sync-engine';
import { useCorrectiveActions } from './use-corrective-actions';

type Step = { ca: CorrectiveActionRecord; kind: 'implement' | 'verify' };

interface StepValues {
  note: string;
  effective?: boolean;
  newDueDate?: Dayjs;
}

/** Today as the PC's calendar date (YYYY-MM-DD), what due dates are compared with. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Corrective actions with their due dates, overdue ones marked in words as well as colour;
 * the assignee reports one implemented, quality verifies it effective (closed) or sends it
 * back with a new due date.
 */
export function CorrectiveActionTable({
  assignee,
  ncrId,
}: {
  assignee?: 'production' | 'procurement' | 'quality';
  ncrId?: string;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { user } = useSession();
  const { actions, implement, verify } = useCorrectiveActions(assignee);
  const [step, setStep] = useState<Step | null>(null);
  const [form] = Form.useForm<StepValues>();
  const [fieldError, setFieldError] = useState<string | null>(null);
  const rows = ncrId ? actions.filter((a) => a.ncrId === ncrId) : actions;
  const mayImplement = (ca: CorrectiveActionRecord) =>
    canDo(user.role, 'capa.implement') &&
    (user.role === ca.assignee || user.role === 'quality' || user.role === 'admin');
  const day = today();

  const submit = async (values: StepValues) => {
    if (!step) return;
    setFieldError(null);
    const outcome: MutateResult =
      step.kind === 'implement'
        ? await implement(step.ca.id, values.note)
        : await verify(
            step.ca.id,
            values.effective ?? true,
            values.note,
            values.newDueDate?.format('YYYY-MM-DD'),
          );
    if (outcome.ok) {
      setStep(null);
      form.resetFields();
      return;
    }
    const phrase = describeRefusal(outcome.error, outcome.params, (s) => s);
    setFieldError(t(phrase.key as never, phrase.values));
  };

  return (
    <>
      <Table<CorrectiveActionRecord>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="corrective-actions"
        locale={{ emptyText: t('quality.capa.none') }}
        onRow={(ca) => ({ 'data-ca': ca.number }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('quality.capa.number'), dataIndex: 'number' },
          { title: t('quality.capa.ncr'), dataIndex: 'ncrNumber' },
          { title: t('quality.capa.action'), dataIndex: 'action' },
          {
            title: t('quality.capa.assignee'),
            render: (_: unknown, ca) => t(`roles.${ca.assignee}`),
          },
          {
            title: t('quality.capa.due'),
            render: (_: unknown, ca) => (
              <Space size={4}>
                {formatDate(`${ca.dueDate}T12:00:00`, language)}
                {isOverdue(ca, day) ? <Tag color="error">{t('quality.capa.overdue')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('quality.capa.state'),
            render: (_: unknown, ca) => (
              <Tag
                color={
                  ca.state === 'verified'
                    ? 'success'
                    : ca.state === 'implemented'
                      ? 'processing'
                      : 'default'
                }
                data-testid="ca-state"
              >
                {t(`quality.capa.states.${ca.state}`)}
              </Tag>
            ),
          },
          {
            title: t('quality.capa.notes'),
            render: (_: unknown, ca) => (
              <Space direction="vertical" size={0}>
                {ca.implementation ? <span>{ca.implementation.note}</span> : null}
                {ca.verification ? (
                  <span>{`${t(ca.verification.effective ? 'quality.capa.effective' : 'quality.capa.notEffective')}: ${ca.verification.note}`}</span>
                ) : null}
              </Space>
            ),
          },
          {
            title: '',
            render: (_: unknown, ca) => (
              <Space>
                {ca.state === 'open' && mayImplement(ca) ? (
                  <Button
                    size="small"
                    onClick={() => setStep({ ca, kind: 'implement' })}
                    data-testid="ca-implement"
                  >
                    {t('quality.capa.implement')}
                  </Button>
                ) : null}
                {ca.state === 'implemented' && canDo(user.role, 'capa.verify') ? (
                  <Button
                    size="small"
                    onClick={() => setStep({ ca, kind: 'verify' })}
                    data-testid="ca-verify"
                  >
                    {t('quality.capa.verify')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {step ? (
        <Modal
          open
          title={t(
            step.kind === 'implement' ? 'quality.capa.implementTitle' : 'quality.capa.verifyTitle',
            { number: step.ca.number },
          )}
          okText={t(step.kind === 'implement' ? 'quality.capa.implement' : 'quality.capa.verify')}
          cancelText={t('common.cancel')}
          onCancel={() => setStep(null)}
          onOk={() => form.submit()}
          destroyOnHidden
        >
          <Form<StepValues>
            form={form}
            layout="vertical"
            initialValues={{ effective: true }}
            onFinish={(v) => void submit(v)}
            data-testid="ca-form"
          >
            {step.kind === 'verify' ? (
              <Form.Item name="effective" label={t('quality.capa.result')}>
                <Radio.Group>
                  <Radio value={true}>{t('quality.capa.effective')}</Radio>
                  <Radio value={false}>{t('quality.capa.notEffective')}</Radio>
                </Radio.Group>
              </Form.Item>
            ) : null}
            <Form.Item
              name="note"
              label={t(
                step.kind === 'implement' ? 'quality.capa.whatWasDone' : 'quality.capa.evidence',
              )}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
              {...(fieldError ? { validateStatus: 'error' as const, help: fieldError } : {})}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="ca-note" />
            </Form.Item>
            {step.kind === 'verify' ? (
              <Form.Item noStyle shouldUpdate={(a, b) => a.effective !== b.effective}>
                {({ getFieldValue }) =>
                  getFieldValue('effective') === false ? (
                    <Form.Item name="newDueDate" label={t('quality.capa.newDue')}>
                      <DatePicker<Dayjs> />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            ) : null}
          </Form>
        </Modal>
      ) : null}
    </>
  );
}
