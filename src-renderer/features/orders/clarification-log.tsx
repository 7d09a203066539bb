import { Button, Checkbox, Empty, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ORDER_CHANNELS,
  type ClarificationRecord,
  type OrderRecord,
} from '../../../src-shared/orders/order-record';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { useClarificationForm, type ClarificationValues } from './use-clarification-form';

/**
 * The clarification log of an order: who asked whom, when, by which channel, what was asked
 * and what was answered; open questions can be answered from here.
 */
export function ClarificationLog({
  order,
  clarifications,
  canLog,
}: {
  order: OrderRecord;
  clarifications: ClarificationRecord[];
  canLog: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const state = useClarificationForm(order);
  const answers = new Map(
    clarifications.filter((c) => c.answerTo).map((c) => [c.answerTo!, c] as const),
  );
  const questions = clarifications
    .filter((c) => !c.answerTo)
    .sort((a, b) => (a.clientTime < b.clientTime ? -1 : 1));
  const required = { required: true, message: t('validation.required') };
  const who = (c: ClarificationRecord) =>
    t('orders.clarify.by', { name: c.byName ?? c.by, channel: t(`orders.channels.${c.channel}`) });

  return (
    <section className="order-section" data-testid="clarification-log">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5}>{t('orders.detail.clarifications')}</Typography.Title>
        {canLog ? (
          <Button onClick={() => state.show(null)} data-testid="clarify-add">
            {t('orders.clarify.add')}
          </Button>
        ) : null}
      </Space>
      {questions.length === 0 ? (
        <Empty description={t('orders.clarify.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={questions}
          renderItem={(q) => {
            const later = answers.get(q.id);
            const answer = q.answer ?? later?.answer;
            return (
              <List.Item data-testid="clarification" data-clarification-id={q.id}>
                <div style={{ width: '100%' }}>
                  <Typography.Text type="secondary">
                    {formatDateTime(q.clientTime, language)} · {who(q)}
                    {q.contact ? ` · ${q.contact}` : ''}
                  </Typography.Text>
                  <div>
                    <strong>{t('orders.clarify.asked')}:</strong> {q.question}
                  </div>
                  {answer ? (
                    <div>
                      <strong>{t('orders.clarify.answered')}:</strong> {answer}
                      {later ? (
                        <Typography.Text type="secondary">
                          {' '}
                          ({formatDateTime(later.clientTime, language)} · {who(later)})
                        </Typography.Text>
                      ) : null}
                    </div>
                  ) : (
                    <Space>
                      <Typography.Text type="warning">
                        {t('orders.clarify.waiting')}
                      </Typography.Text>
                      {canLog ? (
                        <Button
                          size="small"
                          onClick={() => state.show(q)}
                          data-testid="clarify-answer"
                        >
                          {t('orders.clarify.logAnswer')}
                        </Button>
                      ) : null}
                    </Space>
                  )}
                </div>
              </List.Item>
            );
          }}
        />
      )}
      <Modal
        open={state.open}
        title={state.answerTo ? t('orders.clarify.logAnswer') : t('orders.clarify.add')}
        onCancel={state.hide}
        footer={null}
        destroyOnHidden
      >
        <Form<ClarificationValues>
          form={state.form}
          name="clarify"
          layout="vertical"
          onFinish={(v) => void state.submit(v)}
          disabled={state.submitting}
        >
          {state.answerTo ? (
            <Typography.Paragraph>
              <strong>{t('orders.clarify.answerTo')}:</strong> {state.answerTo.question}
            </Typography.Paragraph>
          ) : null}
          <Form.Item
            name="channel"
            label={t('orders.clarify.channel')}
            rules={[required]}
            {...state.fieldError('channel')}
          >
            <Select
              options={ORDER_CHANNELS.map((c) => ({ value: c, label: t(`orders.channels.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t('orders.clarify.contact')}
            rules={[{ max: 100, message: t('validation.tooLong', { max: 100 }) }]}
            {...state.fieldError('contact')}
          >
            <Input />
          </Form.Item>
          {state.answerTo ? null : (
            <Form.Item
              name="question"
              label={t('orders.clarify.question')}
              rules={[
                required,
                { whitespace: true, message: t('validation.required') },
                { max: 5000, message: t('validation.tooLong', { max: 5000 }) },
              ]}
              {...state.fieldError('question')}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          <Form.Item
            name="answer"
            label={t('orders.clarify.answer')}
            rules={
              state.answerTo
                ? [required, { whitespace: true, message: t('validation.required') }]
                : [{ max: 5000, message: t('validation.tooLong', { max: 5000 }) }]
            }
            {...state.fieldError('answer')}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          {state.answerTo ? (
            order.state === 'needs_clarification' ? (
              <Form.Item name="resume" valuePropName="checked" {...state.fieldError('resume')}>
                <Checkbox>{t('orders.clarify.resume')}</Checkbox>
              </Form.Item>
            ) : null
          ) : order.state === 'under_review' ? (
            <Form.Item name="hold" valuePropName="checked" {...state.fieldError('hold')}>
              <Checkbox>{t('orders.clarify.hold')}</Checkbox>
            </Form.Item>
          ) : null}
          <Space className="dialog-actions">
            <Button onClick={state.hide}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={state.submitting}
              data-testid="clarify-submit"
            >
              {t('orders.clarify.submit')}
            </Button>
          </Space>
        </Form>
      </Modal>
    </section>
  );
}
