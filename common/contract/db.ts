import { z } from 'zod';
import { defineMethod, NoInput } from './define';

const Counts = z.record(z.string(), z.number());

export const dbMethods = {
  'db.check': defineMethod({
    summary: 'Full integrity check of the local database, foreign keys, counts and the audit chain',
    roles: ['maintenance'],
    input: NoInput,
    output: z.object({
      ok: z.boolean(),
      schemaVersion: z.number().int(),
      integrity: z.array(z.string()),
      foreignKeyViolations: z.number().int(),
      duplicateCaseNumbers: z.number().int(),
      counts: Counts,
      casesByStatus: Counts,
      outboxByState: Counts,
      audit: z.object({ ok: z.boolean(), entries: z.number().int(), problems: z.number().int() }),
      ms: z.number(),
      /** The quick_check of this start: before it (small files), or after it, beside the services (large ones). */
      startCheck: z.object({
        mode: z.enum(['at-open', 'background']),
        state: z.enum(['running', 'ok', 'problems', 'failed', 'skipped']),
        detail: z.string().nullable(),
        sizeBytes: z.number().int(),
        ms: z.number().nullable(),
      }),
    }),
  }),
  'db.backup': defineMethod({
    summary: 'Online backup of the database into <data>/backups now',
    roles: ['maintenance'],
    input: NoInput,
    output: z.object({ file: z.string(), bytes: z.number().int(), ms: z.number() }),
  }),
};
