import type { PushItem } from '../../common/sync/api';
import type { CaseEntryKind, EntryKind, V1Kind } from '../../common/sync/entries';

/**
 * The one place that reads version 1 entries (windows before the entry contract) and turns them
 * into version 2. Version 1 had no schema: these are the shapes windows wrote, including the key
 * spellings the central used to guess (`case_number`, `implCode`/`baseCode`, `ratingLevel`,
 * `case_id`, a flat case object). A field version 1 may lack gets the default written here; the
 * result is then checked against version 2 like any other entry, so nothing is guessed later.
 */
export type Upgraded = { kind: EntryKind; payload: unknown } | { problem: string };

export interface UpgradeContext {
  item: PushItem;
  /** From the device credential: version 1 entries did not always say where they were made. */
  hall: string;
  window: string;
}

type Obj = Record<string, unknown>;
const asObject = (v: unknown): Obj | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null);

/** The first non-empty string among the spellings. */
const text = (o: Obj, ...keys: string[]): string | undefined => {
  for (const k of keys) if (typeof o[k] === 'string' && o[k]) return o[k] as string;
  return undefined;
};

/** `o` with each absent (undefined) field of `defaults` filled in. */
const withDefaults = (o: Obj, defaults: Obj): Obj => {
  const out = { ...o };
  for (const [k, v] of Object.entries(defaults)) if (out[k] === undefined) out[k] = v;
  return out;
};

const V1_CASE_EVENTS: Record<string, CaseEntryKind> = {
  accepted: 'case.accepted',
  acceptedWithDeferred: 'case.acceptedWithDeferred',
  rejected: 'case.rejected',
  withdrawn: 'case.withdrawn',
  supplemented: 'case.supplemented',
};
/** A flat version 1 case said only its status. */
const V1_CASE_STATUSES: Record<string, CaseEntryKind> = {
  accepted: 'case.accepted',
  accepted_deferred: 'case.acceptedWithDeferred',
  rejected: 'case.rejected',
  withdrawn: 'case.withdrawn',
};
const STATUS_OF_EVENT: Partial<Record<CaseEntryKind, string>> = {
  'case.accepted': 'accepted',
  'case.acceptedWithDeferred': 'accepted_deferred',
  'case.rejected': 'rejected',
  'case.withdrawn': 'withdrawn',
};

function upgradeCase(o: Obj, { item, hall, window }: UpgradeContext): Upgraded {
  // Intake wrote `{ event, case: { … }, applicant }`; older test windows a flat case object.
  const c = asObject(o.case) ?? o;
  const event = text(o, 'event');
  const status = text(c, 'status');
  const kind = event !== undefined ? V1_CASE_EVENTS[event] : status !== undefined ? V1_CASE_STATUSES[status] : undefined;
  if (!kind) return { problem: `第 1 版办件记录的事件「${String(event ?? status ?? '（未写明）').slice(0, 40)}」无法识别，中心平台未入库。` };
  const snapshot = withDefaults(c, {
    id: item.aggregateId,
    status: STATUS_OF_EVENT[kind],
    itemName: '',
    catalogVersion: 0,
    promisedLimit: '',
    hallCode: hall,
    windowCode: window,
    clerkId: '',
    bundleId: null,
    bundleGroupId: null,
    applicantKind: null,
    uscc: null,
    createdAt: item.createdAt,
    acceptedAt: null,
    decidedAt: null,
    updatedAt: item.createdAt,
    promisedDate: null,
    promisedProvisional: false,
    rejectReason: null,
    withdrawReason: null,
    commitmentNote: null,
    materials: [],
  });
  const sealed = typeof o.applicantSealed === 'string' ? { applicantSealed: o.applicantSealed } : {};
  return {
    kind,
    payload: { case: { ...snapshot, caseNumber: text(c, 'caseNumber', 'case_number'), itemCode: text(c, 'itemCode', 'implCode', 'baseCode') }, applicant: o.applicant ?? null, ...sealed },
  };
}

function upgradeRating(o: Obj, { item }: UpgradeContext): Upgraded {
  const level = o.level ?? o.ratingLevel;
  return {
    kind: 'rating.created',
    payload: {
      ...withDefaults(o, { caseNumber: text(o, 'case_number') ?? null, reasons: [], text: null, at: item.createdAt }),
      id: text(o, 'id', 'ratingId') ?? item.id,
      caseId: text(o, 'caseId', 'case_id') ?? item.aggregateId,
      // Version 1 was read with Number(): a numeric string counted.
      level: typeof level === 'string' && level.trim() !== '' ? Number(level) : level,
    },
  };
}

function upgradeRectification(o: Obj, { item }: UpgradeContext): Upgraded {
  const state = o.state ?? (o.closedAt ? 'closed' : 'open');
  return {
    kind: state === 'closed' ? 'rectification.closed' : 'rectification.opened',
    payload: {
      ...withDefaults(o, { state, closedAt: null, closedBy: null, note: null, followUpResult: null }),
      id: text(o, 'id', 'rectificationId') ?? item.id,
      caseId: text(o, 'caseId', 'case_id') ?? item.aggregateId,
    },
  };
}

/** One explicit upgrade per version 1 kind. */
const upgraders: Record<V1Kind, (o: Obj, ctx: UpgradeContext) => Upgraded> = {
  case: upgradeCase,
  rating: upgradeRating,
  rectification: upgradeRectification,
  'staff.password': (o) => ({ kind: 'staff.passwordChanged', payload: o }),
};

export function upgradeV1(kind: V1Kind, ctx: UpgradeContext): Upgraded {
  const o = asObject(ctx.item.payload);
  if (!o) return { problem: '内容不是 JSON 对象，中心平台未入库。' };
  return upgraders[kind](o, ctx);
}
