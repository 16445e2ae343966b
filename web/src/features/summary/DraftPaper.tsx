/** The draft rendered as the printed page; a click on a paragraph opens its editor; numbers are chips bound to records. */
import { useState } from 'react';
import { Alert, Button, Input, List, Popover, Space, Spin, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { Block } from '../../../../src/domain/report/document.ts';
import type { Summary } from '../../lib/types.ts';
import { recordIdsParam, segmentsChanged, segmentsOf, type NumberInline } from './summary-view.ts';
import { useEditParagraph, useRecords } from './use-summaries.ts';
import './paper.css';

type Paragraph = Extract<Block, { type: 'paragraph' }> & { edited?: boolean };

export function DraftPaper({ summary }: { summary: Summary }) {
  const [editing, setEditing] = useState<string | null>(null);
  const conflicts = new Set(summary.conflicts);
  return (
    <article className="paper" data-testid="draft">
      {summary.draft.blocks.map((b, i) => {
        switch (b.type) {
          case 'title': return <h1 key={i}>{b.text}</h1>;
          case 'part': return <p key={b.id} className="part">{b.text}</p>;
          case 'heading': return <p key={b.id} className={`h${b.level}`}>{b.marker}{b.text}</p>;
          case 'signoff': return <div key={i} className="signoff"><div>{b.orgName}</div><div>{b.dateText}</div></div>;
          case 'paragraph': {
            const p = b as Paragraph;
            return editing === p.id
              ? <ParagraphEditor key={p.id} summaryId={summary.id} paragraph={p} onClose={() => setEditing(null)} />
              : (
                <p key={p.id} className={`p${p.edited ? ' edited' : ''}${conflicts.has(p.id) ? ' conflict' : ''}`} data-paragraph={p.id}
                  title="点击修改这一段" onClick={() => setEditing(p.id)}>
                  {p.inlines.map((x, j) => (x.type === 'text' ? <span key={j}>{x.text}</span> : <NumberChip key={j} n={x} />))}
                </p>
              );
          }
        }
      })}
    </article>
  );
}

/** A number bound to a fact: not editable; hovering or clicking lists the records behind it. */
export function NumberChip({ n }: { n: NumberInline }) {
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen} trigger={['hover', 'click']} title={`${n.text}${n.unit} 的依据（${n.sources.length} 条记录）`}
      content={<RecordList n={n} enabled={open} />}>
      <span className="num" contentEditable={false} onClick={(e) => e.stopPropagation()} data-fact={n.factKey}>{n.text}{n.unit}</span>
    </Popover>
  );
}

function RecordList({ n, enabled }: { n: NumberInline; enabled: boolean }) {
  const records = useRecords(recordIdsParam(n.sources), enabled);
  if (n.sources.length === 0) return <Typography.Text type="secondary">这个数字没有对应的记录（为 0 或按规定计算）</Typography.Text>;
  if (records.isPending) return <Spin size="small" />;
  if (records.error) return <Typography.Text type="danger">{records.error.message}</Typography.Text>;
  return (
    <List size="small" style={{ maxWidth: 360, maxHeight: 300, overflowY: 'auto' }} dataSource={records.data}
      renderItem={(r) => {
        const text = `${r.date ? `${r.date} ` : ''}${r.label}`;
        return <List.Item>{r.url ? <Link to={r.url}>{text}</Link> : text}</List.Item>;
      }}
      footer={n.sources.length > (records.data?.length ?? 0) ? <Typography.Text type="secondary">仅列出前 {records.data?.length} 条</Typography.Text> : null} />
  );
}

/** Edits the text around the numbers; the numbers themselves stay bound to the records. */
function ParagraphEditor({ summaryId, paragraph, onClose }: { summaryId: string; paragraph: Paragraph; onClose: () => void }) {
  const { texts: initial, numbers } = segmentsOf(paragraph.inlines);
  const [texts, setTexts] = useState(initial);
  const edit = useEditParagraph(summaryId);
  const save = (value: string[] | null) => edit.mutate({ paragraphId: paragraph.id, texts: value }, { onSuccess: onClose });
  return (
    <div className="segment-editor" data-editing={paragraph.id}>
      {texts.map((t, i) => (
        <span key={i} style={{ display: 'contents' }}>
          <Input.TextArea autoSize value={t} aria-label={`第 ${i + 1} 段文字`} style={{ flex: '1 1 200px' }} autoFocus={i === 0}
            onChange={(e) => setTexts(texts.map((x, k) => (k === i ? e.target.value : x)))} />
          {numbers[i] && <Tooltip title="数字来自记录，不能直接修改"><span className="num">{numbers[i].text}{numbers[i].unit}</span></Tooltip>}
        </span>
      ))}
      {edit.error && <Alert type="error" showIcon title={edit.error.message} style={{ width: '100%' }} />}
      <Space style={{ width: '100%' }}>
        <Button type="primary" size="small" loading={edit.isPending} disabled={!segmentsChanged(paragraph.inlines, texts)} onClick={() => save(texts)}>保存</Button>
        {paragraph.edited && <Button size="small" onClick={() => save(null)}>恢复生成的文字</Button>}
        <Button size="small" onClick={onClose}>取消</Button>
      </Space>
    </div>
  );
}
