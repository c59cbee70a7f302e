import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicantScreenPhase } from './useApplicantScreen';

/** Where the applicant stands on the applicant screen: reviewing, signing, signed (hash) or refused. */
export function ApplicantScreenStatus({ phase, onPresent }: { phase: ApplicantScreenPhase; onPresent: () => void }) {
  const { t } = useTranslation();
  if (!phase.settled || !phase.attached) return null;
  const stage = phase.outcome?.outcome ?? phase.stage ?? 'review';
  const type = stage === 'signed' ? 'success' : stage === 'refused' ? 'warning' : 'info';
  return (
    <Alert
      style={{ marginTop: 12 }}
      type={type}
      showIcon
      data-testid="applicant-screen-status"
      data-stage={stage}
      title={t(`applicantStatus.${stage}`)}
      description={phase.outcome?.sha256 ? `SHA-256 ${phase.outcome.sha256.slice(0, 16)}…` : undefined}
      action={
        <Button size="small" onClick={onPresent}>
          {t('applicantStatus.again')}
        </Button>
      }
    />
  );
}
