import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuildPallet } from './use-build-pallet';

/** Stacks cartons on a pallet: scan the cartons (one per line), then build; the pallet gets its own code and label. */
export function PalletForm() {
  const { t } = useTranslation();
  const build = useBuildPallet();
  const [form] = Form.useForm<{ cartons: string }>();
  const [result, setResult] = useState<{
    ok: boolean;
    key: string;
    values: Record<string, string | number>;
  } | null>(null);
  return (
    <Card size="small" title={t('warehouse.pallet.title')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          const outcome = await build(v.cartons);
          setResult(outcome);
          if (outcome.ok) form.resetFields();
        }}
      >
        <Form.Item
          name="cartons"
          label={t('warehouse.pallet.cartons')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={4} data-testid="pallet-cartons" />
        </Form.Item>
        <Button htmlType="submit" data-testid="pallet-build">
          {t('warehouse.pallet.build')}
        </Button>
      </Form>
      {result ? (
        <Alert
          style={{ marginTop: 8 }}
          type={result.ok ? 'success' : 'error'}
          data-testid="pallet-result"
          message={t(result.key as 'warehouse.pallet.built', result.values)}
        />
      ) : null}
    </Card>
  );
}
