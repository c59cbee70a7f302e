import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { isNotAvailable } from '../shared/errorText';
import { useSyncStatus } from '../sync/useSyncStatus';

type Tone = 'success' | 'processing' | 'warning' | 'error' | 'default';
const TONE: Record<string, Tone> = { idle: 'success', syncing: 'processing', backoff: 'warning', offline: 'warning', error: 'error', unenrolled: 'default' };

/** Network and sync backlog: the window keeps working offline; this says how much waits to be sent. */
export function SyncBadge() {
  const { t } = useTranslation();
  const sync = useSyncStatus();
  const s = sync.data;
  const state = s ? s.state : isNotAvailable(sync.error) || sync.error ? 'unknown' : 'loading';
  const label = s
    ? `${t(`sync.states.${s.state}`)} · ${t('sync.backlog', { count: s.pending })}${s.parked ? ` · ${t('sync.parkedCount', { count: s.parked })}` : ''}`
    : t('devices.state.unknown');
  const help = s?.lastError ?? (s ? t(`sync.help.${s.state}`) : t('common.notAvailable', { what: t('frame.sync') }));
  return (
    <>
      <Tooltip title={help}>
        <span className="status-item" role="status" aria-label={t('common.labeled', { label: t('frame.sync'), value: label })} data-testid="sync-status" data-state={state} data-pending={s?.pending ?? ''} tabIndex={0}>
          <Badge status={s ? (TONE[s.state] ?? 'default') : 'default'} text={t('common.labeled', { label: t('frame.sync'), value: label })} />
        </span>
      </Tooltip>
      {s?.window && (
        <span className="status-item" data-testid="status-window">
          {t('common.labeled', { label: t('frame.window'), value: `${s.hall ? `${s.hall}-` : ''}${s.window}` })}
        </span>
      )}
    </>
  );
}
