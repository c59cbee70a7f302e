import type { PushItem } from '../../common/sync/api';
import { certificateTypeOfLegacy } from '../../common/domain/certificate-types';
import { describeEntryProblem, ENTRY_KINDS, ENTRY_VERSION, isV1Kind, PushEntry, ZH_ERRORS, type EntryKind } from '../../common/sync/entries';
import type { DeviceIdentity } from './credentials';
import { upgradeV1 } from './upgrade-v1';

/** What a received entry does at the central side, read from the validated (current version) entry. */
export type Effect =
  | { kind: 'case'; caseId: string; caseNumber: string; itemCode: string }
  | { kind: 'rating'; ratingId: string; caseId: string; level: number }
  | { kind: 'rectification'; rectificationId: string; caseId: string }
  /** 出件: the case's result was collected or posted; recorded once per case. */
  | { kind: 'handover'; caseId: string; method: string; at: string }
  /** Recorded as received, for the systems behind the central platform (password changes, signatures). */
  | { kind: 'record' };

export type ParsedEntry = Effect & {
  /** The current kind (a version 1 entry upgraded). */
  entryKind: EntryKind;
  /** The validated current-version payload, as stored. */
  payload: string;
};

const STAYS = '这条记录已在窗口暂停上传（不会丢失），请联系运维人员。';

/**
 * Validates one pushed entry against the entry contract (upgrading version 1 first) before any
 * write: a permanent problem (plain Chinese reason) or what to store.
 */
export function parseEntry(item: PushItem, who: DeviceIdentity): ParsedEntry | { problem: string } {
  const kind = item.kind.slice(0, 40);
  let candidate: unknown;
  if (item.v === 1) {
    if (!isV1Kind(item.kind)) return { problem: `中心平台不认识的数据类型「${kind}」（第 1 版），请升级窗口程序或联系运维人员。` };
    const up = upgradeV1(item.kind, { item, hall: who.hall, window: who.window });
    if ('problem' in up) return { problem: `${up.problem}${STAYS}` };
    candidate = { kind: up.kind, v: ENTRY_VERSION, payload: up.payload };
  } else if (item.v === ENTRY_VERSION) {
    if (!(ENTRY_KINDS as string[]).includes(item.kind)) return { problem: `中心平台不认识的数据类型「${kind}」（第 ${item.v} 版），请升级窗口程序或联系运维人员。` };
    candidate = { kind: item.kind, v: item.v, payload: item.payload };
  } else {
    return { problem: `「${kind}」是第 ${item.v} 版格式，中心平台只认识第 1–${ENTRY_VERSION} 版：请升级中心平台。${STAYS}` };
  }
  const parsed = PushEntry.safeParse(candidate, ZH_ERRORS);
  if (!parsed.success) return { problem: `「${kind}」（第 ${item.v} 版）内容格式不对，中心平台未入库：${describeEntryProblem(parsed.error)}。${STAYS}` };
  const entry = withCertificateType(parsed.data as PushEntry);
  const effect = effectOf(entry);
  const owner = ownerOf(entry);
  if (owner !== item.aggregateId) return { problem: `「${kind}」属于 ${owner.slice(0, 64)}，却随 ${item.aggregateId} 上传，中心平台未入库。${STAYS}` };
  return { ...effect, entryKind: entry.kind, payload: JSON.stringify(entry.payload) };
}

/**
 * A person applicant from a window before certificate-type codes (version 1, or version 2 without
 * `certType`) gets its code here, once: 111 where the number is a valid resident ID, 553 for a
 * foreigner card, else 990. What the central stores always carries a code.
 */
function withCertificateType(e: PushEntry): PushEntry {
  if (!('applicant' in e.payload)) return e;
  const a = e.payload.applicant;
  if (!a || a.kind !== 'person' || a.certType) return e;
  return { ...e, payload: { ...e.payload, applicant: { ...a, certType: certificateTypeOfLegacy(a.idType, a.idNumber) } } } as PushEntry;
}

function effectOf(e: PushEntry): Effect {
  switch (e.kind) {
    case 'case.accepted':
    case 'case.acceptedWithDeferred':
    case 'case.rejected':
    case 'case.withdrawn':
    case 'case.supplemented':
      return { kind: 'case', caseId: e.payload.case.id, caseNumber: e.payload.case.caseNumber, itemCode: e.payload.case.itemCode };
    case 'rating.created':
      return { kind: 'rating', ratingId: e.payload.id, caseId: e.payload.caseId, level: e.payload.level };
    case 'rectification.opened':
    case 'rectification.closed':
      return { kind: 'rectification', rectificationId: e.payload.id, caseId: e.payload.caseId };
    case 'case.handedOver':
      return { kind: 'handover', caseId: e.payload.caseId, method: e.payload.method, at: e.payload.at };
    case 'staff.passwordChanged':
    case 'case.signed':
      return { kind: 'record' };
  }
}

/** The aggregate an entry belongs to: its case, or the staff member (the window orders pushes by it). */
function ownerOf(e: PushEntry): string {
  if ('case' in e.payload) return e.payload.case.id;
  if ('caseId' in e.payload) return e.payload.caseId;
  return `staff:${e.payload.staffId}`;
}
