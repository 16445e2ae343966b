/** 党员: list with search and filters, masked personal data, detail drawer with edit, import and export. */
import { useState } from 'react';
import { Button, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { MEMBER_CATEGORY_LABELS, MEMBER_STATUSES } from '../../../../src/domain/member/member.ts';
import { qs } from '../../lib/api.ts';
import type { MemberItem } from '../../lib/types.ts';
import { useScope } from '../../app/scope.tsx';
import { subgroupsOf } from '../orgs/org-tree.ts';
import { categoryText, GENDER_LABELS, optionsOf, positionsText, statusText } from './members-view.ts';
import { useMembers, type MemberFilter } from './use-members.ts';
import { MemberDrawer } from './MemberDrawer.tsx';
import { ImportModal } from './ImportModal.tsx';

export default function MembersPage() {
  const { org, orgs } = useScope();
  const { memberId } = useParams();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<MemberFilter>({});
  const [importOpen, setImportOpen] = useState(false);
  const members = useMembers(org.id, filter);
  const subgroups = subgroupsOf(orgs, org.id);

  const columns: TableColumnsType<MemberItem> = [
    { title: '姓名', dataIndex: 'name', render: (name: string) => <Typography.Link>{name}</Typography.Link> },
    { title: '性别', dataIndex: 'gender', responsive: ['md'], render: (g: MemberItem['gender']) => (g ? GENDER_LABELS[g] : '') },
    { title: '类别', dataIndex: 'category', render: (_, m) => <Tag color={m.category === 'probationary' ? 'orange' : 'red'}>{categoryText(m)}</Tag> },
    { title: '职务', dataIndex: 'positions', responsive: ['lg'], render: (_, m) => positionsText(m.positions) },
    { title: '入党时间', dataIndex: 'admittedOn', responsive: ['md'] },
    { title: '状态', dataIndex: 'status', responsive: ['sm'], render: (_, m) => statusText(m) },
    { title: '手机', dataIndex: 'phoneMasked', responsive: ['lg'] },
    { title: '身份证号', dataIndex: 'idNumberMasked', responsive: ['xl'] },
  ];

  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>党员名单 <Typography.Text type="secondary" style={{ fontSize: 14 }}>{org.name}</Typography.Text></Typography.Title>
        <Space wrap>
          <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>从花名册导入</Button>
          <Button icon={<DownloadOutlined />} href={`/api/members/export${qs({ orgId: org.id })}`}>导出 Excel</Button>
        </Space>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="搜索姓名" style={{ width: 200 }} onSearch={(search) => setFilter((f) => ({ ...f, search: search || undefined }))} />
        <Select allowClear placeholder="类别" style={{ width: 120 }} options={optionsOf(MEMBER_CATEGORY_LABELS)} onChange={(category?: string) => setFilter((f) => ({ ...f, category }))} />
        <Select allowClear placeholder="状态" style={{ width: 120 }} options={optionsOf(MEMBER_STATUSES)} onChange={(status?: string) => setFilter((f) => ({ ...f, status }))} />
        {subgroups.length > 0 && (
          <Select allowClear placeholder="党小组" style={{ width: 150 }} options={subgroups.map((g) => ({ value: g.id, label: g.name }))}
            onChange={(subgroupId?: string) => setFilter((f) => ({ ...f, subgroupId }))} />
        )}
      </Flex>
      <Table<MemberItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={members.data}
        loading={members.isFetching}
        pagination={{ pageSize: 25, showSizeChanger: false, showTotal: (n) => `共 ${n} 人` }}
        onRow={(m) => ({ onClick: () => navigate(`/members/${m.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: members.error ? members.error.message : '暂无党员' }}
        scroll={{ x: 'max-content' }}
      />
      <MemberDrawer id={memberId} onClose={() => navigate('/members')} />
      {importOpen && <ImportModal orgId={org.id} orgName={org.name} onClose={() => setImportOpen(false)} />}
    </>
  );
}
