import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/language-switch';
import { useDocumentTitle } from '../components/use-document-title';
import { useOnline } from '../components/use-online';
import { useSignInForm, type SignInValues } from './use-sign-in-form';

export function SignInScreen() {
  const { t } = useTranslation();
  const online = useOnline();
  const { form, submitting, fieldError, formError, onFinish, onValuesChange } = useSignInForm();
  useDocumentTitle(t('signIn.title'));
  const usernameError = fieldError('username');
  const passwordError = fieldError('password');

  return (
    <main className="sign-in" id="main">
      <div className="sign-in__language">
        <LanguageSwitch />
      </div>
      <Card className="sign-in__card" variant="borderless">
        <div className="sign-in__brand">
          <span className="app-logo" aria-hidden="true">
            OL
          </span>
          <div>
            <Typography.Text strong className="sign-in__app-name">
              {t('app.name')}
            </Typography.Text>
            <Typography.Text type="secondary" className="sign-in__tagline">
              {t('app.tagline')}
            </Typography.Text>
          </div>
        </div>
        <Typography.Title level={1} className="sign-in__title">
          {t('signIn.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
        {online ? null : (
          <Alert
            className="sign-in__alert"
            type="info"
            showIcon
            title={t('signIn.offlineNote')}
            data-testid="sign-in-offline-note"
          />
        )}
        <Form<SignInValues>
          form={form}
          name="sign-in"
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={onValuesChange}
          disabled={submitting}
        >
          <Form.Item
            name="username"
            label={t('signIn.username')}
            rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
            {...(usernameError ? { validateStatus: 'error' as const, help: usernameError } : {})}
          >
            <Input
              size="large"
              prefix={<UserOutlined aria-hidden="true" />}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signIn.password')}
            rules={[{ required: true, message: t('signIn.passwordRequired') }]}
            {...(passwordError ? { validateStatus: 'error' as const, help: passwordError } : {})}
          >
            <Input.Password
              size="large"
              prefix={<LockOutlined aria-hidden="true" />}
              autoComplete="current-password"
            />
          </Form.Item>
          {formError ? (
            <Alert
              className="sign-in__alert"
              type="error"
              showIcon
              title={formError}
              role="alert"
              data-testid="sign-in-error"
            />
          ) : null}
          <Form.Item className="sign-in__submit">
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={submitting}
              data-testid="sign-in-submit"
            >
              {t('signIn.submit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </main>
  );
}
