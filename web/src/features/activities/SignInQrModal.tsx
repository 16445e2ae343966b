/** The sign-in QR code of a running meeting: members scan it and mark themselves present. */
import { useEffect } from 'react';
import { Alert, Modal, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSignInTicket } from './use-activities.ts';

export function SignInQrModal({ activityId, title, onClose }: { activityId: string; title: string; onClose: () => void }) {
  const ticket = useSignInTicket();
  const { mutate } = ticket;
  useEffect(() => { mutate(activityId); }, [activityId, mutate]);
  return (
    <Modal open title="会议签到" footer={null} onCancel={onClose} centered>
      <Typography.Paragraph strong>{title}</Typography.Paragraph>
      {ticket.isPending && <Spin />}
      {ticket.error && <Alert type="error" showIcon title={ticket.error.message} />}
      {ticket.data && (
        <div style={{ textAlign: 'center' }}>
          {/* An <img> shows the server's SVG without running anything it might contain. */}
          <img alt="签到二维码" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(ticket.data.qrSvg)}`} style={{ width: '100%', maxWidth: 280 }} />
          <Typography.Paragraph type="secondary">党员用手机扫码登录后即签到为“出席”。有效期至 {dayjs(ticket.data.expiresAt).format('HH:mm')}。</Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: ticket.data.url }} style={{ fontSize: 12, wordBreak: 'break-all' }}>{ticket.data.url}</Typography.Paragraph>
        </div>
      )}
    </Modal>
  );
}
