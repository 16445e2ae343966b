/** 登录: username and password; a member lands on their own pages, an administrator on the dashboard. */
import { Alert, Button, Form, Input } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useSession, useSetupNeeded } from './use-session.ts';
import { landingPath } from './landing.ts';

export function LoginPage() {
  const session = useSession();
  const login = useLogin();
  const setupNeeded = useSetupNeeded();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  if (session.data) return <Navigate to={landingPath(session.data.user.role, next)} replace />;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, boxSizing: 'border-box' }}>
      {/* Plain elements rather than Card/Typography: this page is the first screen, every kilobyte counts. */}
      <main style={{ width: '100%', maxWidth: 380, background: '#fff', borderRadius: 8, padding: 24, boxSizing: 'border-box', boxShadow: '0 1px 4px rgba(0,0,0,0.08)' }}>
        <h1 style={{ textAlign: 'center', margin: '0 0 8px', fontSize: 24, fontWeight: 600 }}>支部 · 工作平台</h1>
        <p style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)', margin: '0 0 20px' }}>基层党组织工作记录与总结</p>
        {setupNeeded.data?.needed && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }}
            title="还没有管理员账号：请打开启动服务时终端中显示的一次性链接（/setup#…）创建，或停止服务后运行 npx zhibu user add --admin --username admin。" />
        )}
        {login.error && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />}
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(v: { username: string; password: string }) =>
            login.mutate(v, { onSuccess: (s) => navigate(landingPath(s.user.role, next), { replace: true }) })}
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>登录</Button>
        </Form>
      </main>
    </div>
  );
}
