import type { AppModule } from '../app/modules';
import { createLogger } from '../../platform/log/logger';
import { DemoScanner } from './demo-scanner';
import { EvaluatorService } from './evaluator-service';
import { ScanningService } from './scanning-service';

/**
 * Scanners and 好差评 evaluators on top of the devices module: `scan` events, rating prompts (serial
 * keypads wherever the devices run, else the on-screen pad), and in demo mode a simulated scanner
 * on a pty. Starts after `devices`.
 */
export const scanningModule: AppModule = {
  name: 'scanning',
  async start(s) {
    const log = createLogger('scanning');
    // Serial keypads are driven by the devices module (in-process or in the device service); main prompts them by id.
    const evaluators = new EvaluatorService((name, payload) => s.events.emit(name, payload as never), s.devices, log);
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
