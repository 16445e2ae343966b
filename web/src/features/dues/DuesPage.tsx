/** 党费台账: per member and month, what was due and paid, the collection rate, and the .xlsx 台账. */
import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Grid, InputNumber, Row, Space, Spin, Statistic, Switch, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { qs } from '../../lib/api.ts';
import { useScope } from '../../app/scope.tsx';
import type { LedgerLine } from './types.ts';
import { ledgerTotals, monthCell, monthlyRates, visibleLines, yuan, type MonthCell } from './dues-view.ts';
import { useDuesLedger } from './use-dues.ts';

const TONE_COLORS: Record<MonthCell['tone'], string | undefined> = { paid: undefined, partial: '#d46b08', unpaid: '#cf1322', none: '#bfbfbf' };

export default function DuesPage() {
  const { org, orgs } = useScope();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [owingOnly, setOwingOnly] = useState(false);
  const screens = Grid.useBreakpoint();
  const q = useDuesLedger(org.id, year);
  const d = q.data;
  const totals = d ? ledgerTotals(d) : null;
  const rates = d ? monthlyRates(d.year, d.collection.months) : [];
  const lines = d ? visibleLines(d.lines, owingOnly) : [];
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const manyOrgs = new Set(d?.lines.map((l) => l.orgId)).size > 1;

  const columns: TableColumnsType<LedgerLine> = [
    { title: '姓名', dataIndex: 'name', fixed: 'left', width: 80 },
    ...(manyOrgs ? [{ title: '支部', dataIndex: 'orgId', responsive: ['lg' as const], render: (id: string) => <span style={{ whiteSpace: 'nowrap' }}>{names.get(id) ?? ''}</span> }] : []),
    { title: '类别', dataIndex: 'categoryLabel', responsive: ['md'] },
    { title: '月交额', dataIndex: 'monthlyFen', align: 'right', render: (f: number) => yuan(f) },
    ...Array.from({ length: 12 }, (_, i) => ({
      title: `${i + 1}月`, key: `m${i + 1}`, align: 'right' as const,
      render: (_: unknown, l: LedgerLine) => {
        const c = monthCell(l.months[i]);
        return <Tooltip title={c.title}><span data-tone={c.tone} style={{ color: TONE_COLORS[c.tone], whiteSpace: 'nowrap' }}>{c.text}</span></Tooltip>;
      },
    })),
    { title: '已交', dataIndex: 'paidFen', align: 'right', render: (f: number) => yuan(f) },
    { title: '欠交', dataIndex: 'owedFen', align: 'right', render: (f: number) => <Typography.Text type={f > 0 ? 'danger' : undefined}>{yuan(f)}</Typography.Text> },
  ];

  // Visible columns before the months (name, branch, category, monthly amount): the summary row lines up with them.
  const lead = 2 + (manyOrgs && screens.lg ? 1 : 0) + (screens.md ? 1 : 0);

  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>党费台账 <Typography.Text type="secondary" style={{ fontSize: 14 }}>{org.name}</Typography.Text></Typography.Title>
        <Space wrap>
          <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} suffix="年" style={{ width: 120 }} />
          <Button icon={<DownloadOutlined />} href={`/api/dues/ledger/export${qs({ orgId: org.id, year })}`}>导出台账</Button>
        </Space>
      </Flex>
      {q.isPending ? <Spin /> : q.error ? <Empty description={q.error.message} /> : d && totals && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}><Card size="small"><Statistic title="应交（元）" value={yuan(totals.dueFen)} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="实交（元）" value={yuan(totals.paidFen)} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="收缴率" value={totals.rate ?? '—'} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="欠交人数" value={totals.owing} suffix="人" styles={{ content: { color: totals.owing ? '#cf1322' : undefined } }} /></Card></Col>
          </Row>
          <Flex justify="flex-end" style={{ marginBottom: 8 }}>
            <Space size={6}><Switch size="small" checked={owingOnly} onChange={setOwingOnly} aria-label="只看欠交" />只看欠交</Space>
          </Flex>
          <Table<LedgerLine>
            rowKey="memberId"
            size="small"
            columns={columns}
            dataSource={lines}
            pagination={lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: owingOnly ? '没有欠交党费的党员' : '本年度没有党费记录' }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><Typography.Text strong>收缴率</Typography.Text></Table.Summary.Cell>
                <Table.Summary.Cell index={1} colSpan={lead - 1} />
                {rates.map((r, i) => <Table.Summary.Cell key={i} index={lead + i} align="right"><span data-testid={`rate-${i + 1}`}>{r ?? '—'}</span></Table.Summary.Cell>)}
                <Table.Summary.Cell index={lead + 12} colSpan={2} align="right"><Typography.Text strong>{totals.rate ?? '—'}</Typography.Text></Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </>
      )}
    </>
  );
}
