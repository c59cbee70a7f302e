import { AppError } from '../../../common/contract/errors';
import { checkIdNumber } from '../../../common/domain/id-number';
import { checkUscc } from '../../../common/domain/uscc';
import type { Services } from '../services';
import type { Actor } from '../../intake/intake-service';
import type { CallContext, Handlers } from '../router';

/** The signed-in staff member; the router has already checked the role. */
export function actorOf(ctx: CallContext): Actor {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED', '请先登录。');
  return { id: ctx.session.staffId, name: ctx.session.name };
}

export function intakeHandlers(s: Services): Handlers {
  return {
    'intake.validateApplicant': async ({ idNumber, uscc }) => {
      const id = idNumber?.trim().toUpperCase();
      const code = uscc?.trim().toUpperCase();
      const idCheck = id ? checkIdNumber(id) : null;
      const usccCheck = code ? checkUscc(code) : null;
      const key = idCheck?.valid ? id : usccCheck?.valid ? code : null;
      return {
        idNumber: idCheck && {
          ...idCheck,
          birthDate: idCheck.valid && !id!.startsWith('9') ? `${id!.slice(6, 10)}-${id!.slice(10, 12)}-${id!.slice(12, 14)}` : null,
          gender: idCheck.valid ? (Number(id![16]) % 2 === 1 ? ('男' as const) : ('女' as const)) : null,
        },
        uscc: usccCheck,
        history: key ? await s.cases.history(key) : null,
      };
    },
    'intake.saveDraft': (input, ctx) => s.intake.saveDraft(input, actorOf(ctx)),
    'intake.resumeDraft': ({ caseId }, ctx) => s.drafts.resume(caseId, actorOf(ctx)),
    'intake.accept': (input, ctx) => s.intake.accept(input, actorOf(ctx)),
    'intake.acceptWithDeferred': (input, ctx) => s.intake.acceptWithDeferred(input, actorOf(ctx)),
    'intake.reject': (input, ctx) => s.intake.reject(input, actorOf(ctx)),
    'intake.acceptBundle': (input, ctx) => s.intake.acceptBundle(input, actorOf(ctx)),
    'intake.rejectBundle': (input, ctx) => s.intake.rejectBundle(input, actorOf(ctx)),
    'intake.withdraw': ({ caseId, reason }, ctx) => s.intake.withdraw(caseId, reason, actorOf(ctx)),
    'intake.supplement': (input, ctx) => s.intake.supplement(input, actorOf(ctx)),
    'intake.promisedDate': ({ itemCode, at }) => s.intake.promisedDateFor(itemCode, at ? new Date(at) : new Date()),
  };
}
