import { AppError } from '../../../common/contract/errors';
import { CLI_ROLE } from '../../../common/contract/cli';
import type { AppointmentScope } from '../../appointments/appointment-service';
import { appendAudit } from '../../audit/chain';
import { CentralError } from '../../sync/central-client';
import { readSyncMeta } from '../../sync/sync-meta';
import type { CallContext, Handlers } from '../router';
import type { Services } from '../services';
import { actorOf } from './intake';

/** A clerk sees this window's appointments (and the hall-wide ones); a supervisor, or the CLI, the whole hall. */
function scopeOf(ctx: CallContext): AppointmentScope {
  if (ctx.role === CLI_ROLE) return 'hall';
  return ctx.session?.roles.includes('supervisor') ? 'hall' : 'window';
}

export function appointmentsHandlers(s: Services): Handlers {
  return {
    'appointments.today': (_input, ctx) => s.appointments.today(scopeOf(ctx)),
    'appointments.list': ({ from, to, status, limit }, ctx) => s.appointments.list(scopeOf(ctx), { from, to, status, limit }),
    'appointments.forCard': async ({ cardToken }) => {
      const card = s.cardTokens.get(cardToken);
      if (!card) throw new AppError('NOT_FOUND', '读卡信息已过期，请重新读卡。');
      return { appointments: await s.appointments.forPerson(card.card.idNumber) };
    },
    'appointments.byCode': async ({ code }) => ({ appointment: await s.appointments.byCode(code) }),
    'appointments.checkIn': ({ appointmentId }, ctx) => s.appointments.checkIn(appointmentId, actorOf(ctx)),
    'appointments.pull': async (_input, ctx) => {
      const before = Number((await readSyncMeta(s.database.db)).appointmentCursor ?? 0);
      const { pulled } = await s.sync.pullAppointments().catch((err: unknown) => {
        if (err instanceof CentralError) throw new AppError(err.retryable ? 'OFFLINE' : 'CONFLICT', err.message);
        throw err;
      });
      const cursor = Number((await readSyncMeta(s.database.db)).appointmentCursor ?? 0);
      const actor = ctx.role === CLI_ROLE ? 'cli' : actorOf(ctx).id;
      await appendAudit(s.database.db, { actor, action: 'appointments.pull', subject: null, detail: { from: before, to: cursor } });
      return { pulled, cursor, today: await s.appointments.countToday() };
    },
  };
}
