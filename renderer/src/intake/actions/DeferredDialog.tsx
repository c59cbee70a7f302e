import { type ButtonProps, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DEFER_WORKDAYS, useDeferDeadline } from '../materials/useDeferDeadline';

interface Props {
  open: boolean;
  busy: boolean;
  deferredNames: string[];
  onCancel: () => void;
  onConfirm: (v: { commitmentNote: string; deadlineWorkdays: number }) => void;
}

/** 容缺受理: the applicant's commitment and the supply deadline, shown before accepting. */
export function DeferredDialog({ open, busy, deferredNames, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState(() => t('actions.defaultCommitment'));
  const [days, setDays] = useState(DEFAULT_DEFER_WORKDAYS);
  const deadline = useDeferDeadline(open, days);
  return (
    <Modal
      open={open}
      title={t('actions.deferredTitle')}
      okText={t('actions.acceptDeferred')}
      okButtonProps={{ disabled: !note.trim(), loading: busy, 'data-testid': 'deferred-confirm' } as ButtonProps}
      onOk={() => onConfirm({ commitmentNote: note.trim(), deadlineWorkdays: days })}
      onCancel={onCancel}
      destroyOnHidden
    >
      <p>{t('actions.deferredList', { names: deferredNames.join('、') })}</p>
      <Form layout="vertical" component="div">
        <Form.Item label={t('actions.deadlineWorkdays')} htmlFor="defer-days" help={deadline ? t('materials.deadline', { date: deadline }) : undefined}>
          <InputNumber id="defer-days" min={1} max={60} value={days} onChange={(v) => setDays(v ?? DEFAULT_DEFER_WORKDAYS)} />
        </Form.Item>
        <Form.Item label={t('actions.commitment')} htmlFor="defer-note" required>
          <Input.TextArea id="defer-note" autoFocus rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="commitment" onKeyDown={(e) => e.ctrlKey && e.key === 'Enter' && note.trim() && onConfirm({ commitmentNote: note.trim(), deadlineWorkdays: days })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
