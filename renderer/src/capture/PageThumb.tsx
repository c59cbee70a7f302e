import { Typography } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageView } from '../../../common/contract/materials';
import { fileSize } from '../intake/materials/fileSize';
import { cropInset, shownSize } from './pages/geometry';
import { pageUrl } from './slots/slotPages';

/** One page as it will be assembled: the crop (CSS object-view-box) and the rotation shown, the stored image untouched. */
export function PageThumb({ draftId, page, index, selected, onSelect }: { draftId: string; page: PageView; index: number; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void pageUrl(draftId, page.pageId).then((u) => live && setUrl(u), () => undefined);
    return () => {
      live = false;
    };
  }, [draftId, page.pageId]);
  const size = page.width && page.height ? shownSize({ width: page.width, height: page.height }, page.crop, page.rotation) : null;
  const label = t('capture.pageN', { n: index + 1 });
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
      data-bytes={page.bytes}
      data-pixels={page.width && page.height ? `${page.width}x${page.height}` : undefined}
    >
      <div className="capture-thumb">
        {url && page.kind === 'image' && <img src={url} alt={label} style={{ objectViewBox: cropInset(page.crop), transform: `rotate(${page.rotation}deg)` } as CSSProperties} />}
        {page.kind === 'pdf' && <Typography.Text type="secondary">PDF · {page.pageCount}</Typography.Text>}
      </div>
      <div className="capture-page-info">
        <Typography.Text strong>{label}</Typography.Text>
        <Typography.Text type="secondary">
          {size ? `${size.width}×${size.height} · ` : ''}
          {fileSize(page.bytes)}
        </Typography.Text>
        {page.rotation !== 0 && <Typography.Text type="secondary">{t('capture.rotated', { deg: page.rotation })}</Typography.Text>}
        {page.crop && <Typography.Text type="secondary">{t('capture.autoCropped')}</Typography.Text>}
      </div>
    </div>
  );
}
