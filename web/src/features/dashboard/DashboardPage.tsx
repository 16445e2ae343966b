/** 概览: the current organization's year — activities by month and kind, attendance, study hours, development; branches of a 党委. */
import { Card, Col, Empty, Flex, InputNumber, Row, Spin, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useScope } from '../../app/scope.tsx';
import type { Dashboard } from '../../lib/types.ts';
import { Bars, StackedBars } from './charts.tsx';
import { activityTotal, hoursText, MONTH_LABELS, monthlySeries, percentText, pipeline } from './dashboard-view.ts';
import { useDashboard } from './use-dashboard.ts';

export default function DashboardPage() {
  const { org, setOrgId } = useScope();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const q = useDashboard(org.id, year);
  const d = q.data;
  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{org.name}</Typography.Title>
        <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} suffix="年" style={{ width: 120 }} />
      </Flex>
      {q.isPending ? <Spin /> : q.error ? <Empty description={q.error.message} /> : d && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}><Card size="small"><Statistic title="全年活动" value={activityTotal(d.monthly)} suffix="次" /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="出席率" value={percentText(d.attendanceRate)} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="人均学时" value={hoursText(d.studyHours.average)} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="党员（正式/预备）" value={`${d.members.full} / ${d.members.probationary}`} /></Card></Col>
          </Row>
          <Card size="small" title="各月活动（按类型）" style={{ marginBottom: 12 }}>
            <StackedBars categories={MONTH_LABELS} series={monthlySeries(d.monthly)} />
          </Card>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={24} md={12}>
              <Card size="small" title="党员学时分布（人数）">
                <Bars name="人数" categories={d.studyHours.buckets.map((b) => b.label)} data={d.studyHours.buckets.map((b) => b.count)} />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title="发展党员">
                <Flex vertical gap={8}>
                  {pipeline(d.development).map((p) => (
                    <Flex key={p.key} justify="space-between" style={{ borderBottom: '1px solid #f3f3f3', padding: '6px 0' }}>
                      <span>{p.label}</span><Typography.Text strong>{p.count} 人</Typography.Text>
                    </Flex>
                  ))}
                </Flex>
              </Card>
            </Col>
          </Row>
          {d.branches.length > 0 && (
            <Card size="small" title="所属支部">
              <Table<Dashboard['branches'][number]> rowKey="orgId" size="small" pagination={false} dataSource={d.branches} scroll={{ x: 'max-content' }}
                columns={[
                  { title: '支部', dataIndex: 'name', render: (n: string, b) => <Link to="/dashboard" onClick={() => setOrgId(b.orgId)}>{n}</Link> },
                  { title: '党员', dataIndex: 'members' },
                  { title: '活动', dataIndex: 'activities' },
                  { title: '出席率', dataIndex: 'attendanceRate', render: (r: number | null) => percentText(r) },
                  { title: '人均学时', dataIndex: 'averageStudyHours', render: (h: number | null) => hoursText(h) },
                ]} />
            </Card>
          )}
        </>
      )}
    </>
  );
}
