/** 个人信息访问日志: who read or changed which members' personal data, when and from where (system administrator only). */
import { useState } from 'react';
import { Alert, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, qs } from '../../lib/api.ts';
import type { PersonalDataLogEntry } from '../../../../src/contract/personal-data-log.ts';

const PAGE = 50;
const ROLE_LABELS: Record<string, string> = { admin: '系统管理员', orgAdmin: '组织管理员', member: '党员', system: '命令行' };

export default function PersonalDataLogPage() {
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['personal-data-log', page],
    queryFn: () => api.get<{ total: number; items: PersonalDataLogEntry[] }>(`/api/personal-data-log${qs({ limit: PAGE, offset: (page - 1) * PAGE })}`),
    placeholderData: keepPreviousData,
  });
  if (q.error) return <Alert type="error" showIcon title="访问日志加载失败" description={q.error.message} />;
  return (
    <div data-testid="personal-data-log">
      <Typography.Title level={4} style={{ marginTop: 0 }}>个人信息访问日志</Typography.Title>
      <Typography.Paragraph type="secondary">每次查看、导出、导入或修改党员个人信息（身份证号、手机等）都记录在此，只增不改。</Typography.Paragraph>
      <Table<PersonalDataLogEntry>
        rowKey="id" size="small" loading={q.isPending} dataSource={q.data?.items ?? []} scroll={{ x: true }}
        pagination={{ current: page, pageSize: PAGE, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '时间', dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          { title: '账号', dataIndex: 'username', render: (u: string | null, e) => `${u ?? '—'}（${ROLE_LABELS[e.role] ?? e.role}）` },
          { title: '操作', dataIndex: 'actionLabel', render: (l: string, e) => <Tag color={e.action === 'change' || e.action === 'import' ? 'orange' : undefined}>{l}</Tag> },
          { title: '记录数', dataIndex: 'recordIds', render: (ids: string[]) => ids.length },
          { title: '字段', dataIndex: 'fieldLabels', render: (ls: string[]) => ls.join('、'), responsive: ['md'] },
          { title: '来源地址', dataIndex: 'address' },
        ]}
      />
    </div>
  );
}
