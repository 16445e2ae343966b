/** The page a meeting's QR code opens: the logged-in member signs in as present. */
import { useEffect } from 'react';
import { Button, Result, Spin } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useSignIn } from './use-me.ts';

export default function SignInPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const signIn = useSignIn();
  const { mutate } = signIn;
  useEffect(() => { if (token) mutate(token); }, [token, mutate]);
  const back = <Link to="/me"><Button>我的页面</Button></Link>;
  if (!token) return <Result status="warning" title="签到链接不完整" subTitle="请重新扫描会议现场的二维码。" extra={back} />;
  if (signIn.isPending || signIn.isIdle) return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
  if (signIn.error) return <Result status="error" title="签到未成功" subTitle={signIn.error.message} extra={back} />;
  const { outcome, title, message } = signIn.data;
  return outcome === 'pending'
    ? <Result status="info" title="签到已提交，待书记确认" subTitle={`${title}：${message}`} extra={back} />
    : <Result status="success" title="签到成功" subTitle={`${title}：${message}`} extra={back} />;
}
