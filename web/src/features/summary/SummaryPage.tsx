/** 工作总结: choose period and kind → the draft as a printed page → edit paragraphs → regenerate → export .docx. */
import { useState } from 'react';
import { Alert, Button, Card, Flex, InputNumber, List, Result, Select, Space, Spin, Typography } from 'antd';
import { FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useScope } from '../../app/scope.tsx';
import { qs } from '../../lib/api.ts';
import { formatInstant } from '../../lib/time.ts';
import { DraftPaper } from './DraftPaper.tsx';
import { SUMMARY_KIND_LABELS, type PeriodChoice } from './summary-view.ts';
import { useCreateSummary, useRegenerate, useSummaries, useSummary } from './use-summaries.ts';
import type { SummaryKind } from '../../../../src/domain/report/document.ts';

export default function SummaryPage() {
  const { id } = useParams();
  return id ? <SummaryEditor id={id} /> : <SummaryStart />;
}

function SummaryStart() {
  const { org } = useScope();
  const navigate = useNavigate();
  const [choice, setChoice] = useState<PeriodChoice>(() => ({ kind: 'annual', year: new Date().getFullYear() - (new Date().getMonth() < 6 ? 1 : 0), quarter: 1, half: 1 }));
  const create = useCreateSummary();
  const saved = useSummaries(org.id);
  return (
    <div style={{ maxWidth: 820 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>工作总结 <Typography.Text type="secondary" style={{ fontSize: 14 }}>{org.name}</Typography.Text></Typography.Title>
      <Card size="small" title="根据记录起草" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <Select aria-label="总结类型" value={choice.kind} style={{ width: 200 }} onChange={(kind: SummaryKind) => setChoice({ ...choice, kind })}
            options={(Object.keys(SUMMARY_KIND_LABELS) as SummaryKind[]).map((k) => ({ value: k, label: SUMMARY_KIND_LABELS[k] }))} />
          <InputNumber aria-label="年度" min={2000} max={2100} value={choice.year} suffix="年" style={{ width: 110 }} onChange={(y) => y && setChoice({ ...choice, year: y })} />
          {choice.kind === 'quarterly' && <Select aria-label="季度" value={choice.quarter} style={{ width: 110 }} onChange={(quarter: number) => setChoice({ ...choice, quarter })}
            options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${'一二三四'[q - 1]}季度` }))} />}
          {choice.kind === 'half-year' && <Select aria-label="半年" value={choice.half} style={{ width: 110 }} onChange={(half: number) => setChoice({ ...choice, half })}
            options={[{ value: 1, label: '上半年' }, { value: 2, label: '下半年' }]} />}
          <Button type="primary" loading={create.isPending}
            onClick={() => create.mutate({ orgId: org.id, choice }, { onSuccess: (s) => navigate(`/summary/${s.id}`) })}>生成草稿</Button>
        </Flex>
        {create.error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={create.error.message} />}
      </Card>
      <Card size="small" title="已保存的草稿">
        <List size="small" loading={saved.isPending} dataSource={saved.data ?? []} locale={{ emptyText: saved.error ? saved.error.message : '还没有草稿' }}
          renderItem={(s) => <List.Item extra={<Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>保存于 {formatInstant(s.updatedAt)}</Typography.Text>}>
            <Link to={`/summary/${s.id}`}>{s.title}</Link><Typography.Text type="secondary">（{s.periodLabel}）</Typography.Text></List.Item>} />
      </Card>
    </div>
  );
}

function SummaryEditor({ id }: { id: string }) {
  const q = useSummary(id);
  const regenerate = useRegenerate(id);
  if (q.isPending) return <Spin />;
  if (q.error) return <Result status="404" title="找不到这份草稿" subTitle={q.error.message} extra={<Link to="/summary">返回</Link>} />;
  const s = q.data;
  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Link to="/summary">‹ 全部草稿</Link>
          <Typography.Text type="secondary">{s.periodLabel} · {SUMMARY_KIND_LABELS[s.kind]} · 点击段落可修改文字，数字随记录更新</Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<ReloadOutlined />} loading={regenerate.isPending} onClick={() => regenerate.mutate()}>按最新记录重新生成</Button>
          <Button type="primary" icon={<FileWordOutlined />} href={`/api/summaries/${s.id}/export${qs({ format: 'docx' })}`} download>导出 Word</Button>
        </Space>
      </Flex>
      {regenerate.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={regenerate.error.message} />}
      {s.conflicts.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }}
        title={`有 ${s.conflicts.length} 段的记录已变化，原先的修改未能保留（已标红），请重新核对这些段落。`} />}
      <DraftPaper summary={s} />
      {s.couldBeAdded.length > 0 && (
        <Card size="small" title="记录不足、未写入的内容（补充记录后重新生成）" style={{ maxWidth: 794, margin: '12px auto 0' }}>
          <List size="small" dataSource={s.couldBeAdded} renderItem={(c) => <List.Item>{c.text}</List.Item>} />
        </Card>
      )}
    </>
  );
}
