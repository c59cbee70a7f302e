import { useMemo } from 'react';
import type { DeviceStatusPayload } from '../../../common/contract/devices';
import { useCall, type CallState } from '../api/useCall';
import { useEvent } from '../api/useEvent';

/** Configured devices with live state (the status bar): the list once, then every `device.status` event. */
export const useDeviceStatuses = () => useLive(useCall('devices.statuses', undefined), { devices: [] });

/** The same with the serial and HID ports found on this machine (the device console: listing them takes a while). */
export const useDevicesAndPorts = () => useLive(useCall('devices.list', undefined), { devices: [], ports: [], portListingError: null });

function useLive<T extends { devices: DeviceStatusPayload[] }>(list: CallState<T>, empty: T) {
  useEvent('device.status', (s) => {
    const devices = list.data?.devices ?? [];
    const next = devices.some((d) => d.id === s.id) ? devices.map((d) => (d.id === s.id ? s : d)) : [...devices, s];
    list.setData({ ...(list.data ?? empty), devices: next });
  });
  const byKind = useMemo(() => {
    const out: Partial<Record<DeviceStatusPayload['kind'], DeviceStatusPayload>> = {};
    // The first device of each kind stands for it in the status bar; the console lists them all.
    for (const d of list.data?.devices ?? []) out[d.kind] ??= d;
    return out;
  }, [list.data]);
  return { ...list, byKind };
}
