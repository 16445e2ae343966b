/** A member's details (masked personal data) and the edit form. */
import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Result, Select, Space, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MEMBER_CATEGORY_LABELS, MEMBER_STATUSES, POSITIONS } from '../../../../src/domain/member/member.ts';
import type { MemberItem } from '../../lib/types.ts';
import { useScope } from '../../app/scope.tsx';
import { subgroupsOf } from '../orgs/org-tree.ts';
import { categoryText, GENDER_LABELS, memberPatch, optionsOf, positionsText, statusText, type MemberEdit } from './members-view.ts';
import { useMember, useUpdateMember } from './use-members.ts';
import { useSession } from '../auth/use-session.ts';
import { Link } from 'react-router';

type DateField = 'birthDate' | 'admittedOn' | 'fullOn';
type FormValues = Omit<MemberEdit, DateField> & Record<DateField, Dayjs | null>;

export function MemberDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const member = useMember(id);
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const close = () => { setEditing(false); onClose(); };
  return (
    <Drawer open={!!id} onClose={close} title={member.data?.name ?? '党员信息'} size="large" styles={{ wrapper: { maxWidth: '100vw' } }}
      extra={member.data && !editing && (
        <Space>
          {session.data?.user.role === 'admin' && <Link to={`/accounts?memberId=${member.data.id}`}><Button>创建账号</Button></Link>}
          <Button type="primary" onClick={() => setEditing(true)}>编辑</Button>
        </Space>
      )}>
      {member.isPending ? <Spin /> : member.error ? <Result status="404" title="找不到这名党员" subTitle={member.error.message} />
        : editing ? <MemberForm member={member.data} onDone={() => setEditing(false)} /> : <MemberDetails m={member.data} />}
    </Drawer>
  );
}

function MemberDetails({ m }: { m: MemberItem }) {
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label="姓名">{m.name}</Descriptions.Item>
      <Descriptions.Item label="性别">{m.gender ? GENDER_LABELS[m.gender] : ''}</Descriptions.Item>
      <Descriptions.Item label="民族">{m.ethnicity}</Descriptions.Item>
      <Descriptions.Item label="出生日期">{m.birthDate}</Descriptions.Item>
      <Descriptions.Item label="学历">{m.education}</Descriptions.Item>
      <Descriptions.Item label="类别">{categoryText(m)}</Descriptions.Item>
      <Descriptions.Item label="入党时间">{m.admittedOn}</Descriptions.Item>
      <Descriptions.Item label="转正时间">{m.fullOn}</Descriptions.Item>
      <Descriptions.Item label="状态">{statusText(m)}</Descriptions.Item>
      <Descriptions.Item label="职务">{positionsText(m.positions)}</Descriptions.Item>
      <Descriptions.Item label="手机">{m.phoneMasked}</Descriptions.Item>
      <Descriptions.Item label="身份证号">{m.idNumberMasked}</Descriptions.Item>
    </Descriptions>
  );
}

function MemberForm({ member, onDone }: { member: MemberItem; onDone: () => void }) {
  const { orgs } = useScope();
  const update = useUpdateMember();
  const { message } = App.useApp();
  const subgroups = subgroupsOf(orgs, member.orgId);
  const initial: FormValues = {
    ...member,
    birthDate: member.birthDate ? dayjs(member.birthDate) : null,
    admittedOn: member.admittedOn ? dayjs(member.admittedOn) : null,
    fullOn: member.fullOn ? dayjs(member.fullOn) : null,
  };
  const submit = (v: FormValues) => {
    const edit: MemberEdit = { ...v, birthDate: v.birthDate?.format('YYYY-MM-DD') ?? null, admittedOn: v.admittedOn?.format('YYYY-MM-DD') ?? null, fullOn: v.fullOn?.format('YYYY-MM-DD') ?? null };
    const patch = memberPatch(member, edit);
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate({ id: member.id, patch }, {
      onSuccess: () => { void message.success('已保存'); onDone(); },
      onError: (e) => void message.error(e.message),
    });
  };
  return (
    <Form<FormValues> layout="vertical" initialValues={initial} onFinish={submit}>
      <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input maxLength={50} /></Form.Item>
      <Space wrap>
        <Form.Item label="性别" name="gender"><Select allowClear style={{ width: 100 }} options={optionsOf(GENDER_LABELS)} /></Form.Item>
        <Form.Item label="民族" name="ethnicity"><Input style={{ width: 120 }} maxLength={20} /></Form.Item>
        <Form.Item label="出生日期" name="birthDate"><DatePicker /></Form.Item>
      </Space>
      <Form.Item label="学历" name="education"><Input maxLength={50} /></Form.Item>
      <Space wrap>
        <Form.Item label="类别" name="category"><Select style={{ width: 120 }} options={optionsOf(MEMBER_CATEGORY_LABELS)} /></Form.Item>
        <Form.Item label="入党时间" name="admittedOn"><DatePicker /></Form.Item>
        <Form.Item label="转正时间" name="fullOn"><DatePicker /></Form.Item>
      </Space>
      <Space wrap>
        <Form.Item label="状态" name="status"><Select style={{ width: 130 }} options={optionsOf(MEMBER_STATUSES)} /></Form.Item>
        {subgroups.length > 0 && <Form.Item label="党小组" name="subgroupId"><Select allowClear style={{ width: 160 }} options={subgroups.map((g) => ({ value: g.id, label: g.name }))} /></Form.Item>}
      </Space>
      <Form.Item label="职务" name="positions"><Select mode="multiple" options={optionsOf(POSITIONS)} /></Form.Item>
      <Form.Item label="手机（留空不修改）" name="phone" extra={`当前：${member.phoneMasked ?? '未登记'}`}><Input maxLength={20} autoComplete="off" /></Form.Item>
      <Form.Item label="身份证号（留空不修改）" name="idNumber" extra={`当前：${member.idNumberMasked ?? '未登记'}`}><Input maxLength={18} autoComplete="off" /></Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={update.isPending}>保存</Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}
