import type { EventPayload } from '../../common/contract';
import { SCREEN_EVALUATOR_ID } from '../../native/evaluator/screen-evaluator';
import type { AppModule } from '../app/modules';
import { renderCaseNotice } from '../notice/case-notice';
import { createLogger } from '../log/logger';
import { ApplicantScreenService } from './service';

/**
 * The applicant screen (issue 18). Starts after `intake` (cases, notices, ratings) and `scanning`
 * (the on-screen evaluator it answers). Follows the on-screen 好差评 prompts and the session: a new
 * staff member (or sign-out) clears the screen; a lock does not.
 */
export const applicantScreenModule: AppModule = {
  name: 'applicant-screen',
  start(s) {
    const log = createLogger('applicant-screen');
    const service = new ApplicantScreenService({
      db: s.database.db,
      pii: s.pii,
      caseDetail: (caseId) => s.cases.get({ id: caseId }),
      noticeHtml: async (detail, signature) => (await renderCaseNotice(s, detail, signature)).html,
      idle: () => {
        const settings = s.settings.get();
        const session = s.sessions.get();
        return { hallName: settings.hall.name, windowName: settings.window.name, clerkName: session?.name ?? null, notice: settings.hall.notice };
      },
      rate: async ({ caseId, promptId, level, reasons }, clerkId) => {
        await s.reviews.rate({ caseId, level, reasons, channel: 'screen' }, clerkId);
        // The clerk's window hears `evaluator.rating` as from any pad; its reviews.rate then finds the rating recorded.
        s.scanning.evaluators.submit(promptId, level, reasons);
      },
      answerPrompt: (promptId, level, reasons) => s.scanning.evaluators.submit(promptId, level, reasons),
      publish: (state) => s.events.emit('applicantScreen.state', state),
      log,
    });
    const offEvents = s.events.subscribe((name, payload) => {
      if (name === 'evaluator.prompted') {
        const p = payload as EventPayload<'evaluator.prompted'>;
        if (p.device === SCREEN_EVALUATOR_ID) service.promptOpened(p.promptId, p.caseId ?? null);
      } else if (name === 'evaluator.ended') service.promptEnded((payload as EventPayload<'evaluator.ended'>).promptId);
    });
    const offSession = s.sessions.onChange(() => service.staffChanged());
    // A new hall notice or window name shows at once on the idle screen.
    const offSettings = s.settings.onChange(() => service.refresh());
    s.applicantScreen = service;
    s.closers.push(() => {
      offEvents();
      offSession();
      offSettings();
    });
  },
};
