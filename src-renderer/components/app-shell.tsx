import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../auth/use-session';
import { SyncBanner } from '../sync/sync-banner';
import { SyncStatus } from '../sync/sync-status';
import { DepartmentIcon } from './department-icon';
import { LanguageSwitch } from './language-switch';
import { OfflineBanner } from './offline-banner';
import { useDepartmentNav } from './use-department-nav';
import { useNavCollapsed } from './use-nav-collapsed';
import { useSignOut } from './use-sign-out';
import { UserBadge } from './user-badge';

function focusMain() {
  document.getElementById('main')?.focus();
}

/**
 * Side navigation of the user's departments, top bar, offline banner, and the screen.
 * `alerts` sits in the top bar before the sync status: the app passes the orders feature's
 * alerts in, since shared components import no feature.
 */
export function AppShell({ children, alerts }: { children: ReactNode; alerts?: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { entries, activeId } = useDepartmentNav(user.role);
  const { collapsed, setCollapsed } = useNavCollapsed();
  const { signOut, signingOut } = useSignOut();

  return (
    <Layout className="app-shell">
      <button type="button" className="skip-link" onClick={focusMain}>
        {t('app.skipToContent')}
      </button>
      <Layout.Sider
        theme="light"
        width={208}
        collapsedWidth={64}
        collapsed={collapsed}
        trigger={null}
        className="app-shell__sider"
      >
        <div className="app-shell__brand">
          <span className="app-logo" aria-hidden="true">
            OL
          </span>
          {collapsed ? null : <span className="app-shell__app-name">{t('app.name')}</span>}
        </div>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={activeId ? [activeId] : []}
            items={entries.map((e) => ({
              key: e.id,
              icon: <DepartmentIcon id={e.id} />,
              label: (
                <NavLink to={e.path} data-testid={`nav-${e.id}`}>
                  {t(`departments.${e.id}.title`)}
                </NavLink>
              ),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-shell__header">
          <Tooltip title={collapsed ? t('nav.expand') : t('nav.collapse')}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed(!collapsed)}
            />
          </Tooltip>
          <div className="app-shell__spacer" />
          {alerts}
          <SyncStatus />
          <LanguageSwitch />
          <UserBadge />
          <Button
            icon={<LogoutOutlined />}
            onClick={() => void signOut()}
            loading={signingOut}
            data-testid="sign-out"
          >
            {t('shell.signOut')}
          </Button>
        </Layout.Header>
        <OfflineBanner />
        <SyncBanner />
        <Layout.Content id="main" tabIndex={-1} className="app-shell__content">
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
