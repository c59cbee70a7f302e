import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { DevicesPanel } from './devices/DevicesPanel';
import { KeyPanel, KeyTabLabel } from './keys/KeyExport';
import { SyncPanel } from './sync/SyncPanel';
import { SystemPanel } from './system/SystemPanel';
import { WedgeCalibration } from './wedge/WedgeCalibration';

/** 运维: devices, scanner calibration, sync, system. */
export default function MaintenanceScreen() {
  const { t } = useTranslation();
  return (
    <Tabs
      data-testid="maintenance-screen"
      items={[
        { key: 'devices', label: t('maint.devices'), children: <DevicesPanel /> },
        { key: 'wedge', label: t('maint.wedge'), children: <WedgeCalibration /> },
        { key: 'sync', label: t('maint.sync'), children: <SyncPanel /> },
        { key: 'system', label: t('maint.system'), children: <SystemPanel /> },
        { key: 'keys', label: <KeyTabLabel />, children: <KeyPanel /> },
      ]}
    />
  );
}
