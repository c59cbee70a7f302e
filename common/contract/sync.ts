import { z } from 'zod';
import { CreditRecord, HallStatsResponse, Licence } from '../sync/api';
import { defineMethod, NoInput, text } from './define';

export const SyncStateSchema = z.enum(['unenrolled', 'idle', 'syncing', 'backoff', 'offline', 'error']);

export const SyncProgressSchema = z.object({
  phase: z.enum(['push', 'pull']),
  done: z.number().int(),
  total: z.number().int(),
  parked: z.number().int(),
});

/** Everything the sync panel shows: backlog, last push/pull, current error and next retry. */
export const SyncStatusSchema = z.object({
  enrolled: z.boolean(),
  centralUrl: z.string().nullable(),
  hall: z.string().nullable(),
  window: z.string().nullable(),
  state: SyncStateSchema,
  pending: z.number().int(),
  parked: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  backlogAgeSeconds: z.number().int().nullable(),
  lastPushAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextRetryAt: z.string().nullable(),
  generation: z.string().nullable(),
  generationChangedAt: z.string().nullable(),
  /** Central clock minus this PC's clock, for maintenance staff. */
  clockSkewMs: z.number().nullable(),
  catalogCursor: z.number().int(),
  caseStatusCursor: z.number().int(),
  lookupsQueued: z.number().int(),
  progress: SyncProgressSchema.nullable(),
});

export const ParkedEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  kind: z.string(),
  aggregateId: z.string(),
  createdAt: z.string(),
  attempts: z.number().int(),
  reason: z.string(),
});

const LicenceAnswer = z.object({
  checked: z.boolean(),
  licences: z.array(Licence),
  checkedAt: z.string().nullable(),
  message: z.string().nullable().describe('Shown when not checked: 未核验——联网后将自动核验'),
  queued: z.boolean(),
});

const CreditAnswer = z.object({
  checked: z.boolean(),
  hit: z.boolean().nullable(),
  records: z.array(CreditRecord),
  checkedAt: z.string().nullable(),
  message: z.string().nullable(),
  queued: z.boolean(),
});

const STAFF = ['clerk', 'supervisor', 'maintenance'] as const;

export const syncMethods = {
  'sync.status': defineMethod({ summary: 'Backlog, last push/pull, current error, next retry, parked count', roles: STAFF, input: NoInput, output: SyncStatusSchema }),
  'sync.runNow': defineMethod({
    summary: 'Sync now (joins a running sync); answers when the cycle ends',
    roles: STAFF,
    input: NoInput,
    output: z.object({ ok: z.boolean(), error: z.string().nullable(), status: SyncStatusSchema }),
  }),
  'sync.parked': defineMethod({
    summary: 'Entries the central platform rejected, with reasons',
    roles: ['supervisor', 'maintenance'],
    input: NoInput,
    output: z.array(ParkedEntrySchema),
  }),
  'sync.retryParked': defineMethod({
    summary: 'Put parked entries back in the queue (all, or the given sequence numbers)',
    roles: ['maintenance'],
    input: z.object({ seqs: z.array(z.number().int().positive()).max(10_000).optional() }).strict(),
    output: z.object({ requeued: z.number().int() }),
  }),
  'sync.enroll': defineMethod({
    summary: 'Enrol this window with a one-time code from the central platform',
    roles: ['maintenance'],
    input: z.object({ centralUrl: text(300), code: text(64), deviceName: text(200).optional() }).strict(),
    output: z.object({ deviceId: z.string(), hall: z.string(), window: z.string(), centralUrl: z.string() }),
  }),
  'sync.hallStats': defineMethod({
    summary: "The hall's figures across windows, from the central platform (online only)",
    roles: ['supervisor'],
    input: z.object({ date: z.iso.date().optional() }).strict().optional(),
    output: HallStatsResponse,
  }),
  'lookups.licences': defineMethod({
    summary: 'Electronic licences of a holder; offline → not checked, re-checked on sync',
    roles: ['clerk'],
    // A card read gives the renderer only a token (never the clear ID number): main resolves it.
    input: z
      .object({ holderId: text(64).min(1).optional(), cardToken: text(64).optional(), caseId: text(64).optional() })
      .strict()
      .refine((v) => Boolean(v.holderId) !== Boolean(v.cardToken), '请提供证件号码或读卡令牌（二选一）'),
    output: LicenceAnswer,
  }),
  'lookups.credit': defineMethod({
    summary: 'Credit check of a person or enterprise; a hit flags the case; offline → re-checked on sync',
    roles: ['clerk'],
    input: z
      .object({ subject: text(64).min(1).optional(), cardToken: text(64).optional(), subjectType: z.enum(['person', 'enterprise']), caseId: text(64).optional() })
      .strict()
      .refine((v) => Boolean(v.subject) !== Boolean(v.cardToken), '请提供核查对象或读卡令牌（二选一）'),
    output: CreditAnswer,
  }),
};

export const syncEvents = {
  'sync.progress': SyncProgressSchema,
  'sync.state': SyncStatusSchema,
};
