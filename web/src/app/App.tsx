/** Providers and top-level routes. Only the login page is in the first chunk; the rest loads on demand. */
import { lazy, Suspense, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, Route, RouterProvider, Routes, useLocation } from 'react-router';
import { ApiError } from '../lib/api.ts';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { useSession } from '../features/auth/use-session.ts';

const Shell = lazy(() => import('./Shell.tsx'));
const MeLayout = lazy(() => import('../features/me/MeLayout.tsx'));
const SignInPage = lazy(() => import('../features/me/SignInPage.tsx'));
const SetupPage = lazy(() => import('../features/auth/SetupPage.tsx'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});

const theme = { token: { colorPrimary: '#b71c1c', borderRadius: 4 } };

/** A centred spinner while a page's chunk or data loads. */
export function PageSpinner() {
  return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
}

/** Shows its children to a logged-in user, otherwise sends them to the login page. */
function RequireSession({ children, roles }: { children: ReactNode; roles?: string[] }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageSpinner />;
  if (!session.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles && !roles.includes(session.data.user.role)) return <Navigate to={session.data.user.role === 'member' ? '/me' : '/'} replace />;
  return <>{children}</>;
}

function TopRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/sign-in" element={<RequireSession><SignInPage /></RequireSession>} />
        <Route path="/me/*" element={<RequireSession><MeLayout /></RequireSession>} />
        <Route path="/*" element={<RequireSession roles={['admin', 'orgAdmin']}><Shell /></RequireSession>} />
      </Routes>
    </Suspense>
  );
}

// A data router (one splat route around the descendant routes) so that forms can block
// navigation while they hold unsaved changes (useBlocker needs one).
const router = createBrowserRouter([{ path: '*', element: <TopRoutes /> }]);

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
