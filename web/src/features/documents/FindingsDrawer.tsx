/** The proofreading findings of one uploaded summary: errors first, each with the quoted text around it. */
import { useState } from 'react';
import { Descriptions, Drawer, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { excerptAt, kindCounts, orderFindings, periodText, SEVERITY_COLORS, SEVERITY_LABELS, severityCounts, type Excerpt } from './documents-view.ts';
import type { DocEntry } from './use-documents.ts';

export function FindingsDrawer({ entry, onClose }: { entry: DocEntry | null; onClose: () => void }) {
  const result = entry?.result ?? null;
  // The server answers with the text it proofread, so quotes match its offsets exactly.
  const text = result?.check.text ?? null;
  const [kind, setKind] = useState<string | null>(null);
  const all = result ? orderFindings(result.check.findings) : [];
  const kinds = kindCounts(all);
  const findings = kind ? all.filter((f) => f.kind === kind) : all;
  const close = () => { setKind(null); onClose(); };
  const counts = severityCounts(result?.check);
  const row = result?.analyzed.row;
  return (
    <Drawer open={!!entry} onClose={close} size="large" styles={{ wrapper: { maxWidth: '100vw' } }}
      title={entry ? <Typography.Text ellipsis style={{ maxWidth: '100%' }}>{entry.file.name}</Typography.Text> : '审校意见'}>
      {result && row && (
        <div data-text={text === null ? 'none' : 'success'}>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="标题">{row.title ?? '未识别'}</Descriptions.Item>
            <Descriptions.Item label="组织">{row.org ?? '未识别'}</Descriptions.Item>
            <Descriptions.Item label="时段">{row.year ? `${row.year}年 ` : ''}{periodText(row.period)}</Descriptions.Item>
            <Descriptions.Item label="与记录核对">{result.comparedWith ? `已与“${result.comparedWith.name}”的记录核对` : result.compareNote ?? '文中组织不在本组织范围内，未核对'}</Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag color={counts.errors ? 'error' : 'default'}>错误 {counts.errors}</Tag>
            <Tag color={counts.warnings ? 'warning' : 'default'}>提醒 {counts.warnings}</Tag>
            <Tag>占位符 {row.placeholders}</Tag>
            {kinds.length > 1 && (
              <Select allowClear size="small" placeholder="全部类型" style={{ minWidth: 150 }} value={kind} onChange={(v?: string) => setKind(v ?? null)}
                options={kinds.map((k) => ({ value: k.kind, label: `${k.label}（${k.count}）` }))} aria-label="按类型筛选" />
            )}
          </Space>
          {findings.length === 0 ? <Empty description="没有发现问题" /> : (
            <List
              data-testid="findings"
              itemLayout="vertical"
              dataSource={findings}
              renderItem={(f) => {
                const ex = text ? excerptAt(text, f.offset, f.length) : null;
                return (
                  <List.Item data-kind={f.kind} style={{ paddingInline: 0 }}>
                    <Space size={6} wrap style={{ marginBottom: 4 }}>
                      <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_LABELS[f.severity]}</Tag>
                      <Typography.Text type="secondary">第 {f.line} 行第 {f.column} 列</Typography.Text>
                    </Space>
                    <div>{f.message}</div>
                    {ex && <Quote ex={ex} />}
                    {f.suggestion && <Typography.Text type="success">建议：{f.suggestion}</Typography.Text>}
                  </List.Item>
                );
              }}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}

function Quote({ ex }: { ex: Excerpt }) {
  return (
    <div data-testid="quote" style={{ margin: '4px 0', padding: '4px 8px', background: '#fafafa', borderLeft: '3px solid #e0e0e0', wordBreak: 'break-all' }}>
      {ex.cutBefore && '…'}{ex.before}
      <mark style={{ background: '#ffe58f', padding: 0 }}>{ex.match || '\u00a0'}</mark>
      {ex.after}{ex.cutAfter && '…'}
    </div>
  );
}
