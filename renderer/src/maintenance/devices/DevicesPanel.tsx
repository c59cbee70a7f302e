import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatusPayload } from '../../../../common/contract/devices';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';
import { useDevicesAndPorts } from '../../frame/useDeviceStatuses';
import { CallError } from '../../shared/CallError';
import { shortTime } from '../../shared/dates';
import { DeviceConfigDialog } from './DeviceConfigDialog';
import { DocumentCameraPanel } from './DocumentCameraPanel';
import { FrameLog } from './FrameLog';
import { QueueSettingsPanel } from './QueueSettingsPanel';
import { TestRead } from './TestRead';

const TONE: Record<DeviceStatusPayload['state'], string> = { connected: 'green', reading: 'blue', connecting: 'gold', error: 'red', disconnected: 'red' };

/** Configured devices with live state; per device: frame log, test read, reconnect. */
export function DevicesPanel() {
  const { t } = useTranslation();
  const devices = useDevicesAndPorts();
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const reconnect = useAction((id: string) => call('devices.reconnect', { id }));
  const list = devices.data?.devices ?? [];
  const current = list.find((d) => d.id === selected) ?? null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="devices-panel">
      {devices.error && <CallError error={devices.error} what={t('maint.devices')} onRetry={devices.reload} />}
      {devices.data?.portListingError && <Alert type="warning" showIcon title={devices.data.portListingError} />}
      <Card size="small" title={t('maint.deviceList')} extra={<Button size="small" onClick={() => setEditing(true)} disabled={!devices.data}>{t('maint.configure')}</Button>}>
        <Table<DeviceStatusPayload>
          size="small"
          rowKey="id"
          pagination={false}
          loading={devices.loading}
          dataSource={list}
          rowClassName={(d) => (d.id === selected ? 'row-selected' : '')}
          columns={[
            { title: t('maint.id'), dataIndex: 'id' },
            { title: t('maint.kind'), dataIndex: 'kind', render: (k: string) => t(`devices.kind.${k}`) },
            { title: t('maint.model'), dataIndex: 'model', render: (m: string | null) => m ?? '—' },
            { title: t('maint.port'), dataIndex: 'port' },
            { title: t('maint.baud'), dataIndex: 'baud', render: (b: number | null) => b ?? '—' },
            { title: t('maint.state'), render: (_, d) => <Tag color={TONE[d.state]} title={d.reason ?? undefined} data-testid={`state-${d.id}`}>{t(`devices.state.${d.state}`)}</Tag> },
            { title: t('maint.since'), dataIndex: 'at', render: shortTime },
            {
              title: '',
              render: (_, d) => (
                <Space size={4}>
                  <Button size="small" onClick={() => setSelected(d.id)} data-testid={`frames-${d.id}`}>{t('maint.frames')}</Button>
                  <Button size="small" loading={reconnect.busy} onClick={() => void reconnect.exec(d.id)}>{t('maint.reconnect')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {current && (
        <Card size="small" title={t('maint.deviceDetail', { id: current.id })}>
          {current.reason && <Alert type="error" showIcon title={current.reason} style={{ marginBottom: 8 }} />}
          {current.kind === 'idcard' && <TestRead id={current.id} />}
          <FrameLog id={current.id} />
        </Card>
      )}
      <QueueSettingsPanel />
      <DocumentCameraPanel />
      <DeviceConfigDialog open={editing} current={list} ports={devices.data?.ports ?? []} onClose={() => setEditing(false)} onSaved={devices.reload} />
    </Space>
  );
}
