/**
 * 账号管理 (administrators): every account with its role and organization; create 党委 and
 * branch administrators and members' accounts (a member chosen from the member list, or passed
 * in as ?memberId= from the member page), disable or enable, set a new password.
 */
import { useEffect, useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { ROLE_LABELS, type Account, type AccountInput, type AccountRole } from '../../../../src/contract/accounts.ts';
import { useScope } from '../../app/scope.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatInstant } from '../../lib/time.ts';
import { optionsOf } from '../members/members-view.ts';
import { useMembers } from '../members/use-members.ts';
import { useAccounts, useCreateAccount, useSetDisabled, useSetPassword } from './use-accounts.ts';

export default function AccountsPage() {
  const q = useAccounts();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(!!params.get('memberId'));
  const [passwordFor, setPasswordFor] = useState<Account | null>(null);
  const [search, setSearch] = useState('');
  const disable = useSetDisabled();
  const rows = (q.data ?? []).filter((a) => !search || a.username.includes(search) || a.displayName.includes(search) || (a.orgName ?? '').includes(search));
  const columns: TableColumnsType<Account> = [
    { title: '用户名', dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: '姓名', dataIndex: 'displayName', responsive: ['sm'] },
    { title: '角色', dataIndex: 'roleLabel', filters: optionsOf(ROLE_LABELS).map((o) => ({ text: o.label, value: o.value })), onFilter: (v, a) => a.role === v },
    { title: '所属组织', dataIndex: 'orgName', responsive: ['md'] },
    { title: '状态', dataIndex: 'disabled', render: (d: boolean) => (d ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>) },
    { title: '创建时间', dataIndex: 'createdAt', responsive: ['lg'], render: (t: string) => formatInstant(t) },
    {
      title: '操作', key: 'ops', render: (_, a) => (
        <Flex gap={4} wrap>
          <Button size="small" onClick={() => setPasswordFor(a)}>重设密码</Button>
          <Popconfirm title={a.disabled ? '启用这个账号？' : '停用这个账号？停用后立即退出登录。'} okText="确定" cancelText="取消"
            onConfirm={() => disable.mutate({ id: a.id, disabled: !a.disabled }, { onSuccess: () => { void message.success(a.disabled ? '已启用' : '已停用'); }, onError: (e) => { void message.error(e.message); } })}>
            <Button size="small" danger={!a.disabled}>{a.disabled ? '启用' : '停用'}</Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>账号管理</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>创建账号</Button>
      </Flex>
      <Input.Search allowClear placeholder="搜索用户名、姓名或组织" style={{ maxWidth: 280, marginBottom: 12 }} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} />
      <Table<Account> rowKey="id" size="middle" columns={columns} dataSource={rows} loading={q.isFetching} scroll={{ x: 'max-content' }}
        locale={{ emptyText: q.error ? q.error.message : '暂无账号' }} pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个` }} />
      {creating && <CreateAccountModal memberId={params.get('memberId') ?? undefined} onClose={() => { setCreating(false); setParams((p) => { p.delete('memberId'); return p; }, { replace: true }); }} />}
      {passwordFor && <PasswordModal account={passwordFor} onClose={() => setPasswordFor(null)} />}
    </>
  );
}

type CreateValues = AccountInput & { confirm: string };

function CreateAccountModal({ memberId, onClose }: { memberId?: string | undefined; onClose: () => void }) {
  const { org, orgs } = useScope();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const role = Form.useWatch('role', form) as AccountRole | undefined;
  const orgId = Form.useWatch('orgId', form) as string | undefined;
  const members = useMembers(orgId ?? org.id, {});
  const create = useCreateAccount();
  const chosen = Form.useWatch('memberId', form) as string | undefined;
  useEffect(() => {
    const m = members.data?.find((x) => x.id === chosen);
    if (m && !form.getFieldValue('displayName')) form.setFieldValue('displayName', m.name);
  }, [chosen, members.data, form]);
  const submit = (v: CreateValues) => {
    const { confirm: _c, ...body } = v;
    // A member account belongs to the member's own branch; an administrator to no organization.
    if (body.role !== 'orgAdmin') delete body.orgId;
    if (body.role !== 'member') delete body.memberId;
    create.mutate(body, {
      onSuccess: (a) => { void message.success(`已创建账号“${a.username}”`); onClose(); },
      onError: (e) => {
        if (e instanceof ApiError && e.issues.length) {
          const known = new Set(['username', 'password', 'displayName', 'orgId', 'memberId']);
          form.setFields(e.issues.map((i) => ({ name: (known.has(i.field) ? i.field : i.field === 'org' ? 'orgId' : i.field === 'member' ? 'memberId' : 'username') as keyof CreateValues, errors: [i.message || e.message] })));
        } else void message.error(e.message);
      },
    });
  };
  return (
    <Modal open title="创建账号" okText="创建" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form<CreateValues> form={form} layout="vertical" onFinish={submit} initialValues={{ role: memberId ? 'member' : 'orgAdmin', orgId: org.id, memberId }}>
        <Form.Item label="角色" name="role" rules={[{ required: true }]}>
          <Select options={optionsOf(ROLE_LABELS)} />
        </Form.Item>
        {role !== 'admin' && (
          <Form.Item label="所属组织" name="orgId" rules={[{ required: role === 'orgAdmin', message: '请选择组织' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={orgs.map((o) => ({ value: o.id, label: o.name }))} onChange={() => form.setFieldValue('memberId', undefined)} />
          </Form.Item>
        )}
        {role === 'member' && (
          <Form.Item label="党员" name="memberId" rules={[{ required: true, message: '请选择党员' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={members.isPending} options={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
          </Form.Item>
        )}
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }, { pattern: /^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,50}$/, message: '2–50 个字母、数字、汉字或 _ . -' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="显示名称" name="displayName"><Input maxLength={50} /></Form.Item>
        <Form.Item label="初始密码" name="password" rules={[{ required: true, message: '请输入密码' }]}><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item label="再次输入密码" name="confirm" dependencies={['password']}
          rules={[{ required: true, message: '请再次输入密码' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const set = useSetPassword();
  return (
    <Modal open title={`重设密码：${account.username}`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={set.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">保存后该账号的登录会话全部失效，请把新密码当面或电话告知本人。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => set.mutate({ id: account.id, password: v.password }, {
        onSuccess: () => { void message.success('密码已重设'); onClose(); },
        onError: (e) => form.setFields([{ name: 'password', errors: [e.message] }]),
      })}>
        <Form.Item label="新密码" name="password" rules={[{ required: true, message: '请输入新密码' }]}><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item label="再次输入" name="confirm" dependencies={['password']}
          rules={[{ required: true, message: '请再次输入' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
