/** 组织生活: list (25 per page) and month calendar, filtered by kind. */
import { useState } from 'react';
import { Badge, Button, Calendar, Flex, Segmented, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ACTIVITY_KINDS } from '../../../../src/domain/activity/activity.ts';
import type { ActivityListItem } from '../../lib/types.ts';
import { useScope } from '../../app/scope.tsx';
import { optionsOf } from '../members/members-view.ts';
import { byDate, monthRange, presenceText } from './activity-form.ts';
import { useActivities } from './use-activities.ts';

const PAGE = 25;

export default function ActivitiesPage() {
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const kind = params.get('kind') ?? undefined;
  const set = (k: string, v: string | undefined) => setParams((p) => { if (v) p.set(k, v); else p.delete(k); if (k !== 'page') p.delete('page'); return p; }, { replace: true });

  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>组织生活 <Typography.Text type="secondary" style={{ fontSize: 14 }}>{org.name}</Typography.Text></Typography.Title>
        <Link to="/activities/new"><Button type="primary" icon={<PlusOutlined />}>登记活动</Button></Link>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented value={view} options={[{ value: 'list', label: '列表' }, { value: 'calendar', label: '月历' }]} onChange={(v) => set('view', v === 'calendar' ? 'calendar' : undefined)} />
        <Select allowClear placeholder="全部类型" value={kind} style={{ width: 170 }} options={optionsOf(ACTIVITY_KINDS)} onChange={(v?: string) => set('kind', v)} />
      </Flex>
      {view === 'list' ? <ActivityList orgId={org.id} kind={kind} page={Number(params.get('page') ?? 1)} onPage={(p) => set('page', p > 1 ? String(p) : undefined)} />
        : <ActivityCalendar orgId={org.id} kind={kind} />}
    </>
  );
}

function ActivityList({ orgId, kind, page, onPage }: { orgId: string; kind?: string; page: number; onPage: (p: number) => void }) {
  const navigate = useNavigate();
  const q = useActivities(orgId, { kind, limit: PAGE, offset: (page - 1) * PAGE });
  const columns: TableColumnsType<ActivityListItem> = [
    { title: '日期', dataIndex: 'date', width: 110 },
    { title: '类型', dataIndex: 'kindLabel', render: (l: string) => <Tag>{l}</Tag> },
    { title: '主题', dataIndex: 'title', render: (t: string, a) => <Link to={`/activities/${a.id}`}>{t}</Link> },
    { title: '出席', key: 'presence', responsive: ['sm'], render: (_, a) => presenceText(a) },
    { title: '学时', dataIndex: 'studyHours', responsive: ['md'] },
    { title: '地点', dataIndex: 'location', responsive: ['lg'] },
  ];
  return (
    <Table<ActivityListItem> rowKey="id" size="middle" columns={columns} dataSource={q.data?.items} loading={q.isFetching}
      scroll={{ x: 'max-content' }}
      onRow={(a) => ({ onClick: () => navigate(`/activities/${a.id}`), style: { cursor: 'pointer' } })}
      locale={{ emptyText: q.error ? q.error.message : '暂无活动记录' }}
      pagination={{ current: page, pageSize: PAGE, total: q.data?.total ?? 0, showSizeChanger: false, onChange: onPage, showTotal: (n) => `共 ${n} 条` }} />
  );
}

function ActivityCalendar({ orgId, kind }: { orgId: string; kind?: string }) {
  const navigate = useNavigate();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const range = monthRange(month.toDate());
  const q = useActivities(orgId, { kind, ...range, limit: 200 });
  const days = byDate(q.data?.items ?? []);
  return (
    <div style={{ background: '#fff', padding: 8, borderRadius: 4, overflowX: 'auto' }}>
      <Calendar value={month} onPanelChange={(d) => setMonth(d)} onSelect={(d, info) => info.source === 'date' && setMonth(d)} style={{ minWidth: 320 }}
        fullscreen={typeof window === 'undefined' || window.innerWidth >= 768}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const items = days.get(d.format('YYYY-MM-DD')) ?? [];
          if (window.innerWidth < 768) return items.length ? <Badge count={items.length} size="small" color="#b71c1c" /> : null;
          return (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((a) => (
                <li key={a.id} onClick={(e) => { e.stopPropagation(); navigate(`/activities/${a.id}`); }} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', fontSize: 12 }}>
                  <Badge color="#b71c1c" text={`${a.kindLabel} ${a.title}`} />
                </li>
              ))}
            </ul>
          );
        }} />
      {window.innerWidth < 768 && (
        <ul style={{ paddingLeft: 16 }}>
          {(q.data?.items ?? []).map((a) => <li key={a.id}><Link to={`/activities/${a.id}`}>{a.date.slice(5)} {a.kindLabel} · {a.title}</Link></li>)}
        </ul>
      )}
    </div>
  );
}
