import { AppError } from '../../../common/contract/errors';
import type { Services } from '../services';
import { appendAudit } from '../../audit/chain';
import { holdRemainingMs } from '../../auth/lockout';
import { clearLockout, readLockout } from '../../auth/lockout-store';
import { findStaff } from '../../auth/roster';
import type { Handlers } from '../router';

/** staff.*: the roster as cached here, and lifting a sign-in hold (the CLI's `staff list|release`). */
export function staffHandlers(s: Services): Handlers {
  const db = () => s.database.db;
  return {
    'staff.list': async () => {
      const rows = await db().selectFrom('staff').select('staff_id').orderBy('staff_id').execute();
      const now = new Date();
      const list = [];
      for (const { staff_id } of rows) {
        const staff = (await findStaff(db(), staff_id))!;
        const heldMs = holdRemainingMs(await readLockout(db(), staff_id), now);
        list.push({ staffId: staff.staffId, name: staff.name, roles: staff.roles, active: staff.active, source: staff.source, canSignIn: Boolean(staff.passwordHash) && staff.active, heldSeconds: Math.ceil(heldMs / 1000) });
      }
      return list;
    },
    'staff.release': async ({ staffId }, ctx) => {
      const state = await readLockout(db(), staffId);
      if (state.failures === 0) throw new AppError('CONFLICT', `账号 ${staffId} 没有被暂停登录。`);
      await db()
        .transaction()
        .execute(async (trx) => {
          await clearLockout(trx, staffId);
          await appendAudit(trx, { actor: ctx.session?.staffId ?? 'unknown', action: 'auth.release', subject: staffId, detail: { failures: state.failures } });
        });
      return { failures: state.failures };
    },
  };
}
