/**
 * 总结审校: upload one or many summaries (.docx / .txt, sent only to our API), read each into a row of
 * the collected-summaries table, proofread it, and export the table as .xlsx.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Space, Switch, Table, Tag, Tooltip, Typography, Upload, type TableColumnsType } from 'antd';
import { DeleteOutlined, DownloadOutlined, InboxOutlined, LoadingOutlined } from '@ant-design/icons';
import { SUMMARY_UPLOAD_HINT } from '../../../../src/contract/uploads.ts';
import { useScope } from '../../app/scope.tsx';
import { contentTypeOf, orgAndDescendants, severityCounts, statCell, visibleStatColumns, yearPeriodText } from './documents-view.ts';
import { processDocument, useExportTable, type DocEntry } from './use-documents.ts';
import { FindingsDrawer } from './FindingsDrawer.tsx';

let uploads = 0;

export default function DocumentsPage() {
  const { org, orgs } = useScope();
  const { message } = App.useApp();
  const [entries, setEntries] = useState<DocEntry[]>([]);
  const [compare, setCompare] = useState(true);
  const [openUid, setOpenUid] = useState<string | null>(null);
  const exportTable = useExportTable();
  const candidates = useMemo(() => orgAndDescendants(orgs, org.id), [orgs, org.id]);

  const update = (uid: string, patch: Partial<DocEntry>) => setEntries((list) => list.map((e) => (e.uid === uid ? { ...e, ...patch } : e)));
  const add = (file: File) => {
    if (!contentTypeOf(file.name)) {
      void message.error(`${file.name}：只支持 .docx 和 .txt 文件`);
      return false;
    }
    const uid = `doc-${++uploads}`;
    setEntries((list) => [...list, { uid, file, state: 'loading', result: null, error: null }]);
    processDocument(file, candidates, compare).then(
      (result) => update(uid, { state: 'done', result }),
      (e: unknown) => update(uid, { state: 'error', error: e instanceof Error ? e.message : String(e) }),
    );
    return false; // the file goes to our API above, never to Upload's own request
  };

  const done = entries.filter((e) => e.result);
  const rows = done.map((e) => e.result!.analyzed.row);
  const statColumns = visibleStatColumns(rows);
  const columns: TableColumnsType<DocEntry> = [
    {
      title: '文件', key: 'file', fixed: 'left', width: 170, render: (_, e) => (
        <div style={{ maxWidth: 170 }}>
          <Space size={4}>
            {e.state === 'loading' && <LoadingOutlined />}
            <Typography.Link ellipsis style={{ maxWidth: 150 }} title={e.file.name}>{e.file.name}</Typography.Link>
          </Space>
          {e.error
            ? <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>{e.error}</Typography.Text>
            : <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, maxWidth: 170 }} title={e.result?.analyzed.row.title ?? ''}>{e.result?.analyzed.row.title ?? ''}</Typography.Text>}
        </div>
      ),
    },
    { title: '时段', key: 'period', render: (_, e) => e.result && <span style={{ whiteSpace: 'nowrap' }}>{yearPeriodText(e.result.analyzed.row)}</span> },
    {
      title: '审校', key: 'findings', render: (_, e) => {
        if (e.state === 'error') return <Tag color="error">读取失败</Tag>;
        if (!e.result) return null;
        const n = severityCounts(e.result.check);
        return (
          <Space size={4} wrap={false}>
            <Tag color={n.errors ? 'error' : 'default'} data-testid="errors">错误 {n.errors}</Tag>
            <Tag color={n.warnings ? 'warning' : 'default'} data-testid="warnings">提醒 {n.warnings}</Tag>
          </Space>
        );
      },
    },
    {
      title: '占位符', key: 'placeholders', align: 'right', render: (_, e) => e.result && (
        e.result.analyzed.row.placeholders > 0 ? <Typography.Text type="danger" data-testid="placeholders">{e.result.analyzed.row.placeholders}</Typography.Text> : <span data-testid="placeholders">0</span>
      ),
    },
    { title: '组织', key: 'org', render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{e.result?.analyzed.row.org ?? ''}</span> },
    ...statColumns.map((c) => ({
      title: <Tooltip title={`单位：${c.unit}`}><span style={{ whiteSpace: 'nowrap' }}>{c.label}</span></Tooltip>, key: c.key, align: 'right' as const,
      render: (_: unknown, e: DocEntry) => {
        if (!e.result) return '';
        const cell = statCell(e.result.analyzed.row, c.key);
        return cell.kind === 'value' ? cell.value : cell.kind === 'placeholder' ? <Typography.Text type="danger" data-testid="unfilled">未填</Typography.Text> : '';
      },
    })),
    {
      title: '', key: 'remove', width: 40, render: (_, e) => (
        <Button type="text" size="small" aria-label="移除" title="移除" icon={<DeleteOutlined />}
          onClick={(ev) => { ev.stopPropagation(); setEntries((list) => list.filter((x) => x.uid !== e.uid)); }} />
      ),
    },
  ];

  const open = entries.find((e) => e.uid === openUid) ?? null;
  return (
    <>
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>总结审校 <Typography.Text type="secondary" style={{ fontSize: 14 }}>{org.name}</Typography.Text></Typography.Title>
        <Space wrap>
          <Tooltip title="文中写明的组织是本组织或其下属组织时，把文中的数字与该组织的记录核对">
            <Space size={6}><Switch size="small" checked={compare} onChange={setCompare} aria-label="与记录核对数字" />与记录核对数字</Space>
          </Tooltip>
          <Button icon={<DownloadOutlined />} disabled={rows.length === 0} loading={exportTable.isPending}
            onClick={() => exportTable.mutate(rows, { onError: (e) => void message.error(e.message) })}>导出汇总表</Button>
        </Space>
      </Flex>
      <Upload.Dragger multiple accept=".docx,.txt" showUploadList={false} beforeUpload={add} style={{ marginBottom: 12 }}>
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p>点击或拖入工作总结（.docx 或 .txt，可多选）</p>
        <Typography.Text type="secondary">{SUMMARY_UPLOAD_HINT}。文件只发送到本系统读取和审校，不保存，也不发给任何第三方。</Typography.Text>
      </Upload.Dragger>
      {entries.length === 0 && <Alert type="info" showIcon title="上传后，每篇总结一行：标题、组织、时段和主要数字；点击一行查看审校意见。" />}
      {entries.length > 0 && (
        <Table<DocEntry>
          rowKey="uid"
          size="middle"
          columns={columns}
          dataSource={entries}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(e) => ({ onClick: () => e.result && setOpenUid(e.uid), style: { cursor: e.result ? 'pointer' : 'default' } })}
        />
      )}
      <FindingsDrawer entry={open} onClose={() => setOpenUid(null)} />
    </>
  );
}
