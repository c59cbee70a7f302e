import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** The honest state of a feature whose backend method has not landed yet. */
export function NotAvailable({ what, methods }: { what: string; methods?: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      role="status"
      data-testid="not-available"
      title={t('common.notAvailable', { what })}
      description={methods?.length ? t('common.notAvailableMethods', { methods: methods.join(', ') }) : undefined}
    />
  );
}
