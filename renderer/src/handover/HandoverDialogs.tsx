import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** 核准代领: the clerk lets someone else collect it, with a reason (audited). */
export function OverrideDialog({ open, busy, onCancel, onOk }: { open: boolean; busy: boolean; onCancel: () => void; onOk: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={open}
      title={t('handover.overrideTitle')}
      okText={t('handover.overrideOk')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => onOk(reason.trim())}
      okButtonProps={{ disabled: reason.trim().length < 4, 'data-testid': 'override-ok' } as ButtonProps}
      destroyOnHidden
    >
      <p>{t('handover.overrideHint')}</p>
      <Input.TextArea autoFocus rows={3} maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('handover.overridePlaceholder')} data-testid="override-reason" />
    </Modal>
  );
}

/** 邮寄: carrier and tracking number. */
export function PostDialog({ open, busy, onCancel, onOk }: { open: boolean; busy: boolean; onCancel: () => void; onOk: (carrier: string, tracking: string) => void }) {
  const { t } = useTranslation();
  const [carrier, setCarrier] = useState(t('handover.defaultCarrier'));
  const [tracking, setTracking] = useState('');
  return (
    <Modal
      open={open}
      title={t('handover.postTitle')}
      okText={t('handover.postOk')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => onOk(carrier.trim(), tracking.trim())}
      okButtonProps={{ disabled: !carrier.trim() || !tracking.trim(), 'data-testid': 'post-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('handover.carrier')}>
          <Input value={carrier} maxLength={60} onChange={(e) => setCarrier(e.target.value)} data-testid="post-carrier" />
        </Form.Item>
        <Form.Item label={t('handover.tracking')}>
          <Input autoFocus value={tracking} maxLength={60} onChange={(e) => setTracking(e.target.value)} onPressEnter={() => carrier.trim() && tracking.trim() && onOk(carrier.trim(), tracking.trim())} data-testid="post-tracking" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
