import { z } from 'zod';

/**
 * The hall queue service's HTTP/WebSocket contract (central/queue/PROTOCOL.md), shared by the
 * reference service and the window's HTTP driver. Version 1, under `/queue/v1`.
 */
export const QUEUE_API_PREFIX = '/queue/v1';

const code = z.string().regex(/^[A-Za-z0-9-]{1,12}$/, '编码为 1–12 位字母、数字或短横线');
const at = z.string().min(1).max(40);

export const WireTicket = z.object({
  id: z.string().min(1).max(64),
  number: code,
  queue: code,
  issuedAt: at,
  calledAt: at.nullable(),
  window: code.nullable(),
  state: z.enum(['waiting', 'called', 'passed', 'transferred', 'done']),
  recalls: z.number().int().min(0),
});
export type WireTicket = z.infer<typeof WireTicket>;

export const WindowState = z.object({
  window: code,
  paused: z.boolean(),
  current: WireTicket.nullable(),
  /** Tickets this window could call now (its queues plus tickets transferred to it). */
  waiting: z.number().int().min(0),
});
export type WindowState = z.infer<typeof WindowState>;

export const CallResult = z.object({ ticket: WireTicket.nullable(), state: WindowState });
export type CallResult = z.infer<typeof CallResult>;

export const Overview = z.object({
  hall: z.string(),
  windows: z.array(WindowState),
  queues: z.array(z.object({ queue: code, waiting: z.number().int().min(0) })),
});
export type Overview = z.infer<typeof Overview>;

export const TicketRef = z.object({ ticketId: z.string().min(1).max(64) }).strict();
export const TransferBody = TicketRef.extend({ toWindow: code.optional(), toQueue: code.optional() })
  .strict()
  .refine((b) => Boolean(b.toWindow) !== Boolean(b.toQueue), '转窗须给出 toWindow 或 toQueue 之一');
export const IssueBody = z.object({ queue: code }).strict();

/** What the WebSocket `/queue/v1/events` pushes, one JSON object a message. */
export const QueueEvent = z.object({
  type: z.enum(['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.passed', 'ticket.transferred', 'window.paused', 'window.resumed']),
  at,
  ticket: WireTicket.nullable(),
  window: code.nullable(),
  /** Waiting tickets per queue after the event. */
  waiting: z.record(z.string(), z.number().int().min(0)),
});
export type QueueEvent = z.infer<typeof QueueEvent>;

export const QueueErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
