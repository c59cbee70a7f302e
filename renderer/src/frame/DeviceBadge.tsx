import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceStatusPayload } from '../../../common/contract/devices';

type Tone = 'success' | 'processing' | 'warning' | 'error' | 'default';
const TONE: Record<DeviceStatusPayload['state'], Tone> = {
  connected: 'success',
  reading: 'processing',
  connecting: 'warning',
  error: 'error',
  disconnected: 'error',
};

/** One device in the status bar: coloured dot, name, state; the tooltip says what to do. */
export function DeviceBadge(props: { kind: string; status?: DeviceStatusPayload; unavailable?: boolean; fixedState?: string }) {
  const { kind, status, unavailable, fixedState } = props;
  const { t } = useTranslation();
  const state = fixedState ?? (unavailable ? 'unknown' : status ? status.state : 'none');
  const tone: Tone = status ? TONE[status.state] : 'default';
  const label = t('common.labeled', { label: t(`devices.kind.${kind}`), value: t(`devices.state.${state}`) });
  const help = status?.reason ?? t(`devices.help.${state}`);
  return (
    <Tooltip title={help}>
      <span className="status-item" role="status" aria-label={label} data-testid={`device-${kind}`} data-state={state} tabIndex={0}>
        <Badge status={tone} text={label} />
      </span>
    </Tooltip>
  );
}
