import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantScreenState } from '../../../common/contract/applicant-screen';
import type { Stroke } from '../../../common/domain/signature';
import { call } from '../bridge';
import { useAction } from '../api/useAction';
import { RefuseButton } from './RefuseButton';
import { SignatureCanvas } from './SignatureCanvas';

/** Sign in the box; clear and start again; confirm; or decline to sign. */
export function SignView({ presentation }: { presentation: NonNullable<ApplicantScreenState['presentation']> }) {
  const { t } = useTranslation();
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const sign = useAction(() => call('applicantScreen.sign', { presentationId: presentation.presentationId, strokes, source: 'screen' }));
  return (
    <div className="applicant-sign" data-testid="applicant-sign">
      <Typography.Title level={2}>{t('applicantScreen.signPrompt')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {presentation.record.itemName} · {presentation.record.caseNumber}
      </Typography.Paragraph>
      <SignatureCanvas strokes={strokes} onStrokes={setStrokes} />
      <div className="applicant-actions">
        <Button size="large" onClick={() => setStrokes([])} disabled={!strokes.length} data-testid="signature-clear">
          {t('applicantScreen.clear')}
        </Button>
        <Button type="primary" size="large" onClick={() => void sign.exec()} disabled={!strokes.length} loading={sign.busy} data-testid="signature-submit">
          {t('applicantScreen.submit')}
        </Button>
        <RefuseButton presentationId={presentation.presentationId} />
      </div>
    </div>
  );
}
