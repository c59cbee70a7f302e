import { queryTemplateFor } from '../../platform/db/query-template';
import type { DB } from './schema';

/** Query templates over the window's schema (see platform/db/query-template.ts). */
export const queryTemplate = queryTemplateFor<DB>();
