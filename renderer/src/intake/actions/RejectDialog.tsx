import { type ButtonProps, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** 不予受理 needs a reason; it is printed on the rejection notice. */
export function RejectDialog({ open, busy, onCancel, onConfirm }: { open: boolean; busy: boolean; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={open}
      title={t('actions.rejectTitle')}
      okText={t('actions.rejectConfirm')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy, 'data-testid': 'reject-confirm' } as ButtonProps}
      onOk={() => onConfirm(reason.trim())}
      onCancel={onCancel}
      afterClose={() => setReason('')}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('actions.rejectReason')} htmlFor="reject-reason" required>
          <Input.TextArea id="reject-reason" autoFocus rows={3} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reject-reason" onKeyDown={(e) => e.ctrlKey && e.key === 'Enter' && reason.trim() && onConfirm(reason.trim())} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
