import { z } from 'zod';
import { defineMethod, NoInput } from './define';

export const UploadsStateSchema = z.enum(['unenrolled', 'idle', 'uploading', 'pending', 'retrying', 'offline']);

/** Bytes of the blob being sent (tus acknowledges per chunk; this counts bytes written). */
export const UploadProgressSchema = z.object({
  sha256: z.string(),
  caseId: z.string(),
  materialCode: z.string(),
  sent: z.number().int(),
  total: z.number().int(),
});

export const UploadBlobSchema = z.object({
  sha256: z.string(),
  size: z.number().int(),
  caseId: z.string(),
  materialCode: z.string(),
  /** Case materials sharing this file (one upload serves them all). */
  links: z.number().int(),
  ackedBytes: z.number().int(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});

/** 待上传 material files: what the status bar and 运维 → 同步 show. */
export const UploadsStatusSchema = z.object({
  state: UploadsStateSchema,
  pendingBlobs: z.number().int(),
  pendingBytes: z.number().int(),
  failing: z.number().int().describe('Blobs whose last attempt failed (waiting for their retry)'),
  lastError: z.string().nullable(),
  nextRetryAt: z.string().nullable(),
  current: UploadProgressSchema.nullable(),
  /** The first 100 pending blobs, oldest first. */
  blobs: z.array(UploadBlobSchema),
});
export type UploadsStatus = z.infer<typeof UploadsStatusSchema>;

const STAFF = ['clerk', 'supervisor', 'maintenance'] as const;

export const uploadsMethods = {
  'uploads.status': defineMethod({ summary: 'Material files waiting for the central: count, bytes, current progress, errors, next retry', roles: STAFF, input: NoInput, output: UploadsStatusSchema }),
  'uploads.retry': defineMethod({
    summary: 'Make every waiting material file due now (failure counts reset) and start uploading',
    roles: ['maintenance'],
    input: NoInput,
    output: z.object({ due: z.number().int(), status: UploadsStatusSchema }),
  }),
};

export const uploadsEvents = {
  'uploads.progress': UploadProgressSchema,
  'uploads.state': UploadsStatusSchema,
};
