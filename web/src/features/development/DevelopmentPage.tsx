/**
 * 发展党员: the development cases of the current organization and the ones under it, as a board of
 * the five stages; each card shows the current step and what comes next with its legal dates.
 */
import { useState } from 'react';
import { Badge, Card, Col, Descriptions, Drawer, Empty, Flex, List, Row, Space, Spin, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useScope } from '../../app/scope.tsx';
import type { CaseView } from './types.ts';
import { byStage, CASE_STAGES, lastStepDate, nextStepRow, STEP_URGENCY_COLORS, stepName, todayInChina } from './development-view.ts';
import { useCases } from './use-development.ts';

function NextSteps({ c, today }: { c: CaseView; today: string }) {
  if (c.nextSteps.length === 0) return <Typography.Text type="secondary">没有待办步骤</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {c.nextSteps.map((n) => nextStepRow(n, today)).map((n) => (
        <Tooltip key={n.step} title={`${n.message}（${n.ruleId}）`}>
          <div data-urgency={n.urgency}>
            <Tag color={STEP_URGENCY_COLORS[n.urgency]} style={{ marginInlineEnd: 4 }}>{n.name}</Tag>
            <Typography.Text type={n.urgency === 'overdue' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{n.window}</Typography.Text>
          </div>
        </Tooltip>
      ))}
    </Flex>
  );
}

export default function DevelopmentPage() {
  const { org, orgs } = useScope();
  const q = useCases(org.id);
  const [openId, setOpenId] = useState<string | null>(null);
  const today = todayInChina(new Date());
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const columns = q.data ? byStage(q.data) : [];
  const open = q.data?.find((c) => c.case.id === openId) ?? null;
  const multiOrg = new Set(q.data?.map((c) => c.case.orgId)).size > 1;

  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>发展党员 <Typography.Text type="secondary" style={{ fontSize: 14 }}>{org.name}</Typography.Text></Typography.Title>
        <Typography.Text type="secondary">共 {q.data?.length ?? 0} 人 · 截至 {today}</Typography.Text>
      </Flex>
      {q.isPending ? <Spin /> : q.error ? <Empty description={q.error.message} /> : q.data.length === 0 ? <Empty description="没有发展党员档案" /> : (
        <Row gutter={[12, 12]} wrap data-testid="board">
          {columns.map((col, i) => (
            <Col key={CASE_STAGES[i]} xs={24} md={12} xl={{ flex: '20%' }}>
              <Card size="small" data-stage={i + 1} styles={{ body: { padding: 8 } }}
                title={<Space size={6}><Badge count={col.length} showZero color={col.length ? '#b71c1c' : '#d9d9d9'} /><Typography.Text style={{ whiteSpace: 'normal' }}>{CASE_STAGES[i]}</Typography.Text></Space>}>
                {col.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : (
                  <Flex vertical gap={8}>
                    {col.map((c) => {
                      const errors = c.findings.filter((f) => f.severity === 'error').length;
                      return (
                        <Card key={c.case.id} size="small" hoverable onClick={() => setOpenId(c.case.id)} data-case={c.case.personName}>
                          <Flex justify="space-between" align="baseline" gap={4}>
                            <Typography.Text strong>{c.case.personName}</Typography.Text>
                            {errors > 0 && <Tag color="error" style={{ marginInlineEnd: 0 }}>问题 {errors}</Tag>}
                          </Flex>
                          {multiOrg && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{names.get(c.case.orgId) ?? ''}</Typography.Text>}
                          <Typography.Text style={{ fontSize: 12, display: 'block', marginBottom: 4 }}>{stepName(c.currentStep)}{lastStepDate(c) ? ` · ${lastStepDate(c)}` : ''}</Typography.Text>
                          <NextSteps c={c} today={today} />
                        </Card>
                      );
                    })}
                  </Flex>
                )}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Drawer open={!!open} onClose={() => setOpenId(null)} size="large" styles={{ wrapper: { maxWidth: '100vw' } }} title={open?.case.personName ?? '发展档案'}>
        {open && (
          <>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label="所在组织">{names.get(open.case.orgId) ?? ''}</Descriptions.Item>
              <Descriptions.Item label="出生日期">{open.case.birthDate ?? '未登记'}</Descriptions.Item>
              <Descriptions.Item label="适用细则">{open.case.ruleSet === '2014' ? '2014 年版' : '2026 年修订版'}</Descriptions.Item>
              <Descriptions.Item label="所处阶段">{CASE_STAGES[open.stage - 1] ?? ''}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>下一步</Typography.Title>
            <NextSteps c={open} today={today} />
            {open.findings.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>问题</Typography.Title>
                <List size="small" dataSource={open.findings} renderItem={(f) => (
                  <List.Item style={{ paddingInline: 0 }}>
                    <div><Tag color={f.severity === 'error' ? 'error' : 'warning'}>{f.severity === 'error' ? '错误' : '提醒'}</Tag>
                      <Tooltip title={f.citation}><Tag>{f.ruleId}</Tag></Tooltip>{f.message}</div>
                  </List.Item>
                )} />
              </>
            )}
            <Typography.Title level={5} style={{ marginTop: 16 }}>已完成步骤</Typography.Title>
            <Timeline items={[...open.case.steps].sort((a, b) => a.date.localeCompare(b.date)).map((s) => ({
              key: s.id, content: <><Typography.Text type="secondary">{s.date}</Typography.Text> {stepName(s.step)}</>,
            }))} />
          </>
        )}
      </Drawer>
    </>
  );
}
