import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { departmentsFor } from '../src-shared/departments';
import { FEATURE_PAGES } from './app-routes';
import { SessionProvider } from './auth/session-provider';
import type { SessionStore } from './auth/session-store';
import { SignInScreen } from './auth/sign-in-screen';
import { useCurrentSession, useSession } from './auth/use-session';
import { AppShell } from './components/app-shell';
import { appTheme } from './components/theme';
import { OrderAlerts } from './features/orders';
import { useLanguage } from './i18n/use-language';

function SignedInRoutes() {
  const { user } = useSession();
  const departments = departmentsFor(user.role);
  const home = departments[0]?.path ?? '/';
  return (
    <AppShell alerts={<OrderAlerts />}>
      <Routes>
        {departments.map((d) => {
          const Page = FEATURE_PAGES[d.id];
          return <Route key={d.id} path={`${d.path}/*`} element={<Page />} />;
        })}
        {/* Anything else — a screen this role may not see, a stale link — goes home. */}
        <Route path="*" element={<Navigate to={home} replace />} />
      </Routes>
    </AppShell>
  );
}

function Root() {
  const session = useCurrentSession();
  if (session) return <SignedInRoutes key={session.user.id} />;
  // Signed out: whatever screen the previous user was on is forgotten.
  return (
    <Routes>
      <Route path="/" element={<SignInScreen />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

export function App({ sessionStore }: { sessionStore: SessionStore }) {
  const { language } = useLanguage();
  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zhCN : enUS}
      theme={appTheme}
      // "登 录" with a space reads oddly next to un-spaced Chinese everywhere else.
      button={{ autoInsertSpace: false }}
    >
      {/* Notifications stack bottom right: top right they covered the language switch, sync
          status and sign-out while a reviewer's pointer rested on them. */}
      <AntApp notification={{ placement: 'bottomRight' }}>
        <SessionProvider store={sessionStore}>
          <HashRouter>
            <Root />
          </HashRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
