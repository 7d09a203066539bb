import { PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerLabel } from '../../../src-shared/orders/catalog';
import { departmentsFor } from '../../../src-shared/orders/feasibility';
import type { OrderLine } from '../../../src-shared/orders/order-record';
import { nextStates } from '../../../src-shared/orders/order-state';
import { canDo } from '../../../src-shared/permissions';
import { useSession } from '../../auth/use-session';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { LANGUAGES, type Language } from '../../i18n/language';
import { useLanguage } from '../../i18n/use-language';
import { ClarificationLog } from './clarification-log';
import { FeasibilityPanel } from './feasibility-panel';
import { OrderNumber, OrderStateTag } from './order-state-tag';
import { OrderTimeline } from './order-timeline';
import './orders.css';
import { ReviewChecksPanel } from './review-checks-panel';
import { useOrderActions } from './use-order-actions';
import { localToday, useOrderDetail } from './use-order-detail';
import { usePrintConfirmation } from './use-print-confirmation';

const REVIEW_STATES = ['received', 'under_review', 'needs_clarification', 'reviewed'];
const AFTER_ACCEPTANCE = [
  'accepted',
  'planned',
  'in_production',
  'ready_to_ship',
  'partly_shipped',
  'shipped',
  'delivered',
  'closed',
];

/**
 * One order in a drawer: its data, the review checks, the clarification log, the three
 * feasibility sign-offs, the timeline, and the actions the user's role may take in its state.
 */
export function OrderDetailDrawer({
  orderId,
  onClose,
}: {
  orderId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { user } = useSession();
  const detail = useOrderDetail(orderId);
  const { order, catalog } = detail;
  const actions = useOrderActions(order, detail.checks);
  const customer = order ? catalog.customersById.get(order.customerId) : undefined;
  const printer = usePrintConfirmation(order, customer, catalog.productsByCode);
  const [reviewOpen, setReviewOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [note, setNote] = useState('');
  const [printLanguage, setPrintLanguage] = useState<Language>(language);
  const [cancelForm] = Form.useForm<{ reason: string }>();
  const [deliverOpen, setDeliverOpen] = useState(false);
  const [deliverForm] = Form.useForm<{ deliveredOn: string; receivedBy?: string; note?: string }>();

  const role = user.role;
  const can = {
    review: canDo(role, 'order.review'),
    clarify: canDo(role, 'order.clarify'),
    confirm: canDo(role, 'order.confirm'),
    cancel: canDo(role, 'order.cancel'),
    // Logistics records deliveries (the same right as confirming shipments).
    deliver: canDo(role, 'shipment.confirm'),
  };
  // The mutator runs the same checks (on the server against its own catalog) and refuses a
  // failure, so the button says so here instead of offering a review that cannot pass.
  const failed = detail.checks.some((c) => c.status === 'fail');
  const warned = !failed && detail.checks.some((c) => c.status === 'warn');

  return (
    <Drawer
      open={orderId !== null}
      onClose={onClose}
      size={820}
      title={order ? t('orders.detail.title', { number: order.number }) : ''}
      data-testid="order-detail"
      destroyOnHidden
    >
      {!order || !actions ? null : (
        <div data-order-id={order.id} data-order-state={order.state}>
          <Space wrap style={{ marginBottom: 12 }}>
            <OrderNumber order={order} pending={detail.pending} />
            <OrderStateTag state={order.state} />
            {order.intakeNumber ? (
              <Typography.Text type="secondary">
                {t('orders.fields.intakeNumber')}: {order.intakeNumber}
              </Typography.Text>
            ) : null}
          </Space>

          <Space wrap style={{ marginBottom: 12 }} data-testid="order-actions">
            {can.review && order.state === 'received' && !order.takenBy ? (
              <Button type="primary" onClick={() => void actions.take()} data-testid="action-take">
                {t('orders.actions.startReview')}
              </Button>
            ) : null}
            {can.review && order.state === 'under_review' ? (
              <Button
                type="primary"
                onClick={() => setReviewOpen(true)}
                data-testid="action-review"
              >
                {t('orders.actions.markReviewed')}
              </Button>
            ) : null}
            {can.confirm && order.state === 'reviewed' ? (
              <>
                <Popconfirm
                  title={t('orders.actions.confirm')}
                  description={
                    <div style={{ maxWidth: 360 }}>{t('orders.actions.confirmText')}</div>
                  }
                  okText={t('orders.actions.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => actions.confirm()}
                  okButtonProps={{ 'data-testid': 'action-confirm-ok' } as Record<string, string>}
                >
                  <Button type="primary" data-testid="action-confirm">
                    {t('orders.actions.confirm')}
                  </Button>
                </Popconfirm>
                <Button onClick={() => void actions.sendBack()} data-testid="action-send-back">
                  {t('orders.actions.sendBack')}
                </Button>
              </>
            ) : null}
            {can.deliver && order.state === 'shipped' ? (
              <Button
                type="primary"
                onClick={() => setDeliverOpen(true)}
                data-testid="action-deliver"
              >
                {t('orders.actions.deliver')}
              </Button>
            ) : null}
            {can.confirm && nextStates(order.state).includes('closed') ? (
              <Popconfirm
                title={t('orders.actions.close')}
                description={<div style={{ maxWidth: 360 }}>{t('orders.actions.closeText')}</div>}
                okText={t('orders.actions.close')}
                cancelText={t('common.cancel')}
                onConfirm={() => actions.close()}
                okButtonProps={{ 'data-testid': 'action-close-ok' } as Record<string, string>}
              >
                <Button data-testid="action-close">{t('orders.actions.close')}</Button>
              </Popconfirm>
            ) : null}
            {can.cancel && nextStates(order.state).includes('cancelled') ? (
              <Button danger onClick={() => setCancelOpen(true)} data-testid="action-cancel">
                {t('orders.actions.cancel')}
              </Button>
            ) : null}
            {AFTER_ACCEPTANCE.includes(order.state) ? (
              <Space.Compact>
                <Select
                  aria-label={t('orders.actions.printLanguage')}
                  value={printLanguage}
                  onChange={setPrintLanguage}
                  options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                  data-testid="print-language"
                />
                <Button
                  icon={<PrinterOutlined />}
                  onClick={() => void printer.print(printLanguage)}
                  data-testid="action-print"
                >
                  {printer.desktop ? t('orders.actions.savePdf') : t('orders.actions.print')}
                </Button>
              </Space.Compact>
            ) : null}
          </Space>

          <Descriptions size="small" bordered column={2} data-testid="order-summary">
            <Descriptions.Item label={t('orders.fields.customer')} span={2}>
              {customer
                ? customerLabel(customer, language)
                : order.customerName
                  ? customerLabel(
                      { code: order.customerCode ?? '', name: order.customerName },
                      language,
                    )
                  : t('orders.detail.customerUnknown', { id: order.customerId })}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.fields.contact')}>
              {order.contact
                ? [order.contact.name, order.contact.phone, order.contact.email]
                    .filter(Boolean)
                    .join(' · ')
                : t('orders.detail.noContact')}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.fields.channel')}>
              {t(`orders.channels.${order.channel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.fields.requestedDate')}>
              {order.requestedDate ? formatDate(`${order.requestedDate}T12:00:00Z`, language) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.fields.promisedDate')}>
              <span data-testid="order-promised-date">
                {order.promisedDate ? formatDate(`${order.promisedDate}T12:00:00Z`, language) : '—'}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.fields.deliveryPlace')}>
              {order.deliveryPlace ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.fields.customerRef')}>
              {order.customerRef ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.fields.receivedAt')}>
              {formatDateTime(order.createdAt, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.fields.takenBy')}>
              {order.takenByName ?? order.takenBy ?? '—'}
            </Descriptions.Item>
            {order.notes ? (
              <Descriptions.Item label={t('orders.fields.notes')} span={2}>
                {order.notes}
              </Descriptions.Item>
            ) : null}
            {can.confirm && customer ? (
              <Descriptions.Item label={t('orders.detail.credit')} span={2}>
                <div data-testid="order-credit">
                  {customer.creditLimit
                    ? t('orders.detail.creditLimit', {
                        amount: formatNumber(customer.creditLimit.amount, language, {
                          style: 'currency',
                          currency: customer.creditLimit.currency,
                          maximumFractionDigits: 0,
                        }),
                      })
                    : t('orders.detail.creditNotSet')}
                  {' · '}
                  {t('orders.detail.paymentTerms', {
                    terms:
                      language === 'zh-CN'
                        ? customer.paymentTerms.text.zh
                        : customer.paymentTerms.text.en,
                  })}
                  {customer.creditHold ? (
                    <Alert type="warning" showIcon title={t('orders.detail.creditHold')} />
                  ) : null}
                </div>
              </Descriptions.Item>
            ) : null}
          </Descriptions>

          <Table<OrderLine & { key: number }>
            className="order-section"
            size="small"
            pagination={false}
            dataSource={order.lines.map((l, i) => ({ ...l, key: i }))}
            columns={[
              { title: '#', render: (_v, _l, i) => i + 1, width: 48 },
              { title: t('orders.fields.model'), dataIndex: 'model' },
              { title: t('orders.fields.spec'), dataIndex: 'spec' },
              {
                title: t('orders.fields.quantity'),
                dataIndex: 'quantity',
                align: 'right',
                render: (q: number) => formatNumber(q, language),
              },
            ]}
          />

          {order.rejection ? (
            <Alert
              className="order-section"
              type="error"
              showIcon
              title={t('orders.detail.rejectedBecause')}
              description={order.rejection.reasons
                .map(
                  (r) =>
                    `${t(`orders.feasibility.departments.${r.department}` as never)}: ${r.reasons
                      .map((x) => t(`orders.feasibility.reasons.${x}` as never))
                      .join(', ')}${r.comment ? ` — ${r.comment}` : ''}`,
                )
                .join('\n')}
            />
          ) : null}

          {REVIEW_STATES.includes(order.state) && (can.review || can.confirm) ? (
            <ReviewChecksPanel checks={detail.checks} />
          ) : null}
          <ClarificationLog
            order={order}
            clarifications={detail.clarifications}
            canLog={can.clarify}
          />
          {detail.reviews.length > 0 ? (
            <FeasibilityPanel order={order} reviews={detail.reviews} mine={departmentsFor(role)} />
          ) : null}
          <OrderTimeline events={detail.timeline} />

          <Modal
            open={reviewOpen}
            title={t('orders.actions.markReviewed')}
            okText={t('orders.actions.markReviewed')}
            cancelText={t('common.cancel')}
            onCancel={() => setReviewOpen(false)}
            onOk={async () => {
              if (await actions.markReviewed(note)) {
                setReviewOpen(false);
                setNote('');
              }
            }}
            okButtonProps={{
              ...({ 'data-testid': 'review-ok' } as Record<string, string>),
              disabled: failed,
            }}
          >
            {failed ? (
              <Alert
                type="error"
                showIcon
                title={t('orders.actions.reviewFailed')}
                data-testid="review-failed"
              />
            ) : warned ? (
              <Alert type="warning" showIcon title={t('orders.actions.reviewedWithWarnings')} />
            ) : null}
            <Input.TextArea
              className="order-section"
              rows={3}
              aria-label={t('orders.actions.reviewNote')}
              placeholder={t('orders.actions.reviewNote')}
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.target.value)}
              data-testid="review-note"
            />
          </Modal>

          <Modal
            open={cancelOpen}
            title={t('orders.actions.cancel')}
            footer={null}
            onCancel={() => setCancelOpen(false)}
            destroyOnHidden
          >
            <Form<{ reason: string }>
              form={cancelForm}
              name="cancel-order"
              layout="vertical"
              onFinish={async ({ reason }) => {
                if (await actions.cancel(reason.trim())) setCancelOpen(false);
              }}
            >
              <Form.Item
                name="reason"
                label={t('orders.actions.cancelReason')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { max: 2000, message: t('validation.tooLong', { max: 2000 }) },
                ]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              <Space className="dialog-actions">
                <Button onClick={() => setCancelOpen(false)}>{t('common.cancel')}</Button>
                <Button danger type="primary" htmlType="submit" data-testid="cancel-submit">
                  {t('orders.actions.cancel')}
                </Button>
              </Space>
            </Form>
          </Modal>

          <Modal
            open={deliverOpen}
            title={t('orders.actions.deliver')}
            footer={null}
            onCancel={() => setDeliverOpen(false)}
            destroyOnHidden
          >
            <Form<{ deliveredOn: string; receivedBy?: string; note?: string }>
              form={deliverForm}
              name="deliver-order"
              layout="vertical"
              initialValues={{ deliveredOn: localToday() }}
              onFinish={async (values) => {
                if (await actions.deliver(values)) setDeliverOpen(false);
              }}
            >
              <Form.Item
                name="deliveredOn"
                label={t('orders.actions.deliveredOn')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input type="date" max={localToday()} data-testid="deliver-date" />
              </Form.Item>
              <Form.Item
                name="receivedBy"
                label={t('orders.actions.receivedBy')}
                rules={[{ max: 100, message: t('validation.tooLong', { max: 100 }) }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('orders.actions.deliveryNote')}
                rules={[{ max: 2000, message: t('validation.tooLong', { max: 2000 }) }]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
              <Space className="dialog-actions">
                <Button onClick={() => setDeliverOpen(false)}>{t('common.cancel')}</Button>
                <Button type="primary" htmlType="submit" data-testid="deliver-submit">
                  {t('orders.actions.deliver')}
                </Button>
              </Space>
            </Form>
          </Modal>
        </div>
      )}
    </Drawer>
  );
}
