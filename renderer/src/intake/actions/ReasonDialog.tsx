import { type ButtonProps, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A decision that needs a reason: 不予受理 (printed on the rejection notice) or 撤回 of a saved draft
 * (kept in its history). Ctrl+Enter in the field confirms.
 */
export function ReasonDialog({ kind, open, busy, onCancel, onConfirm }: { kind: 'reject' | 'withdraw'; open: boolean; busy: boolean; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={open}
      title={t(`actions.${kind}Title`)}
      okText={t(`actions.${kind}Confirm`)}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy, 'data-testid': `${kind}-confirm` } as ButtonProps}
      onOk={() => onConfirm(reason.trim())}
      onCancel={onCancel}
      afterClose={() => setReason('')}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t(`actions.${kind}Reason`)} htmlFor={`${kind}-reason`} required>
          <Input.TextArea id={`${kind}-reason`} autoFocus rows={3} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} data-testid={`${kind}-reason`} onKeyDown={(e) => e.ctrlKey && e.key === 'Enter' && reason.trim() && onConfirm(reason.trim())} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
