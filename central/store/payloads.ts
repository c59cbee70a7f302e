import type { PushItem } from '../../common/sync/api';

/** What the central side needs from an entry, read leniently: the window owns the payload's full shape. */
export type ParsedEntry =
  | { kind: 'case'; caseId: string; caseNumber: string | null; itemCode: string | null }
  | { kind: 'rating'; ratingId: string; caseId: string; level: number }
  | { kind: 'rectification'; rectificationId: string; caseId: string }
  /** Recorded as received, for the systems behind the central platform (password changes, audit excerpts). */
  | { kind: 'record' };

/** Kinds kept as records without a table of their own. */
const RECORD_KINDS = new Set(['staff.password', 'audit']);

const str = (o: Record<string, unknown>, ...keys: string[]): string | null => {
  for (const k of keys) if (typeof o[k] === 'string' && o[k]) return o[k] as string;
  return null;
};

/** A permanent problem (plain Chinese reason) or what to store. Checked before any write. */
export function parseEntry(item: PushItem): ParsedEntry | { problem: string } {
  const p = item.payload;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return { problem: '内容不是 JSON 对象，无法入库。' };
  const o = p as Record<string, unknown>;
  switch (item.kind) {
    case 'case': {
      // Intake sends `{ event, case: { id, caseNumber, itemCode, … } }`; a flat object is read the same way.
      const c = typeof o.case === 'object' && o.case !== null ? (o.case as Record<string, unknown>) : o;
      return { kind: 'case', caseId: item.aggregateId, caseNumber: str(c, 'caseNumber', 'case_number'), itemCode: str(c, 'itemCode', 'implCode', 'baseCode') };
    }
    case 'rating': {
      const level = Number(o.level ?? o.ratingLevel);
      if (!Number.isInteger(level) || level < 1 || level > 5) return { problem: `评价等级无效（${String(o.level ?? o.ratingLevel)}），应为 1–5。` };
      return { kind: 'rating', ratingId: str(o, 'id', 'ratingId') ?? item.id, caseId: str(o, 'caseId', 'case_id') ?? item.aggregateId, level };
    }
    case 'rectification':
      return { kind: 'rectification', rectificationId: str(o, 'id', 'rectificationId') ?? item.id, caseId: str(o, 'caseId', 'case_id') ?? item.aggregateId };
    default:
      if (RECORD_KINDS.has(item.kind)) return { kind: 'record' };
      return { problem: `中心平台不认识的数据类型「${item.kind.slice(0, 40)}」，请升级窗口程序或联系运维人员。` };
  }
}
