import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Network and sync backlog. The sync contract (sync.status / sync.progress) has not landed, so this
 * says so instead of guessing: the window keeps working offline either way.
 */
export function SyncBadge() {
  const { t } = useTranslation();
  const label = `${t('frame.sync')}：${t('devices.state.unknown')}`;
  return (
    <Tooltip title={t('common.notAvailable', { what: t('frame.sync') })}>
      <span className="status-item" role="status" aria-label={label} data-testid="sync-status" tabIndex={0}>
        <Badge status="default" text={label} />
      </span>
    </Tooltip>
  );
}
