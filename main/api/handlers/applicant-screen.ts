import type { Services } from '../services';
import type { Handlers } from '../router';

export function applicantScreenHandlers(s: Services): Handlers {
  const screen = () => s.applicantScreen;
  return {
    'applicantScreen.state': () => screen().state(),
    'applicantScreen.confirm': ({ presentationId }) => screen().confirm(presentationId),
    'applicantScreen.sign': ({ presentationId, strokes, source }) => screen().sign(presentationId, strokes, source),
    'applicantScreen.refuse': ({ presentationId, reason, text }) => screen().refuse(presentationId, reason, text),
    'applicantScreen.rate': ({ promptId, level, reasons }) => screen().rate(promptId, level, reasons),
    'applicantScreen.present': ({ caseId }) => screen().present(caseId),
    'applicantScreen.clear': () => ({ cleared: screen().clear() }),
    'applicantScreen.signature': async ({ caseId }) => screen().signatureOf(caseId),
  };
}
