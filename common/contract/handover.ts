import { z } from 'zod';
import { COLLECTORS, DELIVERY_METHODS, RESULT_OUTCOMES } from '../domain/case-result';
import { AGENT_RELATION_CODES } from '../domain/agent-relations';
import { defineMethod, text } from './define';

/** 出件 at the window: the result of a case, who may collect it, and its handover. */

const CaseRef = z.union([z.object({ caseId: text(64).min(1) }).strict(), z.object({ caseNumber: text(64).min(1) }).strict()]);

/** Whose card: a card read at this window (token from `intake.applicant`), or a number typed from the card (CLI, a broken reader). */
const Person = {
  cardToken: text(80).optional(),
  idNumber: text(40).optional(),
};

export const HandoverResultView = z.object({
  outcome: z.enum(RESULT_OUTCOMES),
  outcomeLabel: z.string(),
  ready: z.boolean(),
  items: z.array(z.object({ name: z.string(), count: z.number().int() })),
  delivery: z.enum(DELIVERY_METHODS),
  deliveryLabel: z.string(),
  note: z.string().nullable(),
  centralAt: z.string(),
  readyAt: z.string().nullable(),
});

export const HandoverRecordView = z.object({
  method: z.enum(DELIVERY_METHODS),
  at: z.string(),
  clerkId: z.string(),
  clerkName: z.string(),
  collector: z.enum(COLLECTORS).nullable(),
  collectorLabel: z.string().nullable(),
  overrideReason: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
});

export const HANDOVER_STAGES = ['no_result', 'decided', 'ready', 'handed_over', 'posted'] as const;

export const HandoverCase = z.object({
  caseId: z.string(),
  caseNumber: z.string().nullable(),
  itemName: z.string(),
  applicantKind: z.enum(['person', 'enterprise']).nullable(),
  /** Masked (a person's name; an enterprise's name is public register data). */
  applicantName: z.string().nullable(),
  /** The agent (经办人) of the case, masked; null when the applicant came in person. */
  agent: z.object({ name: z.string(), relation: z.enum(AGENT_RELATION_CODES) }).nullable(),
  centralStatus: z.string().nullable(),
  stage: z.enum(HANDOVER_STAGES),
  stageLabel: z.string(),
  result: HandoverResultView.nullable(),
  handover: HandoverRecordView.nullable(),
  /** Whole days the ready result has waited (null until ready, and after handover). */
  daysWaiting: z.number().int().nullable(),
});
export type HandoverCase = z.infer<typeof HandoverCase>;

export const IdentityCheck = z.object({
  /** Whose card it is for this case: the applicant (or an enterprise's legal representative), its agent, or neither. */
  match: z.enum(['applicant', 'agent']).nullable(),
  /** Masked name and number of the card read (never the full number). */
  name: z.string().nullable(),
  idNumber: z.string(),
  /** Plain Chinese: who matched, or why not and what to do. */
  message: z.string(),
});
export type IdentityCheck = z.infer<typeof IdentityCheck>;

export const HandoverListRow = z.object({
  caseId: z.string().nullable().describe('Null for a case of another window (hall list)'),
  caseNumber: z.string().nullable(),
  window: z.string(),
  itemName: z.string(),
  applicantName: z.string().nullable(),
  outcome: z.enum(RESULT_OUTCOMES),
  outcomeLabel: z.string(),
  items: z.array(z.object({ name: z.string(), count: z.number().int() })),
  delivery: z.enum(DELIVERY_METHODS),
  readyAt: z.string(),
  daysWaiting: z.number().int(),
});
export type HandoverListRow = z.infer<typeof HandoverListRow>;

export const handoverMethods = {
  'handover.find': defineMethod({
    summary: '出件: the result of a case (scanned notice QR or typed case number) and what to hand over',
    roles: ['clerk', 'supervisor'],
    input: CaseRef,
    output: HandoverCase,
  }),
  'handover.identify': defineMethod({
    summary: "出件: whether a card read (or a typed ID number) is the case's applicant or agent; keyed hashes compared, masked answer",
    roles: ['clerk'],
    input: z.object({ caseId: text(64).min(1), ...Person }).strict(),
    output: IdentityCheck,
  }),
  'handover.confirm': defineMethod({
    summary: '出件: the result is collected at the window (已领取), checked against the applicant or agent, or let through with a reason; audited and outboxed',
    roles: ['clerk'],
    input: z
      .object({
        caseId: text(64).min(1),
        ...Person,
        /** 核准代领: the clerk lets someone else collect it (e.g. 委托, with a written authorisation). */
        overrideReason: text(300).optional(),
      })
      .strict(),
    output: HandoverCase,
  }),
  'handover.post': defineMethod({
    summary: '出件 by post (邮寄): carrier and tracking number; audited and outboxed',
    roles: ['clerk'],
    input: z.object({ caseId: text(64).min(1), carrier: text(60).min(1), trackingNumber: text(60).min(1) }).strict(),
    output: HandoverCase,
  }),
  'handover.list': defineMethod({
    summary: '待领取: results ready and not handed over, with days waiting; the hall (every window, from the central) for supervisors',
    roles: ['clerk', 'supervisor'],
    input: z
      .object({
        scope: z.enum(['window', 'hall']).default('window'),
        /** Case number, or part of it. */
        q: text(64).optional(),
        /** Only results waiting at least this many days. */
        minDays: z.number().int().min(0).max(3650).optional(),
      })
      .strict()
      .optional(),
    output: z.object({ scope: z.enum(['window', 'hall']), rows: z.array(HandoverListRow), more: z.boolean() }),
  }),
};
