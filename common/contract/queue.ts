import { z } from 'zod';
import { defineMethod, NoInput } from './define';

/** 叫号 (issue 17): this window's queue calls, through whichever driver the settings choose. */
const code = z.string().regex(/^[A-Za-z0-9-]{1,12}$/, '窗口或队列编码为 1–12 位字母、数字或短横线');

export const TicketView = z.object({
  id: z.string(),
  number: z.string(),
  queue: z.string(),
  issuedAt: z.string().nullable(),
  calledAt: z.string(),
  /** issued → called, seconds; null when the queue system did not say when it was issued. */
  waitSeconds: z.number().int().nullable(),
  recalls: z.number().int(),
  /** Cases accepted or rejected under this ticket so far. */
  caseCount: z.number().int(),
});
export type TicketView = z.infer<typeof TicketView>;

export const QueueView = z.object({
  driver: z.enum(['none', 'http', 'serial']),
  /** The driver is chosen in the settings but this setting of it is empty (no queue until it is filled in). */
  missing: z.enum(['url', 'callerDeviceId']).nullable(),
  online: z.boolean(),
  /** Plain Chinese, when offline: what is wrong and that walk-ins can still be served. */
  reason: z.string().nullable(),
  paused: z.boolean().nullable(),
  waiting: z.number().int().nullable(),
  current: TicketView.nullable(),
  today: z.object({
    served: z.number().int(),
    passed: z.number().int(),
    transferred: z.number().int(),
    avgWaitSeconds: z.number().int().nullable(),
    avgServiceSeconds: z.number().int().nullable(),
  }),
});
export type QueueView = z.infer<typeof QueueView>;

export const HallQueues = z.object({
  /** This window's code, to mark it in the list. */
  window: z.string(),
  windows: z.array(z.object({ window: z.string(), paused: z.boolean(), current: z.string().nullable(), calledAt: z.string().nullable(), waiting: z.number().int() })),
  queues: z.array(z.object({ queue: z.string(), waiting: z.number().int() })),
});

const clerk = ['clerk'] as const;

export const queueMethods = {
  'queue.status': defineMethod({
    summary: 'This window’s queue: driver, online or why not, the ticket being served, waiting count, today’s figures',
    roles: ['clerk', 'supervisor', 'maintenance'],
    input: NoInput,
    output: QueueView,
  }),
  'queue.next': defineMethod({
    summary: '下一位: the ticket being served is done; call the next one to this window (audited)',
    roles: clerk,
    input: NoInput,
    output: QueueView,
  }),
  'queue.recall': defineMethod({ summary: '重呼: announce the ticket being served again (audited)', roles: clerk, input: NoInput, output: QueueView }),
  'queue.pass': defineMethod({ summary: '过号: the called applicant did not come; end the ticket (audited)', roles: clerk, input: NoInput, output: QueueView }),
  'queue.transfer': defineMethod({
    summary: '转窗: send the ticket being served to another window or queue (audited)',
    roles: clerk,
    input: z
      .object({ toWindow: code.optional(), toQueue: code.optional() })
      .strict()
      .refine((v) => Boolean(v.toWindow) !== Boolean(v.toQueue), '请给出要转入的窗口或队列（二选一）'),
    output: QueueView,
  }),
  'queue.pause': defineMethod({ summary: '暂停服务: the queue calls no ticket to this window until resumed (audited)', roles: clerk, input: NoInput, output: QueueView }),
  'queue.resume': defineMethod({ summary: '恢复服务 (audited)', roles: clerk, input: NoInput, output: QueueView }),
  'queue.hall': defineMethod({
    summary: 'The hall’s windows with the ticket each is serving and the waiting counts (supervisors)',
    roles: ['supervisor', 'maintenance'],
    input: NoInput,
    output: HallQueues,
  }),
};

export const queueEvents = {
  /** The queue changed (a call, a ticket issued in the hall, the link went down or up). */
  'queue.state': QueueView,
};
