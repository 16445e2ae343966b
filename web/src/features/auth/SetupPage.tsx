/**
 * 首次使用: creates the first administrator with the one-time link `zhibu serve` prints on its
 * console (`/setup#<token>`); the token stays in the URL fragment, which browsers never send.
 */
import { Alert, Button, Form, Input } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useSession, useSetup, useSetupNeeded } from './use-session.ts';

export default function SetupPage() {
  const session = useSession();
  const needed = useSetupNeeded();
  const setup = useSetup();
  const navigate = useNavigate();
  const token = window.location.hash.slice(1);
  if (session.data) return <Navigate to="/" replace />;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, boxSizing: 'border-box' }}>
      <main style={{ width: '100%', maxWidth: 420, background: '#fff', borderRadius: 8, padding: 24, boxSizing: 'border-box', boxShadow: '0 1px 4px rgba(0,0,0,0.08)' }}>
        <h1 style={{ textAlign: 'center', margin: '0 0 8px', fontSize: 22, fontWeight: 600 }}>首次使用：创建管理员</h1>
        <p style={{ color: 'rgba(0,0,0,0.55)', margin: '0 0 16px' }}>管理员可以管理所有组织和账号。密码至少 10 个字符，不能是常见密码或用户名（可用几个词连成一句），请妥善保管。</p>
        {needed.data?.needed === false && <Alert type="info" showIcon title="系统已有账号，请直接登录。" action={<Button size="small" onClick={() => navigate('/login')}>去登录</Button>} style={{ marginBottom: 16 }} />}
        {!token && <Alert type="warning" showIcon title="链接不完整：请使用启动服务时终端中显示的完整链接（以 /setup# 开头）。" style={{ marginBottom: 16 }} />}
        {setup.error && <Alert type="error" showIcon title={setup.error.message} style={{ marginBottom: 16 }} />}
        <Form
          layout="vertical"
          requiredMark={false}
          initialValues={{ username: 'admin' }}
          disabled={!token || needed.data?.needed === false}
          onFinish={(v: { username: string; displayName?: string; password: string }) =>
            setup.mutate({ token, username: v.username, password: v.password, displayName: v.displayName || undefined }, { onSuccess: () => navigate('/', { replace: true }) })}
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item label="显示名称（可选）" name="displayName">
            <Input placeholder="如：党委办公室" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }, { min: 10, message: '密码至少 10 个字符' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="再次输入密码" name="confirm" dependencies={['password']}
            rules={[{ required: true, message: '请再次输入密码' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={setup.isPending}>创建并登录</Button>
        </Form>
      </main>
    </div>
  );
}
