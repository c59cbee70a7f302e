import { z } from 'zod';
import { defineMethod, text } from './define';
import { AgentView, ApplicantView, CaseStatusSchema, DeferredMaterialView, MaterialStateSchema } from './intake';

const STAFF = ['clerk', 'supervisor'] as const;

/** Where the case stands with the central platform, from its outbox rows (filled by sync). */
export const CaseSyncState = z.object({
  state: z.enum(['local', 'pending', 'synced', 'parked']),
  pending: z.number().int(),
  lastError: z.string().nullable(),
  syncedAt: z.string().nullable(),
});

export const CaseSummary = z.object({
  id: z.string(),
  /** Window-issued number; null for a draft. */
  caseNumber: z.string().nullable(),
  /** The provincial platform's number once synced. */
  centralNumber: z.string().nullable(),
  status: CaseStatusSchema,
  statusLabel: z.string(),
  /** Latest status reported by the central platform (never invented locally). */
  centralStatus: z.string().nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  applicantKind: z.enum(['person', 'enterprise']).nullable(),
  /** Masked. */
  applicantName: z.string().nullable(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  promisedDate: z.string().nullable(),
  promisedProvisional: z.boolean(),
  deferredOutstanding: z.number().int(),
  ratingLevel: z.number().int().nullable(),
  sync: CaseSyncState,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseMaterialView = z.object({
  code: z.string(),
  name: z.string(),
  required: z.boolean(),
  state: MaterialStateSchema,
  stateLabel: z.string(),
  originals: z.number().int(),
  copies: z.number().int(),
  licenceId: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineProvisional: z.boolean(),
  commitmentNote: z.string().nullable(),
  suppliedAt: z.string().nullable(),
});

export const CaseHistoryEntry = z.object({
  at: z.string(),
  /** `window` for local decisions, `central` for statuses synced from the platform. */
  source: z.enum(['window', 'central']),
  status: z.string(),
  label: z.string(),
  detail: z.string().nullable(),
});

export const CaseDetail = CaseSummary.extend({
  applicant: ApplicantView.nullable(),
  /** The agent (经办人) who acted for the applicant, masked; null when the applicant came in person. */
  agent: AgentView.nullable(),
  hallCode: z.string(),
  windowCode: z.string(),
  clerk: z.object({ id: z.string(), name: z.string() }),
  bundleId: z.string().nullable(),
  bundleGroupId: z.string().nullable(),
  rejectReason: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  note: z.string().nullable(),
  promisedLimitText: z.string(),
  creditCheck: z.enum(['not_checked', 'clear', 'flagged']),
  materials: z.array(CaseMaterialView),
  deferred: z.array(DeferredMaterialView),
  history: z.array(CaseHistoryEntry),
  outbox: z.array(
    z.object({
      kind: z.string(),
      state: z.string(),
      attempts: z.number().int(),
      createdAt: z.string(),
      doneAt: z.string().nullable(),
      lastError: z.string().nullable(),
    }),
  ),
  rating: z
    .object({ level: z.number().int(), label: z.string(), reasons: z.array(z.string()), text: z.string().nullable(), channel: z.string(), at: z.string() })
    .nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseRef = z.union([
  z.object({ id: text(80).min(1) }).strict(),
  z.object({ caseNumber: text(80).min(1) }).strict(),
]);

export const casesMethods = {
  'cases.list': defineMethod({
    summary: 'Cases of this window, newest first; `q` matches case number, applicant name or ID number (by keyed hash)',
    roles: STAFF,
    input: z
      .object({
        today: z.boolean().optional(),
        q: text(100).optional(),
        status: z.array(CaseStatusSchema).max(5).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        /** `createdAt|id` of the last row of the previous page. */
        cursor: text(200).optional(),
      })
      .strict(),
    output: z.object({ cases: z.array(CaseSummary), nextCursor: z.string().nullable() }),
  }),
  'cases.get': defineMethod({
    summary: 'One case with materials, 容缺 deadlines, status history (window and central) and sync state; PII masked',
    roles: STAFF,
    input: CaseRef,
    output: CaseDetail,
  }),
  'cases.reveal': defineMethod({
    summary: 'The applicant in full (查看完整信息); writes a pii.view audit entry',
    roles: STAFF,
    input: z.object({ id: text(80).min(1), reason: text(200).min(1) }).strict(),
    output: ApplicantView,
  }),
  'cases.notice': defineMethod({
    summary: 'HTML of the acceptance notice (受理通知书) or rejection notice (不予受理通知书), for preview and print',
    roles: STAFF,
    input: z.object({ id: text(80).min(1) }).strict(),
    output: z.object({ kind: z.enum(['acceptance', 'rejection']), title: z.string(), html: z.string() }),
  }),
};
