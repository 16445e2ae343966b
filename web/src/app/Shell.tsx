/** The administrator's shell: organization tree (the scope), navigation, and the pages. */
import { lazy, Suspense, useMemo, useState } from 'react';
import { Button, Drawer, Empty, Grid, Layout, Menu, Result, Tree, Typography } from 'antd';
import { ApartmentOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { useOrgs } from '../features/orgs/use-orgs.ts';
import { buildOrgTree, initialScope } from '../features/orgs/org-tree.ts';
import { useLogout, useSession } from '../features/auth/use-session.ts';
import { PageSpinner } from './App.tsx';
import { SCOPE_STORAGE_KEY, ScopeContext, type Scope } from './scope.tsx';

dayjs.locale('zh-cn');

const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx'));
const MembersPage = lazy(() => import('../features/members/MembersPage.tsx'));
const ActivitiesPage = lazy(() => import('../features/activities/ActivitiesPage.tsx'));
const ActivityFormPage = lazy(() => import('../features/activities/ActivityFormPage.tsx'));
const ActivityDetailPage = lazy(() => import('../features/activities/ActivityDetailPage.tsx'));
const SummaryPage = lazy(() => import('../features/summary/SummaryPage.tsx'));
const DocumentsPage = lazy(() => import('../features/documents/DocumentsPage.tsx'));
const CompliancePage = lazy(() => import('../features/compliance/CompliancePage.tsx'));
const DuesPage = lazy(() => import('../features/dues/DuesPage.tsx'));
const DevelopmentPage = lazy(() => import('../features/development/DevelopmentPage.tsx'));

const NAV = [
  { key: '/dashboard', label: '概览' },
  { key: '/members', label: '党员' },
  { key: '/activities', label: '组织生活' },
  { key: '/summary', label: '工作总结' },
  { key: '/documents', label: '总结审校' },
  { key: '/compliance', label: '合规提醒' },
  { key: '/development', label: '发展党员' },
  { key: '/dues', label: '党费' },
];

export default function Shell() {
  const session = useSession();
  const orgs = useOrgs();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(SCOPE_STORAGE_KEY));

  const list = orgs.data ?? [];
  const tree = useMemo(() => buildOrgTree(list), [list]);
  const orgId = initialScope(list, chosen, session.data?.user.orgId ?? null);
  const org = list.find((o) => o.id === orgId);
  const scope: Scope | null = org
    ? { org, orgs: list, setOrgId: (id) => { localStorage.setItem(SCOPE_STORAGE_KEY, id); setChosen(id); setDrawerOpen(false); } }
    : null;

  const orgTree = tree.length > 0 && (
    <Tree
      blockNode
      defaultExpandAll
      selectedKeys={orgId ? [orgId] : []}
      treeData={tree}
      onSelect={(keys) => keys[0] && scope?.setOrgId(String(keys[0]))}
      style={{ background: 'transparent' }}
    />
  );
  const navKey = NAV.find((n) => location.pathname.startsWith(n.key))?.key ?? '/dashboard';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, padding: narrow ? '0 8px' : '0 20px', background: '#b71c1c' }}>
        {narrow && <Button type="text" aria-label="选择组织" icon={<MenuOutlined style={{ color: '#fff' }} />} onClick={() => setDrawerOpen(true)} />}
        <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>支部</Typography.Text>
        <Typography.Text style={{ color: '#ffe9e9', flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          <ApartmentOutlined /> {org?.name ?? ''}
        </Typography.Text>
        {!narrow && <Typography.Text style={{ color: '#fff' }}>{session.data?.user.displayName}</Typography.Text>}
        <Button type="text" icon={<LogoutOutlined style={{ color: '#fff' }} />} aria-label="退出登录" title="退出登录"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })} />
      </Layout.Header>
      <Layout>
        {!narrow && (
          <Layout.Sider width={250} theme="light" style={{ padding: '12px 4px', borderRight: '1px solid #eee' }}>
            <Typography.Text type="secondary" style={{ padding: '0 12px' }}>组织</Typography.Text>
            {orgTree}
          </Layout.Sider>
        )}
        <Drawer title="选择组织" placement="left" open={narrow && drawerOpen} onClose={() => setDrawerOpen(false)} size="default" styles={{ body: { padding: 8 } }}>
          {orgTree}
        </Drawer>
        <Layout.Content style={{ minWidth: 0 }}>
          <Menu mode="horizontal" selectedKeys={[navKey]} items={NAV} onClick={(e) => navigate(e.key)} style={{ paddingInline: narrow ? 0 : 12 }} />
          <div style={{ padding: narrow ? 8 : 20 }}>
            {orgs.isPending ? <PageSpinner /> : orgs.error ? <Result status="error" title="组织加载失败" subTitle={orgs.error.message} />
              : !scope ? <Empty description="没有可查看的组织" /> : (
              <ScopeContext.Provider value={scope}>
                <Suspense fallback={<PageSpinner />}>
                  <Routes>
                    <Route path="dashboard" element={<DashboardPage />} />
                    <Route path="members" element={<MembersPage />} />
                    <Route path="members/:memberId" element={<MembersPage />} />
                    <Route path="activities" element={<ActivitiesPage />} />
                    <Route path="activities/new" element={<ActivityFormPage />} />
                    <Route path="activities/:id" element={<ActivityDetailPage />} />
                    <Route path="summary" element={<SummaryPage />} />
                    <Route path="summary/:id" element={<SummaryPage />} />
                    <Route path="documents" element={<DocumentsPage />} />
                    <Route path="compliance" element={<CompliancePage />} />
                    <Route path="development" element={<DevelopmentPage />} />
                    <Route path="dues" element={<DuesPage />} />
                    <Route path="*" element={<Navigate to="/dashboard" replace />} />
                  </Routes>
                </Suspense>
              </ScopeContext.Provider>
            )}
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
