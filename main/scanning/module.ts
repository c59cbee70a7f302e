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
  let demo: DemoScanner | null = null;
  if (d.mode === 'demo') {
    try {
      demo = await DemoScanner.start();
      await d.devices.addSimulatedDevice(demo.device);
    } catch (err) {
      log.warn({ err }, 'demo scanner could not start');
      await demo?.close();
      demo = null;
    }
  }
  const service = new ScanningService(d.devices, (payload) => d.events.emit('scan', payload), evaluators, demo);
  service.start();
  return {
    service,
    async close() {
      service.stop();
      await demo?.close();
    },
  };
}
