import { loadPhotoDecoder } from '../../native/idcard/photo';
import { createLogger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { SettingsStore } from '../config/settings-store';
import type { InternalBus } from '../events/internal-bus';
import type { EventBus } from '../events/renderer-events';
import { inProcessBackend, supervisedDeviceBackend } from './service/backend';
import type { ServiceLauncher } from './service/launcher';
import { DemoReader } from './demo-reader';
import { DeviceService } from './device-service';

export interface DevicesDeps {
  mode: 'normal' | 'demo';
  settings: SettingsStore;
  events: EventBus;
  internal: InternalBus;
  /** Run device I/O in a separate process started by this launcher; absent = in-process. */
  deviceLauncher?: ServiceLauncher;
}

/**
 * ID card readers, scanners and evaluators: the DeviceManager configured from settings, its status
 * published as the renderer event `device.status`, each card read as `card.read` on main's internal
 * bus (the full identity never goes to a transport). In demo mode a simulated reader on a pty is
 * added, so demo cards can be placed from the UI (`devices.simulatePlaceCard`).
 */
export async function createDevices(d: DevicesDeps): Promise<Subsystem<DeviceService>> {
  const log = createLogger('devices');
  // Training without the simulated reader still works (the clerk types the data in); see DeviceService.
  const demo = d.mode === 'demo' ? DemoReader.start() : null;
  // The card photo decoder is a vendor library: plugged in by path, never a hard dependency.
  const decoderPath = process.env.YICHUANG_WLT_DECODER;
  if (decoderPath) await loadPhotoDecoder(decoderPath).catch((err: unknown) => log.warn({ err }, 'photo decoder could not be loaded'));
  const service = new DeviceService({
    // Where the app was given a launcher (Electron's utilityProcess, the host's Node fork), device I/O
    // runs in its own supervised process: a native crash or hang restarts it, not the app.
    backend: d.deviceLauncher ? supervisedDeviceBackend(d, d.deviceLauncher, log) : inProcessBackend(log),
    publish: (name: 'device.status' | 'card.read', payload: never) => (name === 'card.read' ? d.internal.emit(name, payload) : d.events.emit(name, payload)),
    configured: () => d.settings.get().devices,
    save: (devices) => d.settings.update({ devices }),
    demo,
    log,
  });
  const offSettings = d.settings.onChange((next, prev) => {
    if (JSON.stringify(next.devices) !== JSON.stringify(prev.devices)) void service.reload().catch((err: unknown) => log.error({ err }, 'reconfigure failed'));
  });
  const close = async () => {
    offSettings();
    await service.stop();
  };
  try {
    await service.start();
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
  return { service, close };
}
