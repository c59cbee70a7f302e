import { useMemo } from 'react';
import type { DeviceStatusPayload } from '../../../common/contract/devices';
import { useCall } from '../api/useCall';
import { useEvent } from '../api/useEvent';

/** Configured devices with live state: the list once, then every `device.status` event. */
export function useDeviceStatuses() {
  const list = useCall('devices.list', undefined);
  useEvent('device.status', (s) => {
    const devices = list.data?.devices ?? [];
    const next = devices.some((d) => d.id === s.id) ? devices.map((d) => (d.id === s.id ? s : d)) : [...devices, s];
    list.setData({ ports: list.data?.ports ?? [], portListingError: list.data?.portListingError ?? null, devices: next });
  });
  const byKind = useMemo(() => {
    const out: Partial<Record<DeviceStatusPayload['kind'], DeviceStatusPayload>> = {};
    // The first device of each kind stands for it in the status bar; the console lists them all.
    for (const d of list.data?.devices ?? []) out[d.kind] ??= d;
    return out;
  }, [list.data]);
  return { ...list, byKind };
}
