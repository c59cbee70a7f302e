// Without zod: the CLI lists these as option choices before it loads anything heavy.

/** The decision on a case as the central platform reports it: 准予许可 (办结) or 不予许可. */
export const RESULT_OUTCOMES = ['approved', 'refused'] as const;
export type ResultOutcome = (typeof RESULT_OUTCOMES)[number];

/** How the result reaches the applicant: collected at the window (窗口领取) or posted (邮寄). */
export const DELIVERY_METHODS = ['window', 'post'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** Who took the result at the window: the applicant, the case's agent, or someone the clerk let through (委托, with a reason). */
export const COLLECTORS = ['applicant', 'agent', 'override'] as const;
export type Collector = (typeof COLLECTORS)[number];

export const OUTCOME_LABELS: Record<ResultOutcome, string> = { approved: '准予许可（办结）', refused: '不予许可' };
export const DELIVERY_LABELS: Record<DeliveryMethod, string> = { window: '窗口领取', post: '邮寄' };
export const COLLECTOR_LABELS: Record<Collector, string> = { applicant: '申请人本人', agent: '经办人（代办人）', override: '窗口人员核准代领' };

/** The central status a result implies (the status feed carries both). */
export const STATUS_OF_OUTCOME = { approved: 'completed_approved', refused: 'completed_not_approved' } as const;

/** Where the result stands at the window, from the newest result pulled and the window's own handover. */
export type HandoverStage = 'no_result' | 'decided' | 'ready' | 'handed_over' | 'posted';
export const STAGE_LABELS: Record<HandoverStage, string> = {
  no_result: '尚无办理结果',
  decided: '已办结，证照制作中',
  ready: '已制证，待领取',
  handed_over: '已领取',
  posted: '已邮寄',
};

/** Whole days a result has waited for collection, counted on the calendar (the hall's own clock). */
export function daysWaiting(readyAt: string, now: Date): number {
  const ms = now.getTime() - new Date(readyAt).getTime();
  return ms <= 0 ? 0 : Math.floor(ms / 86_400_000);
}
