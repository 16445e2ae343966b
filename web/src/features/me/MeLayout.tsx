/** A member's own pages, phone-sized: my attendance, my study hours, my upcoming meetings. */
import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Progress, Segmented, Spin, Statistic, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ATTENDANCE_LABELS } from '../../../../src/domain/activity/activity.ts';
import { useLogout, useSession } from '../auth/use-session.ts';
import { attendanceTally, hoursMissing, newestFirst, studyProgress } from './me-view.ts';
import { useMyAttendance, useMyStudyHours, useMyUpcoming } from './use-me.ts';

const TABS = [
  { value: '/me/upcoming', label: '近期会议' },
  { value: '/me/attendance', label: '我的出勤' },
  { value: '/me/study-hours', label: '我的学时' },
];

export default function MeLayout() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const user = session.data?.user;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12, boxSizing: 'border-box' }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>{user?.displayName}</Typography.Title>
          <Typography.Text type="secondary">{user?.orgName}</Typography.Text>
        </div>
        <Button icon={<LogoutOutlined />} onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}>退出</Button>
      </Flex>
      {user?.role !== 'member' && <Typography.Paragraph type="secondary">管理员账号没有关联的党员记录时，这里没有内容。<a href="/dashboard">返回管理页面</a></Typography.Paragraph>}
      <Segmented block value={TABS.find((t) => location.pathname.startsWith(t.value))?.value ?? '/me/upcoming'} options={TABS} onChange={(v) => navigate(v)} style={{ marginBottom: 12 }} />
      <Routes>
        <Route path="upcoming" element={<Upcoming />} />
        <Route path="attendance" element={<MyAttendance />} />
        <Route path="study-hours" element={<MyStudyHours />} />
        <Route path="*" element={<Navigate to="/me/upcoming" replace />} />
      </Routes>
    </div>
  );
}

function Upcoming() {
  const q = useMyUpcoming();
  if (q.isPending) return <Spin />;
  if (q.error) return <Empty description={q.error.message} />;
  return (
    <List bordered style={{ background: '#fff' }} dataSource={q.data} locale={{ emptyText: '近期没有安排的会议' }}
      renderItem={(a) => <List.Item><List.Item.Meta title={a.title} description={`${a.date} · ${a.kindLabel}${a.location ? ` · ${a.location}` : ''}`} /></List.Item>} />
  );
}

function MyAttendance() {
  const [year] = useState(() => new Date().getFullYear());
  const q = useMyAttendance(year);
  if (q.isPending) return <Spin />;
  if (q.error) return <Empty description={q.error.message} />;
  const t = attendanceTally(q.data);
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex justify="space-around">
          <Statistic title={`${year}年出席`} value={t.present} suffix="次" />
          <Statistic title="请假" value={t.excused} suffix="次" />
          <Statistic title="缺席" value={t.absent} suffix="次" />
        </Flex>
      </Card>
      <List bordered style={{ background: '#fff' }} dataSource={newestFirst(q.data)} locale={{ emptyText: '今年还没有会议记录' }}
        renderItem={(r) => (
          <List.Item extra={<Tag color={r.status === 'present' ? 'green' : r.status === 'excused' ? 'gold' : 'red'}>{ATTENDANCE_LABELS[r.status]}</Tag>}>
            <List.Item.Meta title={r.title} description={`${r.date} · ${r.kindLabel}${r.reason ? ` · ${r.reason}` : ''}`} />
          </List.Item>
        )} />
    </>
  );
}

function MyStudyHours() {
  const [year] = useState(() => new Date().getFullYear());
  const q = useMyStudyHours(year);
  if (q.isPending) return <Spin />;
  if (q.error) return <Empty description={q.error.message} />;
  const h = q.data;
  const missing = hoursMissing(h);
  return (
    <Card size="small">
      <Flex vertical align="center" gap={8}>
        <Progress type="circle" percent={studyProgress(h)} format={() => `${h.total}学时`} strokeColor="#b71c1c" />
        <Typography.Text>{year}年要求 {h.required} 学时{missing > 0 ? `，还差 ${missing} 学时` : '，已完成'}</Typography.Text>
      </Flex>
      <List size="small" style={{ marginTop: 12 }} dataSource={h.byMonth.filter((m) => m.hours > 0)} locale={{ emptyText: '今年还没有学时记录' }}
        renderItem={(m) => <List.Item extra={`${m.hours} 学时`}>{m.month}月</List.Item>} />
    </Card>
  );
}
