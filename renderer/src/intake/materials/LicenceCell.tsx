import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  licenceType: string;
  scanned: string | null;
  used: boolean;
  onUse: () => void;
}

/**
 * E-licence reuse. A licence the applicant showed as a QR code is one click away. There is no
 * licence look-up by holder in the contract yet, so without a scan the screen says it cannot check
 * rather than pretending none exists.
 */
export function LicenceCell({ licenceType, scanned, used, onUse }: Props) {
  const { t } = useTranslation();
  if (used) return <Typography.Text type="success">{t('materials.licenceUsed')}</Typography.Text>;
  if (scanned)
    return (
      <Button size="small" icon={<SafetyCertificateOutlined />} onClick={onUse}>
        {t('materials.useScannedLicence', { type: licenceType })}
      </Button>
    );
  return (
    <Typography.Text type="secondary" data-testid="licence-unchecked">
      {t('materials.licenceCannotCheck', { type: licenceType })}
    </Typography.Text>
  );
}
