import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { isNotAvailable } from '../shared/errorText';
import { megabytes, useUploadsStatus } from '../uploads/useUploadsStatus';

type Tone = 'success' | 'processing' | 'warning' | 'error' | 'default';
const TONE: Record<string, Tone> = { idle: 'success', uploading: 'processing', pending: 'processing', retrying: 'warning', offline: 'warning', unenrolled: 'default' };

/** 待上传 material files and the bytes of the one in flight; intake never waits for them. */
export function UploadBadge() {
  const { t } = useTranslation();
  const uploads = useUploadsStatus();
  const s = uploads.data;
  // Before materials are enabled there is nothing to show.
  if (!s || isNotAvailable(uploads.error)) return null;
  const p = uploads.progress;
  const label = [
    t(`uploads.states.${s.state}`),
    ...(s.pendingBlobs ? [t('uploads.summary', { count: s.pendingBlobs, size: megabytes(s.pendingBytes) })] : []),
    ...(p && p.sent < p.total ? [`${megabytes(p.sent)} / ${megabytes(p.total)}`] : []),
  ].join(' · ');
  return (
    <Tooltip title={s.lastError ?? t(`uploads.help.${s.state}`)}>
      <span className="status-item" role="status" data-testid="uploads-status" data-state={s.state} data-pending={s.pendingBlobs} tabIndex={0}>
        <Badge status={TONE[s.state] ?? 'default'} text={t('common.labeled', { label: t('uploads.label'), value: label })} />
      </span>
    </Tooltip>
  );
}
