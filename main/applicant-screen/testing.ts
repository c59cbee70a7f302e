import pino from 'pino';
import type { ApplicantScreenState } from '../../common/contract/applicant-screen';
import type { Stroke } from '../../common/domain/signature';
import type { TestStack } from '../intake/testing';
import { ApplicantScreenService } from './service';

/** The applicant screen over the intake test stack; `states` collects what it published (tests only). */
export function screenOver(s: TestStack) {
  const states: ApplicantScreenState[] = [];
  const answered: Array<{ promptId: string; level: number }> = [];
  const service = new ApplicantScreenService({
    db: s.db,
    pii: s.pii,
    caseDetail: (id) => s.cases.get({ id }),
    noticeHtml: async (detail, signature) => (await s.notices.render(detail, { hallName: '海口市政务服务中心', windowName: '3 号窗口', department: '', signature })).html,
    idle: () => ({ hallName: '海口市政务服务中心', windowName: '3 号窗口', clerkName: s.actor.name, notice: '请保管好随身物品' }),
    rate: async ({ caseId, promptId, level, reasons }, clerkId) => {
      await s.reviews.rate({ caseId, level, reasons, channel: 'screen' }, clerkId);
      answered.push({ promptId, level });
    },
    answerPrompt: (promptId, level) => (answered.push({ promptId, level }), true),
    publish: (state) => states.push(state),
    log: pino({ level: 'silent' }),
    now: () => s.clock.now,
  });
  return { service, states, answered };
}

/** A signature-like scribble: two strokes across the pad, with pressure rising and falling. */
export function scribble(): Stroke[] {
  const stroke = (y: number, t0: number): Stroke => ({
    points: Array.from({ length: 30 }, (_, i) => ({ x: 0.1 + i * 0.025, y: y + 0.1 * Math.sin(i / 3), pressure: 0.3 + 0.4 * Math.sin((i / 29) * Math.PI), t: t0 + i * 16 })),
  });
  return [stroke(0.4, 0), stroke(0.6, 700)];
}
