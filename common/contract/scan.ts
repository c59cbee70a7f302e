import { z } from 'zod';
import { defineMethod, text } from './define';

/** Where a scan came from. `wedge` is a keyboard-wedge burst caught by the renderer's detector. */
export const ScanSource = z.enum(['serial', 'hid', 'wedge']);
export type ScanSource = z.infer<typeof ScanSource>;

/**
 * One scan, whatever the scanner. `symbology` is a display name from the AIM identifier
 * ("QR", "Code 128", …) or "unknown" when the scanner sent no identifier.
 */
export const ScanEvent = z.object({
  text: text(4096),
  symbology: text(40),
  source: ScanSource,
  /** Configured device id (DeviceManager), or `keyboard` for a wedge scan. */
  device: text(120),
});
export type ScanEvent = z.infer<typeof ScanEvent>;

/** 好差评 levels: 1 非常满意 … 5 非常不满意 (DOMAIN.md). */
export const RatingLevel = z.number().int().min(1).max(5);

export const EvaluatorRatingEvent = z.object({
  /** Present when the prompt named a case; a walk-up rating on a keypad has none. */
  caseId: text(120).optional(),
  promptId: text(80).optional(),
  level: RatingLevel,
  reasons: z.array(text(100)).max(20),
  /** 评价渠道: `evaluator` (serial keypad / vendor device) or `screen` (on-screen pad). */
  channel: z.enum(['evaluator', 'screen']),
  device: text(120),
});
export type EvaluatorRatingEvent = z.infer<typeof EvaluatorRatingEvent>;

export const EvaluatorOutcome = z.enum(['rated', 'timeout', 'cancelled', 'failed']);

export const scanMethods = {
  'scanner.wedge': defineMethod({
    summary: 'The renderer caught a keyboard-wedge burst: publish it as a `scan` event',
    roles: ['clerk', 'supervisor', 'maintenance'],
    input: z.object({ text: text(4096).min(1), symbology: text(40).optional() }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'devices.simulateScan': defineMethod({
    summary: 'Demo / training mode only: the simulated serial scanner sends this text (pty → driver → `scan` event)',
    roles: ['clerk', 'maintenance'],
    input: z.object({ text: text(4096).min(1) }).strict(),
    output: z.object({ device: z.string() }),
  }),
  'evaluator.prompt': defineMethod({
    summary: 'Ask the applicant to rate: shows the prompt on the evaluator; the answer arrives as `evaluator.rating`',
    roles: ['clerk'],
    input: z
      .object({
        caseId: text(120).optional(),
        /** How long the device waits for a key press; default 60 s. */
        timeoutMs: z.number().int().min(1000).max(600_000).optional(),
        /** Evaluator device id; default: the first configured evaluator, else the on-screen pad. */
        device: text(120).optional(),
      })
      .strict(),
    output: z.object({ promptId: z.string(), device: z.string() }),
  }),
  'evaluator.cancel': defineMethod({
    summary: 'Withdraw a pending rating prompt',
    roles: ['clerk'],
    input: z.object({ promptId: text(80) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
  'evaluator.submit': defineMethod({
    summary: 'The on-screen pad (applicant-facing window) answers a prompt',
    roles: ['clerk'],
    input: z.object({ promptId: text(80), level: RatingLevel, reasons: z.array(text(100)).max(20).default([]) }).strict(),
    output: z.object({ accepted: z.boolean() }),
  }),
};

export const scanEvents = {
  scan: ScanEvent,
  'evaluator.rating': EvaluatorRatingEvent,
  /** A prompt was shown (the on-screen pad opens on this) or ended without a rating. */
  'evaluator.prompted': z.object({
    promptId: z.string(),
    caseId: z.string().optional(),
    device: z.string(),
    timeoutMs: z.number().int(),
  }),
  'evaluator.ended': z.object({ promptId: z.string(), device: z.string(), outcome: EvaluatorOutcome, message: z.string().optional() }),
};
