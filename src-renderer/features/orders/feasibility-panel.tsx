import {
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  FEASIBILITY_DECISIONS,
  FEASIBILITY_DEPARTMENTS,
  REFUSAL_REASONS,
  type FeasibilityDepartment,
  type FeasibilityReviewRecord,
  type ReviewStatus,
} from '../../../src-shared/orders/feasibility';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { useFeasibilityForm, type SignValues } from './use-feasibility-form';

const STATUS_COLOR: Record<ReviewStatus, string> = {
  pending: 'default',
  approved: 'green',
  'approved-later': 'gold',
  refused: 'red',
};

/** The three sign-offs of a confirmed order, and the form for the departments this user signs for. */
export function FeasibilityPanel({
  order,
  reviews,
  mine,
}: {
  order: OrderRecord;
  reviews: FeasibilityReviewRecord[];
  /** Departments the signed-in user signs for. */
  mine: FeasibilityDepartment[];
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const byDept = new Map(reviews.map((r) => [r.department, r]));
  const open = order.state === 'in_feasibility';
  return (
    <section className="order-section" data-testid="feasibility-panel">
      <Typography.Title level={5}>{t('orders.detail.feasibility')}</Typography.Title>
      {order.state === 'accepted' && order.promisedDate ? (
        <Typography.Paragraph data-testid="feasibility-outcome">
          {t('orders.feasibility.outcomeAccepted', {
            date: formatDate(`${order.promisedDate}T12:00:00Z`, language),
          })}
        </Typography.Paragraph>
      ) : null}
      {order.state === 'rejected' ? (
        <Typography.Paragraph type="danger" data-testid="feasibility-outcome">
          {t('orders.feasibility.outcomeRejected')}
        </Typography.Paragraph>
      ) : null}
      <Descriptions size="small" column={1} bordered>
        {FEASIBILITY_DEPARTMENTS.map((d) => {
          const r = byDept.get(d);
          const status = r?.status ?? 'pending';
          const s = r?.current;
          return (
            <Descriptions.Item key={d} label={t(`orders.feasibility.departments.${d}`)}>
              <div data-testid={`review-${d}`} data-status={status}>
                <Tag color={STATUS_COLOR[status]}>{t(`orders.feasibility.status.${status}`)}</Tag>
                {s?.proposedDate ? formatDate(`${s.proposedDate}T12:00:00Z`, language) : null}
                {s?.reasons?.length
                  ? ` · ${s.reasons.map((x) => t(`orders.feasibility.reasons.${x}`)).join(', ')}`
                  : null}
                {s?.comment ? ` · ${s.comment}` : null}
                {s ? (
                  <div>
                    <Typography.Text type="secondary">
                      {t('orders.feasibility.by', {
                        name: s.byName ?? s.by,
                        time: formatDateTime(s.at, language),
                      })}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            </Descriptions.Item>
          );
        })}
      </Descriptions>
      {open ? mine.map((d) => <SignForm key={d} order={order} department={d} />) : null}
    </section>
  );
}

function SignForm({
  order,
  department,
}: {
  order: OrderRecord;
  department: FeasibilityDepartment;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const state = useFeasibilityForm(order, department);
  const decision = Form.useWatch('decision', state.form);
  const requested = order.requestedDate;
  const required = { required: true, message: t('validation.required') };
  return (
    <Form<SignValues>
      form={state.form}
      name={`sign-${department}`}
      layout="vertical"
      className="order-section"
      onFinish={(v) => void state.submit(v)}
      onValuesChange={(changed) =>
        Object.keys(changed).forEach((k) => state.clearError(k as keyof SignValues))
      }
      initialValues={{ decision: 'approve' }}
      disabled={state.submitting}
      data-testid={`sign-form-${department}`}
    >
      <Typography.Text strong>
        {t('orders.feasibility.sign')}: {t(`orders.feasibility.departments.${department}`)}
      </Typography.Text>
      <Form.Item
        name="decision"
        label={t('orders.feasibility.decision')}
        rules={[required]}
        {...state.fieldError('decision')}
      >
        <Radio.Group
          optionType="button"
          options={FEASIBILITY_DECISIONS.map((d) => ({
            value: d,
            label: t(`orders.feasibility.decisions.${d}`),
          }))}
        />
      </Form.Item>
      {decision === 'approve-later' ? (
        <Form.Item
          name="proposedDate"
          label={t('orders.feasibility.proposedDate')}
          extra={
            requested
              ? t('orders.feasibility.laterThanRequested', {
                  date: formatDate(`${requested}T12:00:00Z`, language),
                })
              : undefined
          }
          rules={[
            required,
            {
              validator: async (_r, value?: Dayjs) => {
                if (value && requested && !value.isAfter(dayjs(requested), 'day')) {
                  throw new Error(
                    t('orders.feasibility.laterThanRequested', {
                      date: formatDate(`${requested}T12:00:00Z`, language),
                    }),
                  );
                }
              },
            },
          ]}
          {...state.fieldError('proposedDate')}
        >
          <DatePicker format="YYYY-MM-DD" data-testid={`sign-date-${department}`} />
        </Form.Item>
      ) : null}
      {decision === 'refuse' ? (
        <Form.Item
          name="reasons"
          label={t('orders.feasibility.reasonsLabel')}
          rules={[required]}
          {...state.fieldError('reasons')}
        >
          <Select
            mode="multiple"
            options={REFUSAL_REASONS.map((r) => ({
              value: r,
              label: t(`orders.feasibility.reasons.${r}`),
            }))}
            data-testid={`sign-reasons-${department}`}
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="comment"
        label={t('orders.feasibility.comment')}
        rules={
          decision === 'refuse'
            ? [required, { whitespace: true, message: t('validation.required') }]
            : [{ max: 2000, message: t('validation.tooLong', { max: 2000 }) }]
        }
        {...state.fieldError('comment')}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={state.submitting}
        data-testid={`sign-submit-${department}`}
      >
        {t('orders.feasibility.sign')}
      </Button>
    </Form>
  );
}
