import { CameraOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../shared/shortcuts';
import { openCapture } from './captureTarget';

/** In a material's row, beside the file button: the document camera for this slot (its count and size show there). */
export function SlotCapture({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Button size="small" icon={<CameraOutlined />} onClick={() => openCapture(code, name)} aria-label={t('capture.open', { name })} data-testid="open-camera">
      {t('capture.openShort')} ({SHORTCUTS.capture.openCamera})
    </Button>
  );
}
