import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { cropInset, formatBytes, shownSize } from './pages/geometry';
import type { SlotPage } from './slots/slotPages';

/** One page as it will be assembled: the crop (CSS object-view-box) and the rotation shown, the stored image untouched. */
export function PageThumb({ page, index, selected, onSelect }: { page: SlotPage; index: number; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  const size = shownSize(page, page.crop, page.rotation);
  return (
    <div
      role="option"
      aria-selected={selected}
      tabIndex={-1}
      className={`capture-page${selected ? ' selected' : ''}`}
      onClick={onSelect}
      data-testid="capture-page"
      data-rotation={page.rotation}
      data-cropped={page.crop ? 'yes' : 'no'}
    >
      <div className="capture-thumb">
        <img src={page.url} alt={t('capture.pageN', { n: index + 1 })} style={{ objectViewBox: cropInset(page.crop), transform: `rotate(${page.rotation}deg)` } as CSSProperties} />
      </div>
      <div className="capture-page-info">
        <Typography.Text strong>{t('capture.pageN', { n: index + 1 })}</Typography.Text>
        <Typography.Text type="secondary">
          {size.width}×{size.height} · {formatBytes(page.bytes)}
        </Typography.Text>
        {page.rotation !== 0 && <Typography.Text type="secondary">{t('capture.rotated', { deg: page.rotation })}</Typography.Text>}
        {page.crop && <Typography.Text type="secondary">{t('capture.autoCropped')}</Typography.Text>}
      </div>
    </div>
  );
}
