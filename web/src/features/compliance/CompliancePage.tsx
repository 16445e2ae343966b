/**
 * 合规提醒: the regulations engine's view of the current organization (and the ones under it) for a
 * year — what is due in the next 30 days, the problems found, each citing its rule, and for a
 * 党委 which branches have what open.
 */
import { useState } from 'react';
import { Card, Col, Empty, Flex, InputNumber, List, Row, Segmented, Select, Space, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useScope } from '../../app/scope.tsx';
import { isBranch } from '../orgs/org-tree.ts';
import type { ComplianceFinding, OrgOpen } from './types.ts';
import {
  daysText, dueRows, openByOrg, periodLabel, ruleCounts, ruleTitle, SEVERITY_COLORS, SEVERITY_LABELS, URGENCY_COLORS,
  URGENCY_LABELS, visibleFindings, yuanText, type SeverityFilter,
} from './compliance-view.ts';
import { useCompliance } from './use-compliance.ts';

/** A rule id whose tooltip gives its title and citation. */
function RuleTag({ ruleId, citation }: { ruleId: string; citation?: string }) {
  return (
    <Tooltip title={<>{ruleTitle(ruleId)}{citation && <><br />{citation}</>}</>}>
      <Tag data-rule={ruleId} style={{ cursor: 'help', marginInlineEnd: 0 }}>{ruleId}</Tag>
    </Tooltip>
  );
}

export default function CompliancePage() {
  const { org, orgs, setOrgId } = useScope();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [orgFilter, setOrgFilter] = useState<string | null>(null);
  const q = useCompliance(org.id, year);
  const d = q.data;
  const names = new Map([...orgs.map((o) => [o.id, o.name] as const), ...(d?.byOrg ?? []).map((o) => [o.orgId, o.name] as const)]);
  const orgName = (id: string) => names.get(id) ?? '';
  const branches = d ? openByOrg(d.byOrg, org.id) : [];
  const showBranches = !isBranch(org) && branches.length > 0;
  const findings = d ? visibleFindings(d.findings, severity, orgFilter, orgName) : [];
  const dues = d ? dueRows(d.dues, d.today) : [];
  const errors = d?.findings.filter((f) => f.severity === 'error').length ?? 0;
  const warnings = (d?.findings.length ?? 0) - errors;

  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>合规提醒 <Typography.Text type="secondary" style={{ fontSize: 14 }}>{org.name}</Typography.Text></Typography.Title>
        <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} suffix="年" style={{ width: 120 }} />
      </Flex>
      {q.isPending ? <Spin /> : q.error ? <Empty description={q.error.message} /> : d && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}><Card size="small"><Statistic title="错误" value={errors} styles={{ content: { color: errors ? '#cf1322' : undefined } }} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="提醒" value={warnings} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="近期待办" value={dues.length} suffix="项" /></Card></Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Tooltip title={d.duesCollection ? `应交 ${yuanText(d.duesCollection.total.dueFen)}，实交 ${yuanText(d.duesCollection.total.paidFen)}` : '本组织未在系统中登记党费'}>
                  <Statistic title="党费收缴率" value={d.duesCollection?.total.rate ?? '—'} />
                </Tooltip>
              </Card>
            </Col>
          </Row>

          <Card size="small" title={<Tooltip title="30 天内到期、已逾期或已进入提醒期的事项">{`近期待办（截至 ${d.today}）`}</Tooltip>} style={{ marginBottom: 12 }} data-testid="dues">
            {dues.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有近期待办" /> : (
              <List size="small" dataSource={dues} renderItem={(x) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <div style={{ width: '100%' }}>
                    <Space size={6} wrap>
                      <Tag color={URGENCY_COLORS[x.urgency]}>{URGENCY_LABELS[x.urgency]}</Tag>
                      <Typography.Text strong>{x.subject}</Typography.Text>
                      <Typography.Text type="secondary">{orgName(x.orgId)}</Typography.Text>
                      <RuleTag ruleId={x.ruleId} />
                    </Space>
                    <div>{x.message}</div>
                    <Typography.Text type={x.urgency === 'overdue' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{x.window} · {daysText(x.daysLeft)}</Typography.Text>
                  </div>
                </List.Item>
              )} />
            )}
          </Card>

          {showBranches && (
            <Card size="small" title="各组织待办" style={{ marginBottom: 12 }} data-testid="branches">
              <Table<OrgOpen> rowKey="orgId" size="small" pagination={false} dataSource={branches} scroll={{ x: 'max-content' }}
                onRow={(b) => ({ onClick: () => setOrgFilter(b.orgId), style: { cursor: 'pointer' } })}
                columns={[
                  { title: '组织', dataIndex: 'name', render: (n: string, b) => <Typography.Link onClick={(e) => { e.stopPropagation(); setOrgId(b.orgId); }}>{n}</Typography.Link> },
                  { title: '错误', dataIndex: 'errors', align: 'right', render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text> },
                  { title: '提醒', dataIndex: 'warnings', align: 'right' },
                  { title: '待办', dataIndex: 'dues', align: 'right' },
                  { title: '涉及规则', key: 'rules', render: (_, b) => <Space size={4} wrap>{ruleCounts(b.byRule).map((r) => <span key={r.ruleId}><RuleTag ruleId={r.ruleId} />{r.count > 1 ? ` ×${r.count}` : ''}</span>)}</Space> },
                ]} />
            </Card>
          )}

          <Card size="small" title={`问题清单（${d.year}年）`} data-testid="findings"
            extra={!showBranches ? null : (
              <Select allowClear size="small" placeholder="全部组织" style={{ width: 150 }} value={orgFilter} onChange={(v?: string) => setOrgFilter(v ?? null)}
                options={branches.map((b) => ({ value: b.orgId, label: b.name }))} aria-label="按组织筛选" />
            )}>
            <Segmented<SeverityFilter> size="small" style={{ marginBottom: 8 }} value={severity} onChange={setSeverity}
              options={[{ value: 'all', label: `全部 ${d.findings.length}` }, { value: 'error', label: `错误 ${errors}` }, { value: 'warning', label: `提醒 ${warnings}` }]} />
            {findings.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={d.findings.length ? '没有符合条件的问题' : '没有发现问题'} /> : (
              <List<ComplianceFinding> size="small" dataSource={findings} pagination={findings.length > 20 ? { pageSize: 20, size: 'small' } : false} renderItem={(f) => (
                <List.Item style={{ paddingInline: 0 }} data-rule={f.ruleId}>
                  <div style={{ width: '100%' }}>
                    <Space size={6} wrap>
                      <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_LABELS[f.severity]}</Tag>
                      <Typography.Text strong>{orgName(f.orgId)}</Typography.Text>
                      <Typography.Text type="secondary">{periodLabel(f.period)}</Typography.Text>
                      <RuleTag ruleId={f.ruleId} citation={f.citation} />
                    </Space>
                    <div>{f.message}</div>
                  </div>
                </List.Item>
              )} />
            )}
          </Card>
        </>
      )}
    </>
  );
}
