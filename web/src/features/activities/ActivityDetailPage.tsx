/** One activity: its record, attendance by name, editing, its 修改记录, the sign-in QR code and deletion (to the recycle bin). */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, List, Popconfirm, Result, Spin, Tag, Typography } from 'antd';
import { EditOutlined, HistoryOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, ATTENDANCE_LABELS } from '../../../../src/contract/activities.ts';
import { HistoryDrawer } from '../history/HistoryDrawer.tsx';
import { useMembers } from '../members/use-members.ts';
import { attendanceCounts } from './activity-form.ts';
import { useActivity, useDeleteActivity } from './use-activities.ts';
import { SignInQrModal } from './SignInQrModal.tsx';

export default function ActivityDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = useActivity(id);
  const members = useMembers(q.data?.orgId ?? '', {});
  const del = useDeleteActivity();
  const [qrOpen, setQrOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  if (q.isPending) return <Spin />;
  if (q.error) return <Result status="404" title="找不到这条活动记录" subTitle={q.error.message} />;
  const a = q.data;
  const names = new Map((members.data ?? []).map((m) => [m.id, m.name]));
  const name = (mid: string | null) => (mid ? names.get(mid) ?? '' : '');
  const counts = attendanceCounts(a.attendance);
  return (
    <div style={{ maxWidth: 900 }}>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{a.title} {a.status === 'planned' && <Tag color="blue">计划召开</Tag>}</Typography.Title>
        <Flex gap={8} wrap>
          <Link to={`/activities/${a.id}/edit`}><Button type="primary" icon={<EditOutlined />}>编辑</Button></Link>
          <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>修改记录</Button>
          <Button icon={<QrcodeOutlined />} onClick={() => setQrOpen(true)}>签到二维码</Button>
          <Popconfirm title="删除这条活动记录？" description="删除后进入回收站，30 天内可恢复。" okText="删除" cancelText="取消"
            onConfirm={() => del.mutate(a.id, { onSuccess: () => { void message.success('已移入回收站，30 天内可恢复'); navigate('/activities'); } })}>
            <Button danger loading={del.isPending}>删除</Button>
          </Popconfirm>
        </Flex>
      </Flex>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12, background: '#fff' }}>
        <Descriptions.Item label="类型">{ACTIVITY_KINDS[a.kind]}</Descriptions.Item>
        <Descriptions.Item label="日期">{a.date}</Descriptions.Item>
        <Descriptions.Item label="状态">{ACTIVITY_STATUSES[a.status]}</Descriptions.Item>
        <Descriptions.Item label="地点">{a.location}</Descriptions.Item>
        <Descriptions.Item label="主持人">{name(a.chairMemberId)}</Descriptions.Item>
        <Descriptions.Item label="授课人">{a.lecturerMemberId ? name(a.lecturerMemberId) : a.lecturerName}</Descriptions.Item>
        <Descriptions.Item label="学时">{a.studyHours}</Descriptions.Item>
        <Descriptions.Item label="出席">出席 {counts.present} · 请假 {counts.excused} · 缺席 {counts.absent}{a.nonMemberParticipants ? ` · 非党员 ${a.nonMemberParticipants}` : ''}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title="议题" style={{ marginBottom: 12 }}>
        <List size="small" dataSource={a.agendaItems} locale={{ emptyText: '未登记议题' }}
          renderItem={(it, i) => <List.Item>{i + 1}. {it.title} {it.isFirstAgendaItem && <Tag color="red">第一议题</Tag>}</List.Item>} />
      </Card>
      <Card size="small" title="出席情况" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8}>
          {a.attendance.map((r) => (
            <Tag key={r.memberId} color={r.status === 'present' ? 'green' : r.status === 'excused' ? 'gold' : 'red'}>
              {name(r.memberId)} {ATTENDANCE_LABELS[r.status]}{r.reason ? `（${r.reason}）` : ''}
            </Tag>
          ))}
        </Flex>
      </Card>
      <Card size="small" title="会议记录">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.minutes ?? '未登记'}</Typography.Paragraph>
      </Card>
      <HistoryDrawer type="activity" id={a.id} names={names} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      {qrOpen && <SignInQrModal activityId={a.id} title={a.title} onClose={() => setQrOpen(false)} />}
    </div>
  );
}
