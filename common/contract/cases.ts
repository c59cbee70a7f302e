import { z } from 'zod';
import { IsoDate } from './calendar';
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

/**
 * The dashboard's figures for hall days `from`–`to` (inclusive), aggregated by the database over the
 * cases created in them: drafts are left out of counts, items, ratings and handling time; the sync
 * backlog and open 容缺 count every case of the period.
 */
export const CaseFigures = z.object({
  from: z.string(),
  to: z.string(),
  /** Cases of the last day (`to`). */
  todayCount: z.number().int(),
  /** Cases of the whole period. */
  weekCount: z.number().int(),
  /** Cases per hall hour of the last day, 0–23. */
  byHour: z.array(z.number().int()),
  /** Cases per day of the period, oldest first. */
  byDay: z.array(z.object({ date: z.string(), count: z.number().int() })),
  /** The ten items with most cases (ties by name). */
  byItem: z.array(z.object({ name: z.string(), count: z.number().int() })),
  /** Ratings per level 1–5. */
  ratings: z.array(z.number().int()),
  /** Share of ratings at 1–3 (满意率), null when nothing was rated. */
  satisfaction: z.number().nullable(),
  /** Mean minutes from case creation to acceptance or decision. */
  avgHandlingMinutes: z.number().nullable(),
  /** Cases with 容缺 materials still owed. */
  deferredOpen: z.number().int(),
  backlog: z.object({ pending: z.number().int(), parked: z.number().int(), synced: z.number().int(), local: z.number().int() }),
});
export type CaseFigures = z.infer<typeof CaseFigures>;

/** Longest period `cases.figures` aggregates in one call (a year and a day). */
export const FIGURES_MAX_DAYS = 366;

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
  'cases.figures': defineMethod({
    summary: 'Dashboard figures for hall days from–to (counts by day, hour and item, ratings, handling time, open 容缺, sync backlog), aggregated in the database',
    roles: STAFF,
    input: z.object({ from: IsoDate, to: IsoDate }).strict(),
    output: CaseFigures,
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
