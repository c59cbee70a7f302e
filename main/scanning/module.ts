import { createLogger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { DeviceService } from '../devices/device-service';
import type { EventBus } from '../events/renderer-events';
import { DemoScanner } from './demo-scanner';
import { EvaluatorService } from './evaluator-service';
import { ScanningService } from './scanning-service';

/**
 * Scanners and 好差评 evaluators on top of the devices subsystem: `scan` events, rating prompts
 * (serial keypads wherever the devices run, else the on-screen pad), and in demo mode a simulated
 * scanner on a pty.
 */
export async function createScanning(d: { mode: 'normal' | 'demo'; devices: DeviceService; events: EventBus }): Promise<Subsystem<ScanningService>> {
  const log = createLogger('scanning');
  // Serial keypads are driven by the devices subsystem (in-process or in the device service); main prompts them by id.
  const evaluators = new EvaluatorService((name, payload) => d.events.emit(name, payload as never), d.devices, log);
  // The simulated scanner's pty starts in the background, so app start-up does not wait for it.
  const demo = d.mode === 'demo' ? startDemoScanner(d.devices) : null;
  demo?.catch((err: unknown) => log.warn({ err }, 'demo scanner could not start'));
  const service = new ScanningService(d.devices, (payload) => d.events.emit('scan', payload), evaluators, demo);
  service.start();
  return {
    service,
    async close() {
      service.stop();
      await (await demo?.catch(() => null))?.close();
    },
  };
}

/** The demo scanner on its pty, configured beside the real devices. */
async function startDemoScanner(devices: DeviceService): Promise<DemoScanner> {
  const scanner = await DemoScanner.start();
  try {
    await devices.addSimulatedDevice(scanner.device);
    // A scan asked for while the driver still opens its port waits for it (the open flushes the pty).
    await devices.whenConnected(scanner.device.id, 15_000);
  } catch (err) {
    await scanner.close();
    throw err;
  }
  return scanner;
}
