import type { EventPayload } from '../../common/contract';
import { SCREEN_EVALUATOR_ID } from '../../native/evaluator/screen-evaluator';
import { createLogger } from '../../platform/log/logger';
import type { Subsystem } from '../../platform/subsystem';
import type { SessionStore } from '../auth/session';
import type { SettingsStore } from '../config/settings-store';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { Database } from '../db/database';
import type { EventBus } from '../events/renderer-events';
import type { IntakeServices } from '../intake/module';
import { renderCaseNotice } from '../notice/case-notice';
import type { DeviceService } from '../devices/device-service';
import type { ScanningService } from '../scanning/scanning-service';
import { ApplicantScreenService } from './service';

export interface ApplicantScreenDepsOfApp {
  database: Database;
  pii: PiiCipher;
  settings: SettingsStore;
  sessions: SessionStore;
  events: EventBus;
  intake: Pick<IntakeServices, 'cases' | 'reviews' | 'notices' | 'catalog'>;
  scanning: ScanningService;
  /** The device layer's events: a HID signature pad's strokes and keys (`signaturePad`). */
  devices: Pick<DeviceService, 'events'>;
}

/**
 * The applicant screen (issue 18), built after intake (cases, notices, ratings) and scanning (the
 * on-screen evaluator it answers). Follows the on-screen 好差评 prompts, the settings (idle view) and
 * the session: a new staff member (or sign-out) clears the screen; a lock does not.
 */
export function createApplicantScreen(d: ApplicantScreenDepsOfApp): Subsystem<ApplicantScreenService> {
  const log = createLogger('applicant-screen');
  const { cases, reviews } = d.intake;
  const evaluators = d.scanning.evaluators;
  const service = new ApplicantScreenService({
    db: d.database.db,
    pii: d.pii,
    caseDetail: (caseId) => cases.get({ id: caseId }),
    noticeHtml: async (detail, signature) => (await renderCaseNotice({ ...d.intake, settings: d.settings }, detail, signature)).html,
    idle: () => {
      const settings = d.settings.get();
      return { hallName: settings.hall.name, windowName: settings.window.name, clerkName: d.sessions.get()?.name ?? null, notice: settings.hall.notice };
    },
    rate: async ({ caseId, promptId, level, reasons }, clerkId) => {
      await reviews.rate({ caseId, level, reasons, channel: 'screen' }, clerkId);
      // The clerk's window hears `evaluator.rating` as from any pad; its reviews.rate then finds the rating recorded.
      evaluators.submit(promptId, level, reasons);
    },
    answerPrompt: (promptId, level, reasons) => evaluators.submit(promptId, level, reasons),
    publish: (state) => d.events.emit('applicantScreen.state', state),
    log,
  });
  const offEvents = d.events.subscribe((name, payload) => {
    if (name === 'evaluator.prompted') {
      const p = payload as EventPayload<'evaluator.prompted'>;
      if (p.device === SCREEN_EVALUATOR_ID) service.promptOpened(p.promptId, p.caseId ?? null);
    } else if (name === 'evaluator.ended') service.promptEnded((payload as EventPayload<'evaluator.ended'>).promptId);
  });
  const offPad = d.devices.events.on('signaturePad', (e) => void service.padEvent(e));
  const offSession = d.sessions.onChange(() => service.staffChanged());
  // A new hall notice or window name shows at once on the idle screen.
  const offSettings = d.settings.onChange(() => service.refresh());
  return {
    service,
    close() {
      offEvents();
      offPad();
      offSession();
      offSettings();
    },
  };
}
