/** 回收站: records deleted in the last 30 days in the current organization, restorable one by one. */
import { App, Button, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { RecycleBinItem } from '../../../../src/contract/history.ts';
import { useScope } from '../../app/scope.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useRecycleBin, useRestore } from '../history/use-history.ts';

export default function RecycleBinPage() {
  const { org } = useScope();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = useRecycleBin(org.id);
  const restore = useRestore();
  const columns: TableColumnsType<RecycleBinItem> = [
    { title: '记录', dataIndex: 'label', render: (l: string, r) => <span>{l}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.recordTypeLabel}{r.recordDate ? ` · ${r.recordDate}` : ''}</Typography.Text></span> },
    { title: '删除人', dataIndex: 'deletedByName', responsive: ['md'] },
    { title: '删除时间', dataIndex: 'deletedAt', responsive: ['sm'], render: (t: string) => formatInstant(t), sorter: (a, b) => a.deletedAt.localeCompare(b.deletedAt), defaultSortOrder: 'descend' },
    { title: '可恢复至', dataIndex: 'restorableUntil', responsive: ['lg'], render: (t: string) => formatInstant(t) },
    {
      title: '操作', key: 'restore', width: 90, render: (_, r) => (
        <Popconfirm title="恢复这条记录？" okText="恢复" cancelText="取消"
          onConfirm={() => restore.mutate(r.id, { onSuccess: (x) => { void message.success('已恢复'); navigate(x.url); }, onError: (e) => { void message.error(e.message); } })}>
          <Button size="small" icon={<UndoOutlined />}>恢复</Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>回收站 <Typography.Text type="secondary" style={{ fontSize: 14 }}>{org.name}</Typography.Text></Typography.Title>
      <Typography.Paragraph type="secondary">删除的记录在这里保留 30 天，可以恢复；期间不计入任何统计、检查和总结。</Typography.Paragraph>
      <Table<RecycleBinItem> rowKey="id" size="middle" columns={columns} dataSource={q.data} loading={q.isFetching}
        locale={{ emptyText: q.error ? q.error.message : '回收站是空的' }} pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }} />
    </>
  );
}
