/** 组织生活: list (25 per page, sortable) and month calendar, filtered by kind, status, date range and title. */
import { useState } from 'react';
import { Badge, Button, Calendar, DatePicker, Flex, Input, Segmented, Select, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '../../../../src/contract/activities.ts';
import type { ActivityListItem } from '../../lib/types.ts';
import { useScope } from '../../app/scope.tsx';
import { optionsOf } from '../members/members-view.ts';
import { byDate, monthRange, presenceText } from './activity-form.ts';
import { useActivities, type ActivityQuery } from './use-activities.ts';

const PAGE = 25;

export default function ActivitiesPage() {
  const { org } = useScope();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const kind = params.get('kind') ?? undefined;
  const filter: ActivityQuery = {
    kind, status: params.get('status') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined,
    title: params.get('title') ?? undefined,
  };
  const setMany = (kv: Record<string, string | undefined>) => setParams((p) => {
    for (const [k, v] of Object.entries(kv)) { if (v) p.set(k, v); else p.delete(k); }
    if (!('page' in kv)) p.delete('page');
    return p;
  }, { replace: true });
  const set = (k: string, v: string | undefined) => setMany({ [k]: v });

  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>组织生活 <Typography.Text type="secondary" style={{ fontSize: 14 }}>{org.name}</Typography.Text></Typography.Title>
        <Link to="/activities/new"><Button type="primary" icon={<PlusOutlined />}>登记活动</Button></Link>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented value={view} options={[{ value: 'list', label: '列表' }, { value: 'calendar', label: '月历' }]} onChange={(v) => set('view', v === 'calendar' ? 'calendar' : undefined)} />
        <Select allowClear placeholder="全部类型" value={kind} style={{ width: 150 }} options={optionsOf(ACTIVITY_KINDS)} onChange={(v?: string) => set('kind', v)} aria-label="活动类型" />
        <Select allowClear placeholder="全部状态" value={filter.status} style={{ width: 120 }} options={optionsOf(ACTIVITY_STATUSES)} onChange={(v?: string) => set('status', v)} aria-label="状态" />
        {view === 'list' && (
          <>
            <DatePicker.RangePicker value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null} style={{ width: 240 }} placeholder={['开始日期', '结束日期']}
              onChange={(r) => setMany({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })} />
            <Input.Search allowClear placeholder="搜索主题" defaultValue={filter.title} style={{ width: 200 }} onSearch={(v) => set('title', v.trim() || undefined)} aria-label="搜索主题" />
          </>
        )}
      </Flex>
      {view === 'list' ? <ActivityList orgId={org.id} filter={filter} sort={params.get('sort') ?? undefined} order={params.get('order') ?? undefined}
        page={Number(params.get('page') ?? 1)} onPage={(p) => set('page', p > 1 ? String(p) : undefined)}
        onSort={(sort, order) => setMany({ sort, order })} />
        : <ActivityCalendar orgId={org.id} kind={kind} />}
    </>
  );
}

type SortKey = 'date' | 'title' | 'studyHours';

function ActivityList({ orgId, filter, sort, order, page, onPage, onSort }: {
  orgId: string; filter: ActivityQuery; sort?: string | undefined; order?: string | undefined; page: number;
  onPage: (p: number) => void; onSort: (sort: string | undefined, order: string | undefined) => void;
}) {
  const navigate = useNavigate();
  const sortKey = (['date', 'title', 'studyHours'].includes(sort ?? '') ? sort : undefined) as SortKey | undefined;
  const asc = order === 'asc';
  const q = useActivities(orgId, { ...filter, sort: sortKey, order: sortKey ? (asc ? 'asc' : 'desc') : undefined, limit: PAGE, offset: (page - 1) * PAGE });
  // The list is newest first until a column header says otherwise.
  const sortOrder = (k: SortKey) => ((sortKey ?? 'date') === k ? (sortKey && asc ? 'ascend' as const : 'descend' as const) : null);
  const columns: TableColumnsType<ActivityListItem> = [
    { title: '日期', dataIndex: 'date', key: 'date', width: 110, sorter: true, sortOrder: sortOrder('date'), sortDirections: ['descend', 'ascend', 'descend'] },
    { title: '类型', dataIndex: 'kindLabel', render: (l: string, a) => <>{<Tag>{l}</Tag>}{a.status === 'planned' && <Tag color="blue">{a.statusLabel}</Tag>}</> },
    { title: '主题', dataIndex: 'title', key: 'title', sorter: true, sortOrder: sortOrder('title'), render: (t: string, a) => <Link to={`/activities/${a.id}`}>{t}</Link> },
    { title: '出席', key: 'presence', responsive: ['sm'], render: (_, a) => presenceText(a) },
    { title: '学时', dataIndex: 'studyHours', key: 'studyHours', responsive: ['md'], sorter: true, sortOrder: sortOrder('studyHours') },
    { title: '地点', dataIndex: 'location', responsive: ['lg'] },
  ];
  const onTableChange: TableProps<ActivityListItem>['onChange'] = (_p, _f, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const k = sorter.order ? (sorter.columnKey as SortKey) : undefined;
    onSort(k === 'date' && sorter.order === 'descend' ? undefined : k, k && sorter.order === 'ascend' ? 'asc' : undefined);
  };
  return (
    <Table<ActivityListItem> rowKey="id" size="middle" columns={columns} dataSource={q.data?.items} loading={q.isFetching}
      scroll={{ x: 'max-content' }} onChange={onTableChange}
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
