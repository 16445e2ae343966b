/**
 * The sign-in QR code of a meeting and, live, who signed in: a scan marks only an expected
 * attendee with nothing recorded as 出席; the rest wait here for the secretary to confirm or reject.
 */
import { useEffect } from 'react';
import { Alert, Button, List, Modal, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { SIGN_IN_OUTCOMES, SIGN_IN_PENDING_REASONS } from '../../../../src/contract/sign-in.ts';
import { useDecideSignIn, useSignIns, useSignInTicket } from './use-activities.ts';

const OUTCOME_COLORS = { present: 'green', alreadyPresent: 'green', pending: 'gold', confirmed: 'blue', rejected: 'default' } as const;

export function SignInQrModal({ activityId, title, onClose }: { activityId: string; title: string; onClose: () => void }) {
  const ticket = useSignInTicket();
  const { mutate } = ticket;
  useEffect(() => { mutate({ activityId }); }, [activityId, mutate]);
  const list = useSignIns(activityId);
  const decide = useDecideSignIn(activityId);
  const scans = list.data?.scans ?? [];
  const pending = scans.filter((s) => s.outcome === 'pending');
  return (
    <Modal open title="会议签到" footer={null} onCancel={onClose} centered>
      <Typography.Paragraph strong>{title}</Typography.Paragraph>
      {ticket.isPending && <Spin />}
      {ticket.error && <Alert type="error" showIcon title={ticket.error.message} />}
      {ticket.data && (
        <div style={{ textAlign: 'center' }}>
          {/* An <img> shows the server's SVG without running anything it might contain. */}
          <img alt="签到二维码" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(ticket.data.qrSvg)}`} style={{ width: '100%', maxWidth: 240 }} />
          <Typography.Paragraph type="secondary">
            应到党员扫码后登记为“出席”；已登记请假、缺席的和非应到人员需书记确认。
            有效时间 {dayjs(ticket.data.validFrom).format('HH:mm')}—{dayjs(ticket.data.expiresAt).format('HH:mm')}。
          </Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: ticket.data.url }} style={{ fontSize: 12, wordBreak: 'break-all' }}>{ticket.data.url}</Typography.Paragraph>
        </div>
      )}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        已签到 {scans.filter((s) => s.outcome === 'present' || s.outcome === 'alreadyPresent').length} 人
        {pending.length > 0 && <Tag color="gold" style={{ marginLeft: 8 }}>待确认 {pending.length}</Tag>}
      </Typography.Title>
      {decide.error && <Alert type="error" showIcon title={decide.error.message} />}
      <List size="small" dataSource={scans} locale={{ emptyText: '尚无人签到' }} aria-label="签到名单"
        renderItem={(s) => (
          <List.Item extra={s.outcome === 'pending' ? (
            <Space>
              <Button size="small" type="primary" loading={decide.isPending} onClick={() => decide.mutate({ scanId: s.id, confirm: true })}>{s.reason === 'notExpected' ? '确认列席' : '确认出席'}</Button>
              <Button size="small" onClick={() => decide.mutate({ scanId: s.id, confirm: false })}>不予确认</Button>
            </Space>
          ) : null}>
            <Space wrap>
              <span>{s.name}</span>
              <Typography.Text type="secondary">{dayjs(s.at).format('HH:mm')}</Typography.Text>
              <Tag color={OUTCOME_COLORS[s.outcome]}>{SIGN_IN_OUTCOMES[s.outcome]}</Tag>
              {s.reason && <Tag>{SIGN_IN_PENDING_REASONS[s.reason]}</Tag>}
            </Space>
          </List.Item>
        )} />
    </Modal>
  );
}
