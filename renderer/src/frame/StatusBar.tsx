import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../common/contract/auth';
import { isNotAvailable } from '../shared/errorText';
import { DeviceBadge } from './DeviceBadge';
import { SyncBadge } from './SyncBadge';
import { UploadBadge } from './UploadBadge';
import { useDeviceStatuses } from './useDeviceStatuses';

const KINDS = ['idcard', 'scanner', 'evaluator'] as const;

/** Always-visible strip: devices, network and sync backlog, clerk, window, training mode. */
export function StatusBar({ auth }: { auth: AuthStatus }) {
  const { t } = useTranslation();
  const devices = useDeviceStatuses();
  const devicesUnavailable = isNotAvailable(devices.error);
  return (
    <div className="status-bar" role="region" aria-label={t('frame.statusBar')} data-testid="status-bar">
      {auth.mode === 'demo' && (
        <Tag color="orange" data-testid="training-banner" className="training-tag">
          {t('frame.training')}
        </Tag>
      )}
      {KINDS.map((k) => (
        <DeviceBadge
          key={k}
          kind={k}
          status={devices.byKind[k]}
          unavailable={devicesUnavailable}
          // Without a keypad, main prompts the on-screen pad: ratings still work, say so.
          fixedState={k === 'evaluator' && !devices.byKind[k] && !devicesUnavailable ? 'screenPad' : undefined}
        />
      ))}
      {/* Printing goes through the system print dialog; its printer state is not visible to the app. */}
      <DeviceBadge kind="printer" fixedState="system" />
      <SyncBadge />
      <UploadBadge />
      <span className="status-spacer" />
      <span className="status-item" data-testid="status-clerk">
        {t('common.labeled', { label: t('frame.clerk'), value: auth.name ?? auth.staffId ?? '—' })}
      </span>
    </div>
  );
}
