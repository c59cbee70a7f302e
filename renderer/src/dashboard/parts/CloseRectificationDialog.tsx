import { Descriptions, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RectificationView } from '../../../../common/contract/reviews';
import { FOLLOW_UP_RESULTS, type FollowUpResult } from '../../../../common/domain/rating';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';

/** Close a rectification: what was done (note) and what the applicant said on the follow-up call (回访). */
export function CloseRectificationDialog({ item, onClose, onClosed }: { item: RectificationView | null; onClose: () => void; onClosed: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [result, setResult] = useState<FollowUpResult | undefined>();
  const close = useAction(async () => {
    await call('reviews.closeRectification', { id: item!.id, note: note.trim(), followUpResult: result! });
    onClosed();
    onClose();
  });
  return (
    <Modal
      open={!!item}
      title={t('dashboard.closeTitle')}
      okText={t('dashboard.close')}
      okButtonProps={{ disabled: !note.trim() || !result, loading: close.busy }}
      onOk={() => void close.exec()}
      onCancel={onClose}
      afterClose={() => {
        setNote('');
        setResult(undefined);
      }}
      destroyOnHidden
    >
      {item && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('cases.caseNumber')}>{item.caseNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.level')}>{t(`rating.level.${item.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.reasons')}>{[...item.reasons, item.text].filter(Boolean).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.deadline')}>{item.deadline}</Descriptions.Item>
        </Descriptions>
      )}
      <Form layout="vertical" component="div">
        <Form.Item label={t('dashboard.followUp')} htmlFor="follow-up" required>
          <Select id="follow-up" value={result} onChange={setResult} options={FOLLOW_UP_RESULTS.map((r) => ({ value: r, label: t(`dashboard.followUpResult.${r}`) }))} data-testid="follow-up" />
        </Form.Item>
        <Form.Item label={t('dashboard.note')} htmlFor="rect-note" required>
          <Input.TextArea id="rect-note" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="rect-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
