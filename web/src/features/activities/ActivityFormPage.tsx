/**
 * 登记活动 / 修改活动: the record of one meeting, with agenda (第一议题), lecturer, minutes and
 * attendance. Editing prefills everything from the saved record; a possible duplicate is asked
 * about before saving; errors stand next to their fields; leaving with unsaved changes asks first.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Radio, Result, Select, Space, Spin, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, ATTENDANCE_LABELS, type ActivityKind, type AttendanceStatus } from '../../../../src/contract/activities.ts';
import { ApiError } from '../../lib/api.ts';
import { noSubmitOnEnter, useUnsavedGuard } from '../../lib/guard.tsx';
import type { Activity, ActivityAttendance } from '../../lib/types.ts';
import { useScope } from '../../app/scope.tsx';
import { optionsOf } from '../members/members-view.ts';
import { useMembers } from '../members/use-members.ts';
import { attendanceCounts, defaultAttendance, formValuesOf, markAttendance, missingReasons, toActivityInput, type ActivityFormValues } from './activity-form.ts';
import { useActivity, useRecordActivity, useUpdateActivity } from './use-activities.ts';

type Values = Omit<ActivityFormValues, 'date'> & { date: Dayjs };

/** /activities/new records; /activities/:id/edit loads the record first and edits it. */
export default function ActivityFormPage() {
  const { id } = useParams();
  const saved = useActivity(id);
  if (!id) return <ActivityForm />;
  if (saved.isPending) return <Spin />;
  if (saved.error) return <Result status="404" title="找不到这条活动记录" subTitle={saved.error.message} />;
  return <ActivityForm saved={saved.data} key={saved.data.id} />;
}

function ActivityForm({ saved }: { saved?: Activity }) {
  const { org } = useScope();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = (Form.useWatch('kind', form) ?? saved?.kind ?? params.get('kind') ?? 'branchCommitteeMeeting') as ActivityKind;
  const orgId = saved?.orgId ?? org.id;
  const members = useMembers(orgId, {});
  const record = useRecordActivity();
  const update = useUpdateActivity(saved?.id ?? '');
  const mutation = saved ? update : record;
  const [attendance, setAttendance] = useState<ActivityAttendance[] | null>(saved ? saved.attendance : null);
  const [showReasons, setShowReasons] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [leaving, setLeaving] = useState(false);
  useUnsavedGuard(dirty && !leaving);

  // The attendance list follows the kind until the user marks someone (then it is theirs); an
  // edited record keeps the attendance it was saved with.
  const [touched, setTouched] = useState(!!saved);
  useEffect(() => {
    if (members.data && !touched) setAttendance(defaultAttendance(members.data, kind));
  }, [members.data, kind, touched]);

  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.name])), [members.data]);
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  const rows = attendance ?? [];
  const counts = attendanceCounts(rows);
  const missing = new Set(missingReasons(rows));
  const mark = (memberId: string, status: AttendanceStatus, reason?: string) => { setTouched(true); setDirty(true); setAttendance(markAttendance(rows, memberId, status, reason)); };

  const save = (v: Values, allowDuplicate: boolean) => {
    const { orgId: _o, ...body } = toActivityInput(orgId, { ...v, date: v.date.format('YYYY-MM-DD') }, rows);
    const onError = (e: Error) => {
      if (e instanceof ApiError && e.status === 409 && !allowDuplicate) {
        modal.confirm({ title: '可能重复登记', content: e.message, okText: '仍然保存', cancelText: '返回检查', onOk: () => save(v, true) });
        return;
      }
      // Field errors stand next to their fields, not only in a passing message.
      if (e instanceof ApiError) form.setFields(e.issues.filter((i) => i.field in v).map((i) => ({ name: i.field as keyof Values, errors: [i.message] })));
    };
    const onSuccess = (a: Activity) => { setLeaving(true); void message.success(saved ? '修改已保存' : '活动已登记'); setTimeout(() => navigate(`/activities/${a.id}`), 0); };
    if (saved) update.mutate({ ...body, allowDuplicate }, { onSuccess, onError });
    else record.mutate({ orgId, ...body, allowDuplicate }, { onSuccess, onError });
  };
  const submit = (v: Values) => {
    if (missing.size > 0) { setShowReasons(true); void message.warning('请填写请假或缺席的原因'); return; }
    save(v, false);
  };

  const initial = saved
    ? { ...formValuesOf(saved), date: dayjs(saved.date) }
    : { kind, status: 'held' as const, date: dayjs(), agendaItems: [{ title: '', isFirstAgendaItem: true }], nonMemberParticipants: 0, studyHours: 0 };
  const title = saved ? '修改活动' : '登记活动';
  const showError = mutation.error && !(mutation.error instanceof ApiError && mutation.error.status === 409);

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 900 }} initialValues={initial} onValuesChange={() => setDirty(true)}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{title} <Typography.Text type="secondary" style={{ fontSize: 14 }}>{org.name}</Typography.Text></Typography.Title>
      {showError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={mutation.error.message} />}
      <Card size="small" title="基本信息" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12}>
          <Form.Item label="类型" name="kind" rules={[{ required: true }]} style={{ minWidth: 180 }}>
            <Select options={optionsOf(ACTIVITY_KINDS)} onChange={() => setTouched(false)} />
          </Form.Item>
          <Form.Item label="状态" name="status"><Radio.Group optionType="button" options={optionsOf(ACTIVITY_STATUSES)} /></Form.Item>
          <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}><DatePicker allowClear={false} {...noSubmitOnEnter} /></Form.Item>
          <Form.Item label="学时（每人）" name="studyHours"><InputNumber min={0} max={24} step={0.5} /></Form.Item>
        </Flex>
        <Form.Item label="主题" name="title" rules={[{ required: true, whitespace: true, message: '请填写主题' }]}><Input maxLength={200} placeholder="如：2026年第一季度支委会" /></Form.Item>
        <Flex wrap gap={12}>
          <Form.Item label="地点" name="location" style={{ flex: '1 1 200px' }}><Input maxLength={200} /></Form.Item>
          <Form.Item label="主持人" name="chairMemberId" style={{ flex: '1 1 160px' }}><Select allowClear showSearch={{ optionFilterProp: 'label' }} options={memberOptions} /></Form.Item>
        </Flex>
        <Flex wrap gap={12}>
          <Form.Item label="授课人（本支部党员）" name="lecturerMemberId" style={{ flex: '1 1 160px' }}><Select allowClear showSearch={{ optionFilterProp: 'label' }} options={memberOptions} /></Form.Item>
          <Form.Item label="或外请授课人姓名" name="lecturerName" style={{ flex: '1 1 160px' }}><Input maxLength={50} /></Form.Item>
        </Flex>
      </Card>
      <Card size="small" title="议题" style={{ marginBottom: 12 }}>
        <Form.List name="agendaItems">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="center" wrap style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                  <Form.Item name={[f.name, 'title']} noStyle><Input placeholder="议题" maxLength={300} style={{ flex: '1 1 220px', width: 'auto' }} /></Form.Item>
                  <Form.Item name={[f.name, 'isFirstAgendaItem']} valuePropName="checked" noStyle><Switch checkedChildren="第一议题" unCheckedChildren="第一议题" /></Form.Item>
                  <Button type="text" aria-label="删除议题" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', isFirstAgendaItem: false })}>添加议题</Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" style={{ marginBottom: 12 }}
        title={<span>出席情况 <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>出席 {counts.present} · 请假 {counts.excused} · 缺席 {counts.absent}</Typography.Text></span>}
        extra={<Button size="small" onClick={() => { setTouched(true); setDirty(true); setAttendance(defaultAttendance(members.data ?? [], kind)); }}>全部出席</Button>}>
        {members.isPending ? '正在加载党员名单…' : rows.length === 0 ? <Typography.Text type="secondary">本组织没有在册党员</Typography.Text> : (
          <div data-testid="attendance">
            {rows.map((r) => (
              <Flex key={r.memberId} gap={8} wrap align="center" style={{ padding: '6px 0', borderBottom: '1px solid #f3f3f3' }}>
                <span style={{ width: 72 }}>{names.get(r.memberId)}</span>
                <Radio.Group size="small" optionType="button" buttonStyle="solid" value={r.status} onChange={(e) => mark(r.memberId, e.target.value as AttendanceStatus)}
                  options={(['present', 'excused', 'absent'] as const).map((s) => ({ value: s, label: ATTENDANCE_LABELS[s] }))} aria-label={`${names.get(r.memberId)}的出席情况`} />
                {r.status !== 'present' && (
                  <Input size="small" placeholder="原因" value={r.reason ?? ''} maxLength={200} style={{ flex: '1 1 140px' }}
                    status={showReasons && missing.has(r.memberId) ? 'error' : undefined} aria-label={`${names.get(r.memberId)}的原因`}
                    onChange={(e) => mark(r.memberId, r.status, e.target.value)} />
                )}
              </Flex>
            ))}
          </div>
        )}
        <Form.Item label="列席的非党员人数" name="nonMemberParticipants" style={{ marginTop: 12, marginBottom: 0 }}><InputNumber min={0} max={100000} /></Form.Item>
      </Card>
      <Card size="small" title="会议记录" style={{ marginBottom: 12 }}>
        <Form.Item name="minutes" noStyle><Input.TextArea rows={6} maxLength={20000} placeholder="会议主要内容、决定事项" /></Form.Item>
      </Card>
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>保存</Button>
        <Button onClick={() => navigate(-1)}>取消</Button>
      </Space>
    </Form>
  );
}
