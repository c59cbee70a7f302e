import type { Services } from '../services';
import type { Handlers } from '../router';
import { appHandlers } from './app';
import { applicantScreenHandlers } from './applicant-screen';
import { appointmentsHandlers } from './appointments';
import { calendarHandlers } from './calendar';
import { cameraHandlers } from './camera';
import { casesHandlers } from './cases';
import { catalogHandlers } from './catalog';
import { devicesHandlers } from './devices';
import { intakeHandlers } from './intake';
import { keysHandlers } from './keys';
import { queueHandlers } from './queue';
import { materialsHandlers } from './materials';
import { reviewsHandlers } from './reviews';
import { scanHandlers } from './scan';
import { authHandlers } from './auth';
import { dbHandlers } from './db';
import { diagHandlers } from './diag';
import { handoverHandlers } from './handover';
import { settingsHandlers } from './settings';
import { staffHandlers } from './staff';
import { syncHandlers } from './sync';
import { uploadsHandlers } from './uploads';

/** Every namespace's handlers, merged. A method with no handler answers NOT_AVAILABLE. */
export function buildHandlers(s: Services): Handlers {
  return {
    ...appHandlers(s),
    ...catalogHandlers(s),
    ...intakeHandlers(s),
    ...casesHandlers(s),
    ...reviewsHandlers(s),
    ...calendarHandlers(s),
    ...devicesHandlers(s),
    ...scanHandlers(s),
    ...authHandlers(s),
    ...settingsHandlers(s),
    ...diagHandlers(s),
    ...dbHandlers(s),
    ...syncHandlers(s),
    ...keysHandlers(s),
    ...staffHandlers(s),
    ...applicantScreenHandlers(s),
    ...queueHandlers(s),
    ...cameraHandlers(s),
    ...handoverHandlers(s),
    ...materialsHandlers(s),
    ...uploadsHandlers(s),
    ...appointmentsHandlers(s),
  };
}
