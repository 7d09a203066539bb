import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Switch, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorDrawer } from '../../components/editor-drawer';
import type { CarrierRecord } from '../../../src-shared/warehouse/carrier';
import { TRANSPORT_MODES } from '../../../src-shared/warehouse/dangerous-goods';
import { useCarrierEditor, type CarrierFormValues } from './use-carrier-editor';
import { useCarriers } from './use-carriers';

/**
 * The carriers the warehouse ships with: the modes each serves, what its tracking numbers
 * look like and the customer's tracking page. Read by everyone at the station, edited by
 * those allowed `carrier.edit`.
 */
export function CarrierEditor({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const carriers = useCarriers();
  const editor = useCarrierEditor();

  return (
    <section data-testid="carrier-editor">
      {editable ? (
        <Button
          icon={<PlusOutlined />}
          onClick={() => editor.open('new')}
          style={{ marginBottom: 8 }}
          data-testid="carrier-new"
        >
          {t('warehouse.carriers.new')}
        </Button>
      ) : null}
      <Table<CarrierRecord>
        size="small"
        rowKey="id"
        data-testid="carrier-list"
        dataSource={carriers}
        pagination={false}
        locale={{ emptyText: t('warehouse.carriers.none') }}
        onRow={(c) => ({ 'data-carrier': c.name }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('warehouse.carriers.name'),
            render: (_: unknown, c) => (
              <>
                {c.name}
                {c.freeText ? (
                  <Tag style={{ marginLeft: 8 }} data-testid="carrier-free-text">
                    {t('warehouse.carriers.freeTextTag')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            title: t('warehouse.carriers.modes'),
            render: (_: unknown, c) =>
              c.modes.map((m) => <Tag key={m}>{t(`warehouse.modes.${m}`)}</Tag>),
          },
          {
            title: t('warehouse.carriers.pattern'),
            render: (_: unknown, c) => (c.trackingPattern ? <code>{c.trackingPattern}</code> : '—'),
          },
          {
            title: t('warehouse.carriers.active'),
            render: (_: unknown, c) =>
              c.active ? (
                <Tag color="green">{t('warehouse.carriers.activeYes')}</Tag>
              ) : (
                <Tag>{t('warehouse.carriers.activeNo')}</Tag>
              ),
          },
          ...(editable
            ? [
                {
                  title: '',
                  render: (_: unknown, c: CarrierRecord) => (
                    <Button size="small" onClick={() => editor.open(c)} data-testid="carrier-edit">
                      {t('warehouse.carriers.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <EditorDrawer
        open={editor.editing !== null}
        onClose={editor.close}
        forceRender
        width={520}
        title={editor.existing ? editor.existing.name : t('warehouse.carriers.new')}
        saving={editor.saving}
        onSave={() => void editor.save()}
        saveLabel={t('warehouse.carriers.save')}
        saveTestId="carrier-save"
      >
        <Form<CarrierFormValues>
          form={editor.form}
          name="carrier"
          layout="vertical"
          onValuesChange={editor.onValuesChange}
        >
          <Form.Item name="name" label={t('warehouse.carriers.name')}>
            <Input data-testid="carrier-name" maxLength={100} />
          </Form.Item>
          <Form.Item name="modes" label={t('warehouse.carriers.modes')}>
            <Checkbox.Group
              data-testid="carrier-modes"
              options={TRANSPORT_MODES.map((m) => ({ value: m, label: t(`warehouse.modes.${m}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="trackingPattern"
            label={t('warehouse.carriers.pattern')}
            extra={t('warehouse.carriers.patternHelp')}
          >
            <Input data-testid="carrier-pattern" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item
            name="trackingUrl"
            label={t('warehouse.carriers.url')}
            extra={t('warehouse.carriers.urlHelp')}
          >
            <Input data-testid="carrier-url" />
          </Form.Item>
          <Form.Item name="active" label={t('warehouse.carriers.active')} valuePropName="checked">
            <Switch data-testid="carrier-active" />
          </Form.Item>
          <Form.Item
            name="freeText"
            label={t('warehouse.carriers.freeText')}
            extra={t('warehouse.carriers.freeTextHelp')}
            valuePropName="checked"
          >
            <Switch data-testid="carrier-free-text" />
          </Form.Item>
        </Form>
      </EditorDrawer>
    </section>
  );
}
