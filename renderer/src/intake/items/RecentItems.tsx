import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { isNotAvailable } from '../../shared/errorText';

/** This window's frequent and recent items (the empty-query list), one click or Tab+Enter away. */
export function RecentItems({ onPick }: { onPick: (code: string) => void }) {
  const { t } = useTranslation();
  const recent = useCall('catalog.search', { q: '', limit: 6 });
  if (isNotAvailable(recent.error)) return null;
  const items = recent.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Space wrap size={[6, 6]} style={{ marginTop: 8 }} aria-label={t('items.recent')} role="group">
      <Typography.Text type="secondary">{t('common.labeled', { label: t('items.recent'), value: '' })}</Typography.Text>
      {items.map((i) => (
        <Button key={i.code} size="small" onClick={() => onPick(i.code)}>
          {i.name}
        </Button>
      ))}
    </Space>
  );
}
