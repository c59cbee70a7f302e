import { AppError } from '../../../common/contract';
import type { Services } from '../services';
import { CentralError } from '../../sync/central-client';
import { enrol } from '../../sync/enrolment';
import { listParked, retryParked } from '../../sync/status';
import type { Handlers } from '../router';

function asAppError(err: unknown): never {
  if (err instanceof CentralError) throw new AppError(err.retryable ? 'OFFLINE' : 'CONFLICT', err.message);
  throw err;
}

export function syncHandlers(s: Services): Handlers {
  return {
    'sync.status': () => s.sync.status(),
    'sync.runNow': async () => {
      const r = await s.sync.runOnce();
      return { ok: r.ok, error: r.ok ? null : r.error, status: await s.sync.status() };
    },
    'sync.parked': () => listParked(s.database.db),
    'sync.retryParked': async ({ seqs }) => {
      const requeued = await retryParked(s.database.db, seqs);
      if (requeued > 0) s.sync.nudge();
      return { requeued };
    },
    'sync.enroll': async ({ centralUrl, code, deviceName }) => {
      const r = await enrol(s.database.db, centralUrl, code, deviceName).catch(asAppError);
      s.sync.nudge();
      return r;
    },
    'sync.hallStats': async (input) => {
      const client = await s.sync.client();
      if (!client) throw new AppError('NOT_AVAILABLE', '本窗口尚未注册到中心平台，无法查看全厅统计。');
      return client.call('hallStats', { query: input?.date ? { date: input.date } : {}, timeoutMs: 8_000 }).catch(asAppError);
    },
    'lookups.licences': async ({ holderId, cardToken, caseId }) => {
      await s.sync.client();
      return s.sync.lookups.licences(holderId ?? idNumberOfCard(s, cardToken), caseId);
    },
    'lookups.credit': async ({ subject, cardToken, subjectType, caseId }) => {
      await s.sync.client();
      return s.sync.lookups.credit(subject ?? idNumberOfCard(s, cardToken), subjectType, caseId);
    },
  };
}

/** The clear ID number behind a card token (kept in main, never sent to the renderer). */
function idNumberOfCard(s: Services, token: string | undefined): string {
  const card = token ? s.cardTokens.get(token) : null;
  if (!card) throw new AppError('NOT_FOUND', '读卡信息已过期，请重新读卡。');
  return card.card.idNumber;
}
