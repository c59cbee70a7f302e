import { z } from 'zod';
import { DELIVERY_METHODS, RESULT_OUTCOMES } from '../domain/case-result';
import { CENTRAL_CASE_STATUSES } from './case-statuses';

/**
 * The window ⇄ central platform contract, version 1. Both sides parse with these schemas; the
 * OpenAPI document in central/openapi.json is generated from them (a test keeps the two in step).
 */
export const API_PREFIX = '/v1';

/** Every answer, success or error, says which database generation and clock answered it. */
export const Envelope = z.object({
  generation: z.string().min(1).describe('Identity of the central database; changes when it is restored or replaced'),
  serverTime: z.iso.datetime().describe('Central clock at the time of the answer (ISO 8601, UTC)'),
});
export type Envelope = z.infer<typeof Envelope>;

export const CENTRAL_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TOO_LARGE',
  'CODE_INVALID',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export const ErrorBody = Envelope.extend({
  error: z.object({ code: z.enum(CENTRAL_ERROR_CODES), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Health = Envelope.extend({ ok: z.literal(true), apiVersion: z.literal(1) });

// ---- enrolment -------------------------------------------------------------------------------

export const EnrollRequest = z.object({
  code: z.string().min(4).max(64).describe('One-time enrolment code issued by `central enroll-code`'),
  deviceName: z.string().max(200).optional(),
});
export const EnrollResponse = Envelope.extend({
  deviceId: z.string(),
  hall: z.string(),
  window: z.string(),
  credential: z.string().describe('Bearer credential for every later request; keep it secret'),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

// ---- push ------------------------------------------------------------------------------------

/**
 * One outbox entry. `kind`, `v` and `payload` are read here only as far as needed to answer per
 * item: the central validates them against the entry contract (entries.ts, `PushEntry`) and
 * rejects a bad, unknown or unknown-version entry on its own, never the whole batch.
 */
export const PushItem = z.object({
  id: z.string().min(1).max(64).describe("Idempotency key: the record's UUIDv7"),
  seq: z.number().int().positive().describe("The device's monotonic outbox sequence"),
  kind: z.string().min(1).max(40).describe('Entry kind, e.g. case.accepted (see PushEntry); version 1 kinds: case, rating, rectification, staff.password'),
  v: z.number().int().positive().default(1).describe('Version of the entry contract the payload follows; absent means 1 (windows before version 2)'),
  aggregateId: z.string().min(1).max(64).describe('Items of one aggregate (a case) are applied in seq order'),
  createdAt: z.string().max(40).describe('Window clock when the record was written'),
  payload: z.unknown().describe('Shaped by kind and v: PushEntry (v2) in components.schemas'),
});
/** As the central reads it (`v` defaulted); the window sends `z.input` with `v` set. */
export type PushItem = z.infer<typeof PushItem>;

export const MAX_PUSH_ITEMS = 1000;
export const MAX_PUSH_BYTES = 4 * 1024 * 1024;

export const PushRequest = z.object({ items: z.array(PushItem).min(1).max(MAX_PUSH_ITEMS) });
export type PushRequest = z.infer<typeof PushRequest>;

export const PushStatus = z.enum(['accepted', 'duplicate', 'rejected', 'retryable']);
export type PushStatus = z.infer<typeof PushStatus>;

export const PushResult = z.object({
  id: z.string(),
  status: PushStatus,
  reason: z.string().optional().describe('Why it was rejected or must be retried (plain Chinese)'),
  receivedAt: z.string().optional().describe('Central time the effect was first recorded'),
});
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = Envelope.extend({ results: z.array(PushResult) });
export type PushResponse = z.infer<typeof PushResponse>;

// ---- pulls -----------------------------------------------------------------------------------

export const CATALOG_ENTITIES = ['item', 'material', 'bundle', 'calendar', 'staff'] as const;
export const CatalogChange = z.object({
  version: z.number().int().positive(),
  entity: z.enum(CATALOG_ENTITIES),
  key: z.string(),
  op: z.enum(['upsert', 'delete']),
  data: z.unknown(),
});
export type CatalogChange = z.infer<typeof CatalogChange>;

export const PageQuery = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const CatalogResponse = Envelope.extend({
  version: z.number().int().min(0).describe('Highest version included; pass it as `since` next time'),
  changes: z.array(CatalogChange),
  more: z.boolean(),
});
export type CatalogResponse = z.infer<typeof CatalogResponse>;

export { CENTRAL_CASE_STATUSES };
export const CentralCaseStatus = z.enum(CENTRAL_CASE_STATUSES);

/**
 * The result of a decided case (出件): the decision, whether the certificate or decision letter is
 * made and can be handed over (已制证), what to hand over, and the delivery the applicant chose.
 */
export const CaseResult = z.object({
  outcome: z.enum(RESULT_OUTCOMES).describe('approved 准予许可（办结）, refused 不予许可'),
  ready: z.boolean().describe('True once the certificate or decision letter is made (已制证) and can be collected or posted'),
  items: z
    .array(z.object({ name: z.string().min(1).max(100), count: z.number().int().min(1).max(99).default(1) }))
    .max(30)
    .describe('What to hand over, e.g. 营业执照正本 ×1, 营业执照副本 ×2, 不予行政许可决定书 ×1'),
  delivery: z.enum(DELIVERY_METHODS).describe('window 窗口领取, post 邮寄 (as the applicant chose)'),
});
export type CaseResult = z.infer<typeof CaseResult>;

export const CaseStatusChange = z.object({
  cursor: z.number().int().positive(),
  caseId: z.string(),
  status: CentralCaseStatus,
  at: z.string(),
  note: z.string().nullable(),
  centralCaseNumber: z.string().nullable(),
  /** With a decided case's result (central migration 006); absent from central platforms before it. */
  result: CaseResult.nullable().default(null),
});
export type CaseStatusChange = z.infer<typeof CaseStatusChange>;

export const CaseStatusResponse = Envelope.extend({
  cursor: z.number().int().min(0),
  changes: z.array(CaseStatusChange),
  more: z.boolean(),
});
export type CaseStatusResponse = z.infer<typeof CaseStatusResponse>;

// ---- look-ups --------------------------------------------------------------------------------

export const LicenceQuery = z.object({ holderId: z.string().min(1).max(64) });
export const Licence = z.object({
  licenceId: z.string().describe('1.2.156.3005.2.<type>.<issuer USCI>.<serial>.<version>.<check>'),
  type: z.string(),
  name: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
});
export type Licence = z.infer<typeof Licence>;
export const LicenceResponse = Envelope.extend({ holderId: z.string(), licences: z.array(Licence) });
export type LicenceResponse = z.infer<typeof LicenceResponse>;

export const CreditQuery = z.object({
  subject: z.string().min(1).max(64).describe('ID number of a person or USCC of an enterprise'),
  subjectType: z.enum(['person', 'enterprise']),
});
export const CreditRecord = z.object({ list: z.string(), authority: z.string(), since: z.string(), measure: z.string() });
export const CreditResponse = Envelope.extend({
  subject: z.string(),
  subjectType: z.enum(['person', 'enterprise']),
  hit: z.boolean().describe('True when the subject is on a joint-discipline list'),
  records: z.array(CreditRecord),
});
export type CreditResponse = z.infer<typeof CreditResponse>;

// ---- heartbeat -------------------------------------------------------------------------------

/** The window's sync health, sent after each cycle, so the supervisor sees every window's backlog. */
export const HeartbeatRequest = z.object({
  pending: z.number().int().min(0),
  parked: z.number().int().min(0),
  oldestPendingAt: z.string().max(40).nullable(),
  clockSkewMs: z.number().nullable(),
});
export const HeartbeatResponse = Envelope;

// ---- statistics ------------------------------------------------------------------------------

export const HallStatsQuery = z.object({ date: z.iso.date().optional() });
export const HallStatsResponse = Envelope.extend({
  hall: z.string(),
  date: z.string().nullable(),
  cases: z.number().int(),
  ratings: z.number().int(),
  badRatings: z.number().int(),
  ratingLevels: z.record(z.string(), z.number().int()),
  windows: z.array(
    z.object({
      window: z.string(),
      cases: z.number().int(),
      ratings: z.number().int(),
      lastSeenAt: z.string().nullable(),
      /** From the window's last heartbeat; null before the first. */
      pending: z.number().int().nullable(),
      parked: z.number().int().nullable(),
      oldestPendingAt: z.string().nullable(),
    }),
  ),
});
export type HallStatsResponse = z.infer<typeof HallStatsResponse>;

// ---- administration (tests, demos, operators; admin token) -------------------------------------

export const AdminCaseStatusRequest = z.object({
  caseId: z.string().min(1),
  status: CentralCaseStatus,
  note: z.string().max(500).optional(),
  centralCaseNumber: z.string().max(64).optional(),
});
export const AdminCaseStatusResponse = Envelope.extend({ cursor: z.number().int() });

/** A case's result from the back office; the status (办结 / 不予许可) follows from the outcome. */
export const AdminCaseResultRequest = CaseResult.extend({
  caseId: z.string().min(1),
  note: z.string().max(500).optional(),
  centralCaseNumber: z.string().max(64).optional(),
});

// ---- results awaiting handover (出件) ------------------------------------------------------------

export const HallHandoverQuery = z.object({ limit: z.coerce.number().int().min(1).max(2000).default(500) });
/** The hall's results ready to hand over and not yet handed over, oldest first (the supervisor's 待领取 list). */
export const HallHandoverResponse = Envelope.extend({
  hall: z.string(),
  cases: z.array(
    z.object({
      caseId: z.string(),
      caseNumber: z.string().nullable(),
      window: z.string(),
      itemCode: z.string().nullable(),
      status: CentralCaseStatus,
      result: CaseResult,
      readyAt: z.string().describe('Central time the result became ready'),
    }),
  ),
  more: z.boolean(),
});
export type HallHandoverResponse = z.infer<typeof HallHandoverResponse>;

export const AdminCatalogRequest = z.object({
  changes: z.array(z.object({ entity: z.enum(CATALOG_ENTITIES), key: z.string(), op: z.enum(['upsert', 'delete']), data: z.unknown() })).min(1),
});
export const AdminCatalogResponse = Envelope.extend({ version: z.number().int() });

export const AdminStatsResponse = Envelope.extend({
  cases: z.number().int().describe('Distinct cases'),
  ratings: z.number().int().describe('Distinct ratings'),
  rectifications: z.number().int(),
  items: z.number().int().describe('Processed idempotency keys'),
  devices: z.number().int(),
});
export type AdminStatsResponse = z.infer<typeof AdminStatsResponse>;

export const AdminCasesResponse = Envelope.extend({
  cases: z.array(z.object({ id: z.string(), entries: z.number().int().describe('Outbox entries applied to this case') })),
});

/** Test-only fault plan; the server accepts it only when started with faults allowed. */
export const FaultPlan = z.object({
  dropAfterCommit: z.number().int().min(0).default(0).describe('Drop the connection after committing this many pushes'),
  fail500: z.number().int().min(0).default(0),
  fail429: z.number().int().min(0).default(0),
  retryAfterSeconds: z.number().min(0).default(1),
  delayMs: z.number().int().min(0).default(0).describe('Delay every push before committing'),
});
export type FaultPlan = z.infer<typeof FaultPlan>;

// ---- material files (tus uploads) ------------------------------------------------------------

/** Where the tus 1.0 endpoint (creation, checksum, termination) is mounted; not a JSON route. */
export const UPLOADS_PATH = '/v1/uploads';
/** The tus checksum algorithm both sides use (`Upload-Checksum: sha256 <base64>`). */
export const UPLOAD_CHECKSUM_ALGORITHM = 'sha256';
/** Largest material file the central takes (a scanned material PDF is a few MB). */
export const MAX_BLOB_BYTES = 512 * 1024 * 1024;
/** Status of a PATCH whose chunk failed its Upload-Checksum (tus checksum extension). */
export const CHECKSUM_MISMATCH_STATUS = 460;
/** Status of the last PATCH when the whole file does not hash to its declared sha256: the upload is deleted. */
export const BLOB_HASH_MISMATCH_STATUS = 422;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 须为 64 位小写十六进制');
/** A material's identity on the wire: its plaintext's SHA-256 and the case material it is. */
export const BlobRef = z.object({
  sha256: Sha256Hex,
  caseId: z.string().min(1).max(64),
  materialCode: z.string().min(1).max(64),
});
export type BlobRef = z.infer<typeof BlobRef>;
/** The tus Upload-Metadata of a material upload (all values are strings on the wire). */
export const UploadMetadata = BlobRef.extend({ size: z.coerce.number().int().min(1).max(MAX_BLOB_BYTES) });
export type UploadMetadata = z.infer<typeof UploadMetadata>;

export const BlobConfirmRequest = BlobRef.extend({
  uploadId: z.string().max(100).optional().describe('The tus upload of these bytes, when the window has one: a complete upload the central did not record yet is verified now'),
});
export const BlobConfirmResponse = Envelope.extend({
  received: z.boolean().describe('True when the central holds a file that hashed to sha256 (the link to the case is recorded too)'),
});
export type BlobConfirmResponse = z.infer<typeof BlobConfirmResponse>;

export const AdminBlobsResponse = Envelope.extend({
  blobs: z.array(z.object({ sha256: z.string(), size: z.number().int(), uploadId: z.string(), links: z.number().int() })),
});
