import type { MethodName } from './index';

/**
 * The command line's caller: the local maintenance user at this PC (本机运维). CLI commands that read
 * or change the window's data go through the same router as the UI, as this caller, and may call
 * exactly the methods below (plus `public` ones). It is not a staff role: no roster grants it, and a
 * staff session never carries it.
 */
export const CLI_ROLE = 'cli';
export type CliRole = typeof CLI_ROLE;

export const CLI_CALLER = { staffId: 'cli', name: '本机运维' } as const;

/** What `yichuang …` may do through the router. A command needing another method adds it here, with a reason in review. */
export const cliMethods = [
  'catalog.search',
  'catalog.info',
  'cases.list',
  'calendar.addWorkdays',
  'settings.get',
  'settings.update',
  'sync.status',
  'sync.parked',
  'sync.retryParked',
  'sync.enroll',
  'uploads.status',
  'uploads.retry',
  'staff.list',
  'staff.release',
  'handover.list',
  'handover.find',
  'handover.confirm',
  'handover.post',
  'materials.caseFiles',
  'materials.export',
] as const satisfies readonly MethodName[];
export type CliMethodName = (typeof cliMethods)[number];

export function cliMayCall(method: string): method is CliMethodName {
  return (cliMethods as readonly string[]).includes(method);
}
