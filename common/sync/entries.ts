import { z } from 'zod';
import { AGENT_RELATION_CODES } from '../domain/agent-relations';
import { COLLECTORS, DELIVERY_METHODS } from '../domain/case-result';
import { MATERIAL_STATES, type CaseStatus } from '../domain/case-status';
import { CERTIFICATE_TYPE_CODES } from '../domain/certificate-types';
import { FOLLOW_UP_RESULTS, RATING_CHANNELS } from '../domain/rating';

/**
 * Every outbox entry the window pushes to the central platform, defined once: the window writes
 * them (typed), the central validates them on ingest. Version 2 is current; the central still
 * accepts version 1 (what windows wrote before this contract) and upgrades it in one place
 * (central/store/upgrade-v1.ts). A kind never changes shape within a version: a new shape is a
 * new version.
 */
export const ENTRY_VERSION = 2;

const id = z.string().min(1).max(64);
const at = z.string().min(1).max(40).describe('ISO 8601 time on the window clock');
const day = z.iso.date();

/** The applicant in clear, as it travels to the central platform (over TLS); never stored so on the window. */
export const SyncApplicant = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    idType: z.string().min(1).max(20),
    /**
     * National certificate-type code (111 居民身份证, 553 外国人永久居留身份证, …). Added to version 2
     * as optional so windows that predate it stay accepted; the central fills it in on ingest.
     */
    certType: z.enum(CERTIFICATE_TYPE_CODES).optional(),
    idNumber: z.string().min(1).max(40),
    name: z.string().min(1).max(100),
    phone: z.string().max(40).nullable(),
    address: z.string().max(400).nullable(),
  }),
  z.object({
    kind: z.literal('enterprise'),
    name: z.string().min(1).max(200),
    uscc: z.string().min(1).max(40),
    legalRepresentative: z.object({ name: z.string().min(1).max(100), idNumber: z.string().min(1).max(40) }),
    phone: z.string().max(40).nullable(),
    address: z.string().max(400).nullable(),
  }),
]);
export type SyncApplicant = z.infer<typeof SyncApplicant>;

/** The agent (经办人) who acted for the applicant, in clear on the wire like the applicant. */
export const SyncAgent = z.object({
  name: z.string().min(1).max(100),
  certType: z.enum(CERTIFICATE_TYPE_CODES),
  idNumber: z.string().min(1).max(40),
  relation: z.enum(AGENT_RELATION_CODES),
  phone: z.string().max(40).nullable(),
});
export type SyncAgent = z.infer<typeof SyncAgent>;

/**
 * One material file of a case (issue 16): the assembled PDF by its SHA-256. The bytes travel apart
 * (resumable upload, main/uploads/); the central marks the material received when a file with this
 * hash and size arrived. Optional within version 2: windows before 材料电子化 send none.
 */
export const CaseMaterialFile = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(1),
  pages: z.number().int().min(1),
  via: z.enum(['intake', 'supplement']),
  linkedAt: at,
});
export type CaseMaterialFile = z.infer<typeof CaseMaterialFile>;

export const CaseMaterial = z.object({
  code: z.string().min(1).max(64),
  name: z.string().max(200),
  state: z.enum(MATERIAL_STATES),
  originals: z.number().int().min(0),
  copies: z.number().int().min(0),
  licenceId: z.string().max(200).nullable(),
  deadline: day.nullable().describe('Supply deadline of a deferred (容缺) material'),
  suppliedAt: at.nullable(),
  files: z.array(CaseMaterialFile).max(50).optional(),
});

/** The case as the window holds it after the event (a full snapshot, not a diff). */
const caseSnapshot = <S extends readonly [CaseStatus, ...CaseStatus[]]>(statuses: S) =>
  z.object({
    id,
    caseNumber: z.string().min(1).max(64),
    status: z.enum(statuses),
    itemCode: z.string().min(1).max(64).describe('Implementation code of the catalog item'),
    itemName: z.string().max(200),
    catalogVersion: z.number().int().min(0),
    promisedLimit: z.string().max(40).describe('The promised time limit as text, e.g. 3个工作日'),
    hallCode: z.string().min(1).max(40),
    windowCode: z.string().min(1).max(40),
    clerkId: z.string().max(64),
    bundleId: z.string().max(64).nullable(),
    bundleGroupId: z.string().max(64).nullable(),
    applicantKind: z.enum(['person', 'enterprise']).nullable(),
    uscc: z.string().max(40).nullable(),
    createdAt: at,
    acceptedAt: at.nullable(),
    decidedAt: at.nullable(),
    updatedAt: at,
    promisedDate: day.nullable(),
    promisedProvisional: z.boolean(),
    rejectReason: z.string().max(1000).nullable(),
    withdrawReason: z.string().max(1000).nullable(),
    commitmentNote: z.string().max(1000).nullable(),
    materials: z.array(CaseMaterial).max(500),
  });
export type CaseSnapshot = z.infer<ReturnType<typeof caseSnapshot<['accepted', 'accepted_deferred', 'rejected', 'withdrawn']>>>;

/**
 * On the wire a case event carries the applicant in clear (null where the event does not repeat
 * it). `applicantSealed` appears only when the window could not open its own seal (data key lost):
 * the case goes anyway rather than being held back, with the applicant unreadable.
 */
const caseEvent = <S extends readonly [CaseStatus, ...CaseStatus[]]>(statuses: S) =>
  z.object({
    case: caseSnapshot(statuses),
    applicant: SyncApplicant.nullable(),
    applicantSealed: z.string().optional(),
    /** Optional within version 2 (windows before agents omit it); null when the applicant came in person. */
    agent: SyncAgent.nullable().optional(),
    agentSealed: z.string().optional(),
  });

/** In the window's outbox the applicant is one blob sealed with the window's data key (no clear PII on disk). */
const storedCaseEvent = <S extends readonly [CaseStatus, ...CaseStatus[]]>(statuses: S) =>
  z.object({ case: caseSnapshot(statuses), applicantSealed: z.string().nullable(), agentSealed: z.string().nullable().optional() });

const rating = z.object({
  id,
  caseId: id,
  caseNumber: z.string().max(64).nullable(),
  level: z.number().int().min(1).max(5).describe('1 非常满意 … 5 非常不满意'),
  reasons: z.array(z.string().max(200)).max(20),
  text: z.string().max(2000).nullable(),
  channel: z.enum(RATING_CHANNELS),
  at,
});

const rectificationFields = { id, ratingId: id, caseId: id, openedAt: at, deadline: day };
const rectificationOpened = z.object({
  ...rectificationFields,
  state: z.literal('open'),
  closedAt: z.null(),
  closedBy: z.null(),
  note: z.null(),
  followUpResult: z.null(),
});
const rectificationClosed = z.object({
  ...rectificationFields,
  state: z.literal('closed'),
  closedAt: at,
  closedBy: z.string().min(1).max(64),
  note: z.string().max(2000),
  followUpResult: z.enum(FOLLOW_UP_RESULTS),
});

/**
 * The applicant's signature on a case at the applicant screen (issue 18), or the refusal to sign.
 * The SHA-256 is of the PNG the window rendered from the strokes (it is also in the window's audit
 * chain and on the notice); the strokes and the image stay on the window, sealed.
 */
const caseSigned = z.object({
  caseId: id,
  caseNumber: z.string().min(1).max(64),
  outcome: z.enum(['signed', 'refused']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  refusalReason: z.string().max(300).nullable(),
  source: z.enum(['screen', 'pad']).nullable(),
  at,
});

/**
 * The result was handed over (出件): collected at the window (who took it, checked against the
 * case's applicant or agent by the window, or let through by the clerk with a reason) or posted
 * (carrier and tracking number). No personal data: the window compared keyed hashes of the card.
 */
const caseHandedOver = z
  .object({
    caseId: id,
    caseNumber: z.string().min(1).max(64),
    method: z.enum(DELIVERY_METHODS),
    collector: z.enum(COLLECTORS).nullable().describe('Window collection only: who took the result'),
    overrideReason: z.string().max(300).nullable().describe('Why the clerk let someone else collect it (e.g. 委托, with a written authorisation)'),
    carrier: z.string().max(60).nullable(),
    trackingNumber: z.string().max(60).nullable(),
    clerkId: z.string().min(1).max(64),
    at,
  })
  .refine((h) => (h.method === 'post') === (h.trackingNumber !== null && h.carrier !== null), { message: '邮寄须有快递公司和运单号，窗口领取则没有' })
  .refine((h) => (h.method === 'window') === (h.collector !== null), { message: '窗口领取须写明领取人' })
  .refine((h) => (h.collector === 'override') === (h.overrideReason !== null), { message: '核准代领须写明理由' });

const passwordChanged = z.object({
  staffId: z.string().min(1).max(64),
  passwordHash: z.string().min(1).max(400).describe('The verifier (scrypt), never the password'),
  passwordChangedAt: at,
});

const CASE_EVENTS = {
  'case.accepted': ['accepted'],
  'case.acceptedWithDeferred': ['accepted_deferred'],
  'case.rejected': ['rejected'],
  'case.withdrawn': ['withdrawn'],
  'case.supplemented': ['accepted', 'accepted_deferred'],
} as const satisfies Record<string, readonly [CaseStatus, ...CaseStatus[]]>;
export type CaseEntryKind = keyof typeof CASE_EVENTS;

/** The payload of each kind as the central platform receives it. */
export const wirePayloads = {
  'case.accepted': caseEvent(CASE_EVENTS['case.accepted']),
  'case.acceptedWithDeferred': caseEvent(CASE_EVENTS['case.acceptedWithDeferred']),
  'case.rejected': caseEvent(CASE_EVENTS['case.rejected']),
  'case.withdrawn': caseEvent(CASE_EVENTS['case.withdrawn']),
  'case.supplemented': caseEvent(CASE_EVENTS['case.supplemented']),
  'rating.created': rating,
  'rectification.opened': rectificationOpened,
  'rectification.closed': rectificationClosed,
  'staff.passwordChanged': passwordChanged,
  'case.signed': caseSigned,
  'case.handedOver': caseHandedOver,
} as const;
export type EntryKind = keyof typeof wirePayloads;
export const ENTRY_KINDS = Object.keys(wirePayloads) as EntryKind[];
export const isCaseKind = (kind: string): kind is CaseEntryKind => Object.hasOwn(CASE_EVENTS, kind);
export type WirePayload<K extends EntryKind> = z.infer<(typeof wirePayloads)[K]>;

/** The payload of each kind as the window's outbox stores it (cases: applicant sealed). */
export const storedPayloads = {
  ...wirePayloads,
  'case.accepted': storedCaseEvent(CASE_EVENTS['case.accepted']),
  'case.acceptedWithDeferred': storedCaseEvent(CASE_EVENTS['case.acceptedWithDeferred']),
  'case.rejected': storedCaseEvent(CASE_EVENTS['case.rejected']),
  'case.withdrawn': storedCaseEvent(CASE_EVENTS['case.withdrawn']),
  'case.supplemented': storedCaseEvent(CASE_EVENTS['case.supplemented']),
} as const satisfies Record<EntryKind, z.ZodType>;
export type StoredPayload<K extends EntryKind> = z.infer<(typeof storedPayloads)[K]>;

const entryOf = <K extends EntryKind>(kind: K) => z.object({ kind: z.literal(kind), v: z.literal(ENTRY_VERSION), payload: wirePayloads[kind] });

/** One current (v2) entry: the discriminated union of every kind. */
export const PushEntry = z.discriminatedUnion(
  'kind',
  ENTRY_KINDS.map((k) => entryOf(k)) as unknown as [ReturnType<typeof entryOf<EntryKind>>, ...Array<ReturnType<typeof entryOf<EntryKind>>>],
);
export type PushEntry = { [K in EntryKind]: { kind: K; v: typeof ENTRY_VERSION; payload: WirePayload<K> } }[EntryKind];

/**
 * Kinds written before this contract (version 1): `case` (the event inside the payload), `rating`,
 * `rectification`, `staff.password`. An outbox row still holding one of these names was written by
 * an older window and is pushed as version 1; every other kind is current.
 */
export const V1_KINDS = ['case', 'rating', 'rectification', 'staff.password'] as const;
export type V1Kind = (typeof V1_KINDS)[number];
export const isV1Kind = (kind: string): kind is V1Kind => (V1_KINDS as readonly string[]).includes(kind);
export const versionOfStoredKind = (kind: string): number => (isV1Kind(kind) ? 1 : ENTRY_VERSION);

/** A zod problem in plain Chinese: which field, what was wrong (the first three). */
export function describeEntryProblem(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(整体)'}：${i.message}`)
    .join('；');
}

/** zod's messages in Simplified Chinese, for the reasons a clerk or maintenance sees. */
export const ZH_ERRORS = { error: z.locales.zhCN().localeError };
