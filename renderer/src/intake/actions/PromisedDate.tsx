import { Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import type { TimeLimit } from '../../../../common/domain/item-types';
import { limitText } from '../../shared/catalogText';
import { CallError } from '../../shared/CallError';

/** The promised completion date, shown before accepting (working days on the Chinese calendar). */
export function PromisedDate({ itemCode, itemName, limit }: { itemCode: string; itemName?: string; limit?: TimeLimit }) {
  const { t } = useTranslation();
  const r = useCall('intake.promisedDate', { itemCode }, [itemCode]);
  if (r.error) return <CallError error={r.error} what={t('summary.promised')} />;
  if (!r.data) return null;
  const d = r.data;
  const shown = d.immediate ? t('summary.immediate') : d.date;
  // Several items (a bundle): one compact line each.
  if (itemName)
    return (
      <div data-testid="promised-date" className="promised-line">
        <Typography.Text ellipsis title={itemName}>{itemName}</Typography.Text>
        <Typography.Text strong>{shown}{d.provisional ? '*' : ''}</Typography.Text>
      </div>
    );
  return (
    <div data-testid="promised-date">
      <Statistic title={t('summary.promised')} value={shown} styles={{ content: { fontSize: 22 } }} />
      <Typography.Text type="secondary">
        {limit ? limitText(t, limit) : d.limitText}
        {d.provisional && ` · ${t('summary.provisional')}`}
      </Typography.Text>
    </div>
  );
}
