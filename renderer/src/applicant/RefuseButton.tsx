import { Button, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFUSAL_REASONS } from '../../../common/domain/signature';
import { call } from '../bridge';
import { useAction } from '../api/useAction';

/** 拒绝签名: the applicant picks a reason (and may add a few words); it is recorded, not hidden. */
export function RefuseButton({ presentationId }: { presentationId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<(typeof REFUSAL_REASONS)[number] | null>(null);
  const [text, setText] = useState('');
  const refuse = useAction(() => call('applicantScreen.refuse', { presentationId, reason: reason!, text: text.trim() || undefined }));
  return (
    <>
      <Button size="large" danger onClick={() => setOpen(true)} data-testid="applicant-refuse">
        {t('applicantScreen.refuse')}
      </Button>
      <Modal
        open={open}
        title={t('applicantScreen.refuseTitle')}
        okText={t('applicantScreen.refuseOk')}
        okButtonProps={{ disabled: !reason, danger: true, loading: refuse.busy, 'data-testid': 'applicant-refuse-ok' } as never}
        onOk={() => void refuse.exec().then((r) => r && setOpen(false))}
        onCancel={() => setOpen(false)}
      >
        <Radio.Group value={reason} onChange={(e) => setReason(e.target.value)}>
          <Space orientation="vertical">
            {REFUSAL_REASONS.map((r) => (
              <Radio key={r} value={r}>
                {t(`applicantScreen.reasons.${r}`, { defaultValue: r })}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        <Input style={{ marginTop: 12 }} maxLength={200} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('applicantScreen.refuseText')} />
      </Modal>
    </>
  );
}
