import { CameraOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../shared/shortcuts';
import { openCapture } from './captureTarget';
import { formatBytes } from './pages/geometry';
import { slotPagesStore } from './slots/slotPages';

/** In a material's row: the camera button and what the slot holds (page count, size). */
export function SlotCapture({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation();
  const pages = slotPagesStore.use()[code] ?? [];
  const bytes = pages.reduce((n, p) => n + p.bytes, 0);
  return (
    <span className="slot-capture">
      <Button size="small" icon={<CameraOutlined />} onClick={() => openCapture(code, name)} aria-label={t('capture.open', { name })} data-testid="open-camera">
        {t('capture.openShort')} ({SHORTCUTS.capture.openCamera})
      </Button>
      {pages.length > 0 && (
        <Typography.Text type="secondary" data-testid="slot-pages">
          {t('capture.slotSummary', { count: pages.length, size: formatBytes(bytes) })}
        </Typography.Text>
      )}
    </span>
  );
}
