import { AppError } from '../../../common/contract';
import { CLI_ROLE } from '../../../common/contract/cli';
import type { Services } from '../services';
import type { CallContext, Handlers } from '../router';
import { CentralError } from '../../sync/central-client';
import { actorOf } from './intake';

/** Supervisors see the hall's 待领取 (every window, from the central platform); so does the window's own maintenance CLI. */
function mayViewHall(ctx: CallContext): boolean {
  return ctx.role === CLI_ROLE || Boolean(ctx.session?.roles.includes('supervisor'));
}

export function handoverHandlers(s: Services): Handlers {
  return {
    'handover.find': (ref) => s.handover.find(ref),
    'handover.identify': ({ caseId, ...person }) => s.handover.identify(caseId, person),
    'handover.confirm': (input, ctx) => s.handover.confirm(input, actorOf(ctx)),
    'handover.post': (input, ctx) => s.handover.post(input, actorOf(ctx)),
    'handover.list': async (input, ctx) => {
      const { scope = 'window', q, minDays } = input ?? {};
      if (scope === 'window') return { scope, ...(await s.handover.list({ q, minDays })) };
      if (!mayViewHall(ctx)) throw new AppError('FORBIDDEN', '全厅待领取清单仅大厅负责人可查看；窗口人员请查看本窗口的待领取。');
      const client = await s.sync.client();
      if (!client) throw new AppError('NOT_AVAILABLE', '本窗口尚未注册到中心平台，无法查看全厅待领取；本窗口的待领取仍可查看。');
      const page = await client.call('hallHandovers', { query: { limit: 500 }, timeoutMs: 8_000 }).catch((err: unknown) => {
        if (err instanceof CentralError) throw new AppError(err.retryable ? 'OFFLINE' : 'CONFLICT', `${err.message}（本窗口的待领取不受影响）`);
        throw err;
      });
      return { scope, ...(await s.handover.hallRows(page, { q, minDays })) };
    },
  };
}
