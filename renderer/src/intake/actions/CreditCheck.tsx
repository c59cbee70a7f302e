import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 信用核查. The contract has no look-up for the joint-discipline list yet, so the applicant is
 * "not checked" — said plainly, and the case is flagged for a re-check on sync by the backend.
 */
export function CreditCheck() {
  const { t } = useTranslation();
  return <Alert type="warning" showIcon title={t('summary.creditNotChecked')} description={t('summary.creditHint')} data-testid="credit-check" />;
}
