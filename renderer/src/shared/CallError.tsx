import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../bridge';
import { errorText, isNotAvailable } from './errorText';
import { NotAvailable } from './NotAvailable';

/** Shows a failed load: "not available yet" for a missing backend, else the message and a retry. */
export function CallError({ error, what, onRetry }: { error: ApiCallError; what: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isNotAvailable(error)) return <NotAvailable what={what} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorText(t, error)}
      action={onRetry && <Button size="small" onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
