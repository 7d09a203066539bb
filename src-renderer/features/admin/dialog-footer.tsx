import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The end of every admin dialog form: the server's refusal, if any, then cancel and submit. */
export function DialogFooter(props: {
  formError: string | undefined;
  submitting: boolean;
  submitLabel: string;
  submitTestId: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.formError ? (
        <Alert
          type="error"
          showIcon
          title={props.formError}
          role="alert"
          className="admin__alert"
        />
      ) : null}
      <Space className="dialog-actions">
        <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={props.submitting}
          data-testid={props.submitTestId}
        >
          {props.submitLabel}
        </Button>
      </Space>
    </>
  );
}
