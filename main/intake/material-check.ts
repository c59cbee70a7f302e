import type { MaterialSpec } from '../../common/contract/catalog';
import type { MaterialEntry } from '../../common/contract/intake';
import { AppError } from '../../common/contract/errors';
import type { CaseMaterialTable } from '../db/migrations/003-intake.tables';

export type Decision = 'draft' | 'accept' | 'deferred' | 'reject';

export type MaterialRow = Omit<CaseMaterialTable, 'case_id' | 'deadline_provisional'> & { deadline_provisional: number };

const names = (ms: MaterialSpec[]) => ms.map((m) => `“${m.name}”`).join('、');

/**
 * Checks what the clerk ticked against the item's materials and returns the rows to store.
 * accept: every required material received or replaced by an e-licence. deferred (容缺): required
 * materials may be missing only where the item allows deferral, and at least one is deferred.
 * reject / draft: stored as presented.
 */
export function checkMaterials(
  decision: Decision,
  specs: readonly MaterialSpec[],
  entries: readonly MaterialEntry[],
  deadline: { date: string; provisional: boolean } | null,
  commitmentNote: string | null,
): MaterialRow[] {
  const byCode = new Map(specs.map((s) => [s.code, s]));
  const given = new Map<string, MaterialEntry>();
  for (const e of entries) {
    if (!byCode.has(e.code)) throw new AppError('INVALID_INPUT', `材料 ${e.code} 不属于该事项，请刷新材料清单后重试。`);
    if (given.has(e.code)) throw new AppError('INVALID_INPUT', `材料 ${byCode.get(e.code)!.name} 重复提交。`);
    given.set(e.code, e);
  }
  const stateOf = (s: MaterialSpec) => given.get(s.code)?.state ?? 'not_provided';

  for (const e of entries) {
    const spec = byCode.get(e.code)!;
    if (e.state === 'licence') {
      if (!spec.licenceType) throw new AppError('INVALID_INPUT', `“${spec.name}”不能以电子证照代替。`);
      if (!e.licenceId) throw new AppError('INVALID_INPUT', `“${spec.name}”选择了电子证照，请扫描或选择证照。`);
    }
    if (e.state === 'deferred' && decision !== 'draft') {
      if (decision !== 'deferred') throw new AppError('INVALID_INPUT', `“${spec.name}”标记为容缺，请使用“容缺受理”。`);
      if (!spec.deferrable) throw new AppError('INVALID_INPUT', `“${spec.name}”不允许容缺，必须当场收取或使用电子证照。`);
    }
  }
  if (decision === 'accept' || decision === 'deferred') {
    const missing = specs.filter((s) => s.required && stateOf(s) === 'not_provided');
    if (missing.length) {
      const canDefer = missing.every((m) => m.deferrable);
      throw new AppError(
        'INVALID_INPUT',
        `缺少必要材料：${names(missing)}。` + (canDefer ? '这些材料允许容缺，可标记为容缺后“容缺受理”。' : '请收齐材料，或不予受理并一次性告知所缺材料。'),
      );
    }
    if (decision === 'deferred' && !specs.some((s) => stateOf(s) === 'deferred'))
      throw new AppError('INVALID_INPUT', '没有标记为容缺的材料，请直接受理。');
  }
  return specs.map((s, sort) => {
    const e = given.get(s.code);
    const state = e?.state ?? 'not_provided';
    const deferred = state === 'deferred';
    return {
      code: s.code,
      name: s.name,
      required: s.required ? 1 : 0,
      state,
      originals: state === 'received' ? (e?.originals ?? s.originals) : 0,
      copies: state === 'received' ? (e?.copies ?? s.copies) : 0,
      licence_id: state === 'licence' ? (e?.licenceId ?? null) : null,
      deadline: deferred && deadline ? deadline.date : null,
      deadline_provisional: deferred && deadline?.provisional ? 1 : 0,
      commitment_note: deferred ? commitmentNote : null,
      supplied_at: null,
      sort,
    };
  });
}
