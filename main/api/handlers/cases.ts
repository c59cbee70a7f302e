import type { Services } from '../services';
import type { Handlers } from '../router';
import { caseFigures } from '../../intake/case-figures';
import { renderCaseNotice } from '../../notice/case-notice';
import { actorOf } from './intake';

export function casesHandlers(s: Services): Handlers {
  return {
    'cases.list': (input) => s.cases.list(input),
    'cases.figures': (range) => caseFigures(s.database.db, range),
    'cases.get': (ref) => s.cases.get(ref),
    'cases.reveal': ({ id, reason }, ctx) => s.cases.reveal(id, reason, actorOf(ctx).id),
    'cases.notice': async ({ id }) =>
      // The applicant's signature from the applicant screen (issue 18) is printed on the notice.
      renderCaseNotice(s, await s.cases.get({ id }), await s.applicantScreen.signatureOf(id)),
  };
}
