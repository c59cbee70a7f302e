import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface LicenceOffer {
  /** A licence that can replace this material (found by look-up or scanned), or null. */
  licenceId: string | null;
  name: string | null;
  /** Why none can be offered: not checked (offline / card / not available) or checked and none found. */
  note: string | null;
}

/** E-licence reuse: one click where a licence was found; otherwise an honest reason. */
export function LicenceCell({ offer, used, onUse }: { offer: LicenceOffer; used: boolean; onUse: () => void }) {
  const { t } = useTranslation();
  if (used) return <Typography.Text type="success">{t('materials.licenceUsed')}</Typography.Text>;
  if (offer.licenceId)
    return (
      <Button size="small" icon={<SafetyCertificateOutlined />} onClick={onUse} data-testid="use-licence">
        {t('materials.useLicence', { name: offer.name ?? '' })}
      </Button>
    );
  return (
    <Typography.Text type="secondary" data-testid="licence-unchecked">
      {offer.note}
    </Typography.Text>
  );
}
