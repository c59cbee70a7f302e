import type { Services } from '../services';
import type { Handlers } from '../router';

export function scanHandlers(s: Services): Handlers {
  return {
    'scanner.wedge': ({ text, symbology }) => {
      s.scanning.wedge(text, symbology);
      return { ok: true as const };
    },
    'devices.simulateScan': ({ text }) => s.scanning.simulateScan(text),
    'evaluator.prompt': (input) => s.scanning.evaluators.prompt(input),
    'evaluator.cancel': ({ promptId }) => ({ cancelled: s.scanning.evaluators.cancel(promptId) }),
    'evaluator.submit': ({ promptId, level, reasons }) => ({ accepted: s.scanning.evaluators.submit(promptId, level, reasons) }),
  };
}
