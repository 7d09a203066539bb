import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The corner of an admin list card: reload from the server, and make a new one. */
export function CardActions(props: {
  loading: boolean;
  onReload: () => void;
  onCreate: () => void;
  createLabel: string;
  createTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button icon={<ReloadOutlined />} onClick={props.onReload} loading={props.loading}>
        {t('common.refresh')}
      </Button>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={props.onCreate}
        data-testid={props.createTestId}
      >
        {props.createLabel}
      </Button>
    </Space>
  );
}
