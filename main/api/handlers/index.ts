import type { Services } from '../../app/services';
import type { Handlers } from '../router';
import { appHandlers } from './app';
import { settingsHandlers } from './settings';

/** Every namespace's handlers, merged. A method with no handler answers NOT_AVAILABLE. */
export function buildHandlers(s: Services): Handlers {
  return {
    ...appHandlers(s),
    ...settingsHandlers(s),
  };
}
