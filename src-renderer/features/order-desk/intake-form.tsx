import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { customerLabel, dangerousGoodsOf } from '../../../src-shared/orders/catalog';
import { ORDER_CHANNELS } from '../../../src-shared/orders/order-record';
import { useCatalog } from '../../components/use-catalog';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import './order-desk.css';
import { useIntakeForm, type IntakeFormValues } from './use-intake-form';

/**
 * Taking an order by phone, e-mail or in person, from the keyboard: customer and model are
 * searched as they are typed, Enter in a quantity adds the next line, Ctrl+Enter takes the
 * order. What is typed is kept on the PC until the order is taken.
 */
export function IntakeForm() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const catalog = useCatalog();
  const state = useIntakeForm();
  const { form } = state;
  const lines = Form.useWatch('lines', form) ?? [];

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void state.submit();
    }
  };

  return (
    <div onKeyDown={onKeyDown} data-testid="intake">
      <Typography.Paragraph type="secondary">
        {t('orders.intake.keyboardHint')}
      </Typography.Paragraph>
      {state.restoredAt ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="draft-restored"
          title={t('orders.intake.draftRestored', {
            time: formatDateTime(state.restoredAt, language),
          })}
          action={
            <Button
              size="small"
              onClick={() => void state.discardDraft()}
              data-testid="draft-discard"
            >
              {t('orders.intake.discardDraft')}
            </Button>
          }
        />
      ) : null}
      <Form<IntakeFormValues>
        form={form}
        name="intake"
        layout="vertical"
        initialValues={{ channel: 'phone', lines: [{}] }}
        onValuesChange={state.onValuesChange}
        disabled={state.submitting}
      >
        <Space wrap align="start" size="middle">
          <Form.Item
            name="customerId"
            label={t('orders.fields.customer')}
            style={{ minWidth: 340 }}
          >
            <Select
              showSearch
              autoFocus
              allowClear
              placeholder={t('orders.intake.customerPlaceholder')}
              optionFilterProp="label"
              options={catalog.customers.map((c) => ({
                value: c.id,
                label: customerLabel(c, language),
              }))}
              onChange={(id?: string) =>
                state.onCustomerChosen(id ? catalog.customersById.get(id) : undefined)
              }
              data-testid="intake-customer"
            />
          </Form.Item>
          <Form.Item name="channel" label={t('orders.fields.channel')}>
            <Select
              style={{ width: 150 }}
              options={ORDER_CHANNELS.map((c) => ({ value: c, label: t(`orders.channels.${c}`) }))}
              data-testid="intake-channel"
            />
          </Form.Item>
          <Form.Item name="customerRef" label={t('orders.fields.customerRef')}>
            <Input style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start" size="middle">
          <Form.Item name="contactName" label={t('orders.fields.contact')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('orders.fields.contactPhone')}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="contactEmail" label={t('orders.fields.contactEmail')}>
            <Input style={{ width: 240 }} />
          </Form.Item>
        </Space>

        <Typography.Text strong>{t('orders.fields.lines')}</Typography.Text>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <div data-testid="intake-lines">
              {fields.map((field, index) => {
                const model = lines[index]?.model;
                const product = model ? catalog.productsByCode.get(model) : undefined;
                const dg = product ? dangerousGoodsOf(product.unNumber) : undefined;
                return (
                  <div className="intake-line" key={field.key} data-line={index}>
                    <Form.Item
                      name={[field.name, 'model']}
                      label={index === 0 ? t('orders.fields.model') : undefined}
                      extra={
                        product
                          ? t('orders.intake.productHint', {
                              moq: formatNumber(product.moq, language),
                              days: product.leadTimeDays,
                              un:
                                dg === 'not-restricted'
                                  ? t('orders.intake.notRestricted', { un: product.unNumber })
                                  : t('orders.intake.dangerousGoods', { un: product.unNumber }),
                            })
                          : undefined
                      }
                    >
                      <Select
                        showSearch
                        allowClear
                        placeholder={t('orders.intake.modelPlaceholder')}
                        aria-label={`${t('orders.fields.model')} ${index + 1}`}
                        optionFilterProp="label"
                        options={catalog.products.map((p) => ({
                          value: p.code,
                          label: `${p.code} · ${language === 'zh-CN' ? p.name.zh : p.name.en}`,
                        }))}
                        onChange={(code?: string) => {
                          const specs = code ? catalog.productsByCode.get(code)?.specs : undefined;
                          form.setFieldValue(
                            ['lines', field.name, 'spec'],
                            specs?.length === 1 ? specs[0]!.code : undefined,
                          );
                        }}
                        data-testid={`intake-model-${index}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'spec']}
                      label={index === 0 ? t('orders.fields.spec') : undefined}
                    >
                      <Select
                        showSearch
                        allowClear
                        placeholder={t('orders.intake.specPlaceholder')}
                        aria-label={`${t('orders.fields.spec')} ${index + 1}`}
                        optionFilterProp="label"
                        options={(product?.specs ?? []).map((s) => ({
                          value: s.code,
                          label: `${s.code} · ${language === 'zh-CN' ? s.name.zh : s.name.en}`,
                        }))}
                        data-testid={`intake-spec-${index}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'quantity']}
                      label={index === 0 ? t('orders.fields.quantity') : undefined}
                    >
                      <InputNumber
                        style={{ width: '100%' }}
                        min={0}
                        aria-label={`${t('orders.fields.quantity')} ${index + 1}`}
                        data-testid={`intake-quantity-${index}`}
                        onPressEnter={(e) => {
                          e.preventDefault();
                          if (index === fields.length - 1) add({});
                          setTimeout(() => state.focus(`lines.${index + 1}.model`), 0);
                        }}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('orders.intake.removeLine', { line: index + 1 })}
                      style={{ marginTop: index === 0 ? 30 : 0 }}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                    />
                  </div>
                );
              })}
              {state.linesError ? (
                <Typography.Text type="danger" id="intake_lines_help" role="alert">
                  {state.linesError}
                </Typography.Text>
              ) : null}
              <div>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  data-testid="intake-add-line"
                >
                  {t('orders.intake.addLine')}
                </Button>
              </div>
            </div>
          )}
        </Form.List>

        <Space wrap align="start" size="middle" style={{ marginTop: 16 }}>
          <Form.Item name="requestedDate" label={t('orders.fields.requestedDate')}>
            <DatePicker format="YYYY-MM-DD" data-testid="intake-date" />
          </Form.Item>
          <Form.Item name="deliveryPlace" label={t('orders.fields.deliveryPlace')}>
            <Input style={{ width: 360 }} />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('orders.fields.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            onClick={() => void state.submit()}
            loading={state.submitting}
            data-testid="intake-submit"
          >
            {t('orders.intake.submit')}
          </Button>
          {state.savedAt ? (
            <Typography.Text type="secondary" data-testid="draft-saved">
              {t('orders.intake.draftSaved')}
            </Typography.Text>
          ) : null}
        </Space>
      </Form>

      <Modal
        open={state.duplicates !== null}
        title={t('orders.intake.duplicateTitle')}
        okText={t('orders.intake.takeAnyway')}
        cancelText={t('common.cancel')}
        onOk={() => void state.takeAnyway()}
        onCancel={state.keepEditing}
        okButtonProps={{ 'data-testid': 'duplicate-take' } as Record<string, string>}
      >
        <p data-testid="duplicate-warning">
          {t('orders.intake.duplicateText', {
            numbers: (state.duplicates ?? []).map((d) => d.number).join(', '),
          })}
        </p>
      </Modal>
    </div>
  );
}
