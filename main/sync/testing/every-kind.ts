import { withIdCheckChar } from '../../../common/domain/id-number';
import { withUsccCheckChar } from '../../../common/domain/uscc';
import { screenOver, scribble } from '../../applicant-screen/testing';
import { addStaff, authFixture } from '../../auth/testing';
import { appointmentsOver, wireAppointment } from '../../appointments/testing';
import { itemCode, type TestStack } from '../../intake/testing';
import { handoverOver } from '../../handover/testing';
import { applyCaseStatusPage } from '../pull-case-status';
import { applyAppointmentPage } from '../pull-appointments';
import { recordCall } from '../../queue/ticket-store';

const person = { kind: 'person' as const, idType: 'resident' as const, idNumber: withIdCheckChar('46010219900101002'), name: '符海燕', phone: '13876543210', address: '海口市龙华区滨海大道 1 号' };
const enterprise = {
  kind: 'enterprise' as const,
  name: '海口椰风餐饮管理有限公司',
  uscc: withUsccCheckChar('91460100MA5T0000A'),
  legalRepresentative: { name: '吴海', idNumber: withIdCheckChar('46010519800101003') },
};

/**
 * Drives the window's real services through every decision that writes an outbox entry: accept,
 * accept with deferred materials, supplement, the applicant's signature, a posted result (出件), withdraw, reject, a bad rating (which opens a
 * rectification) and closing it, an appointment check-in, a queue ticket served. Returns the case ids in the order they were made.
 */
export async function writeEveryCaseKind(s: TestStack): Promise<{ accepted: string; deferred: string; rejected: string }> {
  const code = itemCode(s, '失业保险金申领');
  const specs = await s.catalog.materials(code);
  const all = specs.map((m) => ({ code: m.code, state: 'received' as const }));
  const accepted = await s.intake.accept({ itemCode: code, applicant: person, materials: all }, s.actor);
  const entries = specs.map((m) => ({ code: m.code, state: m.deferrable ? ('deferred' as const) : ('received' as const) }));
  const deferred = await s.intake.acceptWithDeferred({ itemCode: code, applicant: person, materials: entries, commitmentNote: '五个工作日内补齐', deadlineWorkdays: 5 }, s.actor);
  await s.intake.supplement({ caseId: deferred.caseId, materialCode: deferred.deferred[0]!.code, via: 'received' }, s.actor);
  // The applicant signs on the applicant screen (case.signed).
  const screen = screenOver(s).service;
  const shown = await screen.present(deferred.caseId);
  screen.confirm(shown.presentationId);
  await screen.sign(shown.presentationId, scribble(), 'screen');
  // The central reports the deferred case ready (已制证); the window posts it (case.handedOver).
  const result = { outcome: 'approved' as const, ready: true, items: [{ name: '准予行政许可决定书', count: 1 }], delivery: 'post' as const };
  await applyCaseStatusPage(s.db, [{ cursor: 1, caseId: deferred.caseId, status: 'completed_approved', at: '2026-09-30T02:00:00.000Z', note: null, centralCaseNumber: null, result }], 1);
  await handoverOver(s).post({ caseId: deferred.caseId, carrier: '中国邮政 EMS', trackingNumber: 'EL123456789CN' }, s.actor);
  const rated = await s.reviews.rate({ caseId: accepted.caseId, level: 5, reasons: ['等候时间长'], text: '排队一个小时', channel: 'qr' }, 'clerk01');
  await s.reviews.close({ id: rated.rectification!.id, note: '已向申请人致歉，增开窗口分流', followUpResult: 'satisfied' }, 'supervisor01');
  await s.intake.withdraw(accepted.caseId, '申请人主动撤回申请', s.actor);
  // 叫号: the enterprise's ticket is called, its case decided under it, and 下一位 ends it (queue.ticketEnded).
  const who = { actorId: s.actor.id, hallCode: 'HK01', windowCode: 'W03' };
  const ticket = { sourceId: null, number: 'A001', queue: 'A', issuedAt: new Date(Date.now() - 1_200_000).toISOString(), calledAt: new Date().toISOString(), waitSeconds: 1200 };
  await recordCall(s.db, ticket, 'http', new Date(), who);
  const food = itemCode(s, '食品经营许可（新办）');
  const rejected = await s.intake.reject({ itemCode: food, applicant: enterprise, materials: [], reason: '经营场所不符合食品安全要求' }, s.actor);
  await recordCall(s.db, null, 'http', new Date(), who);
  // 预约到号 of an appointment the central does not hold (it records the report and changes nothing).
  await applyAppointmentPage(s.db, s.pii, [wireAppointment(1)], 1);
  await appointmentsOver(s).checkIn('appt-1', s.actor);
  return { accepted: accepted.caseId, deferred: deferred.caseId, rejected: rejected.caseId };
}

/** A clerk changes the password: the window queues the new verifier for the central roster. */
export async function writePasswordChange(): Promise<{ rows: Array<{ id: string; kind: string; aggregate_id: string; payload: string; created_at: string }>; close: () => Promise<void> }> {
  const fx = await authFixture();
  await addStaff(fx.database, 'zhangsan', 'password-1234');
  await fx.auth.signIn('zhangsan', 'password-1234');
  await fx.auth.changePassword('password-1234', 'new-password-99');
  const rows = await fx.database.db.selectFrom('outbox').select(['id', 'kind', 'aggregate_id', 'payload', 'created_at']).orderBy('seq').execute();
  return { rows, close: () => fx.close() };
}
