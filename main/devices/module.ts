import { loadPhotoDecoder } from '../../native/idcard/photo';
import type { AppModule } from '../app/modules';
import { createLogger } from '../log/logger';
import { inProcessBackend, supervisedDeviceBackend } from './service/backend';
import { DemoReader } from './demo-reader';
import { DeviceService } from './device-service';

/**
 * ID card readers, scanners and evaluators: the DeviceManager configured from settings, its status
 * and card events published as `device.status` / `card.read`. In demo mode a simulated reader on a
 * pty is added, so demo cards can be placed from the UI (`devices.simulatePlaceCard`).
 */
export const devicesModule: AppModule = {
  name: 'devices',
  async start(s) {
    const log = createLogger('devices');
    // Training without the simulated reader still works (the clerk types the data in); see DeviceService.
    const demo = s.options.mode === 'demo' ? DemoReader.start() : null;
    // The card photo decoder is a vendor library: plugged in by path, never a hard dependency.
    const decoderPath = process.env.YICHUANG_WLT_DECODER;
    if (decoderPath) await loadPhotoDecoder(decoderPath).catch((err: unknown) => log.warn({ err }, 'photo decoder could not be loaded'));
    const service = new DeviceService({
      // Where the app was given a launcher (Electron's utilityProcess, the host's Node fork), device I/O
      // runs in its own supervised process: a native crash or hang restarts it, not the app.
      backend: s.options.deviceLauncher ? supervisedDeviceBackend(s, s.options.deviceLauncher, log) : inProcessBackend(log),
      publish: (name: 'device.status' | 'card.read', payload: never) => s.events.emit(name, payload),
      configured: () => s.settings.get().devices,
      save: (devices) => s.settings.update({ devices }),
      demo,
      log,
    });
    s.devices = service;
    const offSettings = s.settings.onChange((next, prev) => {
      if (JSON.stringify(next.devices) !== JSON.stringify(prev.devices)) void service.reload().catch((err: unknown) => log.error({ err }, 'reconfigure failed'));
    });
    await service.start();
    s.closers.push(async () => {
      offSettings();
      await service.stop();
    });
  },
};
