/** 修改记录: who changed a record, when (Asia/Shanghai), and what changed, newest first. */
import { Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import type { ActivityView } from '../../../../src/contract/activities.ts';
import type { HistoryRecordType } from '../../../../src/contract/history.ts';
import { formatInstant } from '../../lib/time.ts';
import { activityChanges } from './history-view.ts';
import { useHistory } from './use-history.ts';

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', restore: 'gold' };

export function HistoryDrawer({ type, id, names, open, onClose }: { type: HistoryRecordType; id: string; names: ReadonlyMap<string, string>; open: boolean; onClose: () => void }) {
  const q = useHistory(type, id, open);
  return (
    <Drawer title="修改记录" open={open} onClose={onClose} size="default" styles={{ body: { paddingTop: 12 } }}>
      {q.isPending ? <Spin /> : q.error ? <Typography.Text type="danger">{q.error.message}</Typography.Text>
        : q.data.length === 0 ? <Empty description="暂无修改记录" /> : (
          <Timeline items={q.data.map((c) => {
            const changes = type === 'activity' ? activityChanges(c.before as ActivityView | null, c.after as ActivityView | null, names) : [];
            return {
              color: ACTION_COLORS[c.action] ?? 'gray',
              content: (
                <div data-testid="history-entry">
                  <div><Tag color={ACTION_COLORS[c.action]}>{c.actionLabel}</Tag><Typography.Text strong>{c.actorName}</Typography.Text></div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(c.at)}</Typography.Text>
                  {changes.length > 0 && (
                    <ul style={{ paddingLeft: 18, margin: '4px 0 0' }}>
                      {changes.map((x) => (
                        <li key={x.label}>{x.label}：<Typography.Text delete type="secondary">{x.before}</Typography.Text> → <Typography.Text>{x.after}</Typography.Text></li>
                      ))}
                    </ul>
                  )}
                </div>
              ),
            };
          })} />
        )}
    </Drawer>
  );
}
