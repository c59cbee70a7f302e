import type { AppModule } from '../app/modules';
import { createLogger } from '../log/logger';
import { serialKeypadKind } from '../../native/evaluator/serial-keypad-driver';
import { DemoScanner } from './demo-scanner';
import { EvaluatorService } from './evaluator-service';
import { ScanningService } from './scanning-service';

/**
 * Scanners and 好差评 evaluators on top of the devices module: `scan` events, rating prompts, the
 * serial keypad kind, and in demo mode a simulated scanner on a pty. Starts after `devices`.
 */
export const scanningModule: AppModule = {
  name: 'scanning',
  async start(s) {
    const log = createLogger('scanning');
    const evaluators = new EvaluatorService((name, payload) => s.events.emit(name, payload as never), log);
    try {
      s.devices.registerKind(serialKeypadKind(evaluators.hub));
    } catch (err) {
      // Devices in a separate process: keypads cannot be prompted from here; the on-screen pad still can.
      log.warn({ err }, 'evaluator keypad kind not registered');
    }
    let demo: DemoScanner | null = null;
    if (s.options.mode === 'demo') {
      try {
        demo = await DemoScanner.start();
        await s.devices.addSimulatedDevice(demo.device);
      } catch (err) {
        log.warn({ err }, 'demo scanner could not start');
        await demo?.close();
        demo = null;
      }
    }
    const service = new ScanningService(s.devices, (payload) => s.events.emit('scan', payload), evaluators, demo);
    service.start();
    s.scanning = service;
    s.closers.push(async () => {
      service.stop();
      await demo?.close();
    });
  },
};
