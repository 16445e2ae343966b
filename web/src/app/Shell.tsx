/**
 * The administrator's shell: organization tree (the scope), navigation (a menu on a desktop, a
 * bottom tab bar on a phone), breadcrumbs with a back link on detail pages, and the pages.
 */
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Breadcrumb, Button, Drawer, Empty, Grid, Layout, Menu, Result, Tree, Typography } from 'antd';
import {
  AppstoreOutlined, ApartmentOutlined, ArrowLeftOutlined, CalendarOutlined, DashboardOutlined, LogoutOutlined, MenuOutlined, MoneyCollectOutlined, TeamOutlined,
} from '@ant-design/icons';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { useOrgs } from '../features/orgs/use-orgs.ts';
import { buildOrgTree, initialScope } from '../features/orgs/org-tree.ts';
import { useLogout, useSession } from '../features/auth/use-session.ts';
import { PageSpinner } from './App.tsx';
import { backLinkOf, crumbsFor, sectionOf, sectionsFor, TAB_BAR_KEYS } from './navigation.ts';
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
const RecycleBinPage = lazy(() => import('../features/recycle-bin/RecycleBinPage.tsx'));
const PersonalDataLogPage = lazy(() => import('../features/personal-data-log/PersonalDataLogPage.tsx'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage.tsx'));

const TAB_ICONS: Record<string, ReactNode> = {
  '/dashboard': <DashboardOutlined />, '/members': <TeamOutlined />, '/activities': <CalendarOutlined />, '/dues': <MoneyCollectOutlined />,
};

export default function Shell() {
  const session = useSession();
  const orgs = useOrgs();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
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
  const nav = sectionsFor(session.data?.user.role);
  const navKey = sectionOf(location.pathname);
  const crumbs = crumbsFor(location.pathname);
  const back = backLinkOf(location.pathname);
  const go = (key: string) => { setMoreOpen(false); navigate(key); };

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
          {!narrow && <Menu mode="horizontal" selectedKeys={[navKey]} items={nav.map((n) => ({ key: n.key, label: n.label }))} onClick={(e) => navigate(e.key)} style={{ paddingInline: 12 }} />}
          <div style={{ padding: narrow ? '8px 8px 72px' : 20 }}>
            <nav aria-label="位置" style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8, flexWrap: 'wrap' }}>
              {back?.to && <Link to={back.to} aria-label={`返回${back.label}`}><ArrowLeftOutlined /> 返回</Link>}
              <Breadcrumb items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.label}</Link> : c.label }))} />
            </nav>
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
                    <Route path="activities/:id/edit" element={<ActivityFormPage />} />
                    <Route path="recycle-bin" element={<RecycleBinPage />} />
                    {session.data?.user.role === 'admin' && <Route path="accounts" element={<AccountsPage />} />}
                    <Route path="summary" element={<SummaryPage />} />
                    <Route path="summary/:id" element={<SummaryPage />} />
                    <Route path="documents" element={<DocumentsPage />} />
                    <Route path="compliance" element={<CompliancePage />} />
                    <Route path="development" element={<DevelopmentPage />} />
                    <Route path="dues" element={<DuesPage />} />
                    {session.data?.user.role === 'admin' && <Route path="personal-data-log" element={<PersonalDataLogPage />} />}
                    <Route path="*" element={<Navigate to="/dashboard" replace />} />
                  </Routes>
                </Suspense>
              </ScopeContext.Provider>
            )}
          </div>
        </Layout.Content>
      </Layout>
      {narrow && (
        <nav aria-label="主导航" style={{ position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 100, display: 'flex', background: '#fff', borderTop: '1px solid #e8e8e8', paddingBottom: 'env(safe-area-inset-bottom)' }}>
          {[...TAB_BAR_KEYS.map((k) => nav.find((n) => n.key === k)!).filter(Boolean), { key: 'more', label: '更多' }].map((t) => {
            const active = t.key === 'more' ? !TAB_BAR_KEYS.includes(navKey as never) : navKey === t.key;
            return (
              <button key={t.key} type="button" onClick={() => (t.key === 'more' ? setMoreOpen(true) : go(t.key))} aria-current={active ? 'page' : undefined}
                style={{ flex: 1, border: 0, background: 'none', padding: '6px 0 4px', color: active ? '#b71c1c' : '#555', fontSize: 12, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 2 }}>
                <span style={{ fontSize: 20 }}>{t.key === 'more' ? <AppstoreOutlined /> : TAB_ICONS[t.key]}</span>{t.label}
              </button>
            );
          })}
        </nav>
      )}
      <Drawer title="全部功能" placement="bottom" open={narrow && moreOpen} onClose={() => setMoreOpen(false)} size="auto" styles={{ body: { padding: 12 } }}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }}>
          {nav.map((n) => (
            <Button key={n.key} type={navKey === n.key ? 'primary' : 'default'} onClick={() => go(n.key)} style={{ height: 44 }}>{n.label}</Button>
          ))}
        </div>
      </Drawer>
    </Layout>
  );
}
