/** Import from an Excel roster: preview with per-row errors first, then save all or nothing. */
import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ROSTER_UPLOAD_HINT } from '../../../../src/contract/uploads.ts';
import { previewRows, type PreviewRow } from './members-view.ts';
import { useImportMembers, useImportPreview } from './use-members.ts';

export function ImportModal({ orgId, orgName, onClose }: { orgId: string; orgName: string; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const preview = useImportPreview();
  const save = useImportMembers();
  const { message } = App.useApp();
  const view = preview.data ? previewRows(preview.data) : null;

  const choose = (f: File) => {
    setFile(f);
    save.reset();
    preview.mutate({ orgId, file: f });
    return false; // keep the file in the browser: nothing is uploaded until the preview asks
  };
  const commit = () => file && save.mutate({ orgId, file }, {
    onSuccess: (r) => { void message.success(`已导入 ${r.count} 名党员`); onClose(); },
  });

  return (
    <Modal open title={`导入党员花名册 · ${orgName}`} width={960} onCancel={onClose} styles={{ container: { maxWidth: '100vw' } }}
      footer={<Space><Button onClick={onClose}>取消</Button>
        <Button type="primary" disabled={!preview.data?.ok} loading={save.isPending} onClick={commit}>确认导入{preview.data?.ok ? ` ${preview.data.rows.length} 人` : ''}</Button></Space>}>
      <Upload.Dragger accept=".xlsx" maxCount={1} showUploadList={false} beforeUpload={choose}>
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p>{file ? file.name : '点击或拖入 .xlsx 花名册'}</p>
        <Typography.Text type="secondary">先预览检查，确认后才会保存；有任何一行出错则不导入。{ROSTER_UPLOAD_HINT}。</Typography.Text>
      </Upload.Dragger>
      {preview.error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={preview.error.message} />}
      {save.error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={save.error.message}
        description={save.error instanceof Error && 'issues' in save.error ? (save.error.issues as { row?: number; message: string }[]).slice(0, 5).map((i) => `${i.row ? `第 ${i.row} 行：` : ''}${i.message}`).join('；') : null} />}
      {view && (
        <>
          {view.general.map((g) => <Alert key={g} type="error" showIcon style={{ marginTop: 12 }} title={g} />)}
          <Alert style={{ marginTop: 12 }} showIcon type={preview.data?.ok ? 'success' : 'warning'}
            title={preview.data?.ok ? `共 ${view.rows.length} 行，全部通过检查` : `共 ${view.rows.length} 行，其中 ${view.rowsWithErrors} 行有问题，请改正花名册后重新选择文件`} />
          <Table<PreviewRow> size="small" style={{ marginTop: 12 }} rowKey="key" dataSource={view.rows} pagination={{ pageSize: 50 }} scroll={{ x: 'max-content' }}
            rowClassName={(r) => (r.errors.length ? 'import-row-error' : '')}
            columns={[
              { title: '行', dataIndex: ['row', 'rowNumber'], width: 56 },
              { title: '姓名', dataIndex: ['row', 'name'] },
              { title: '类别', dataIndex: ['row', 'category'] },
              { title: '所在支部', dataIndex: ['row', 'branchName'], responsive: ['md'] },
              { title: '入党时间', dataIndex: ['row', 'admittedOn'], responsive: ['md'] },
              { title: '身份证号', dataIndex: ['row', 'idNumberMasked'], responsive: ['lg'] },
              { title: '检查结果', dataIndex: 'errors', render: (errors: string[]) => errors.length ? errors.map((e) => <Tag key={e} color="error" style={{ whiteSpace: 'normal' }}>{e}</Tag>) : <Tag color="success">通过</Tag> },
            ]} />
        </>
      )}
    </Modal>
  );
}
