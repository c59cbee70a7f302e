import type { MergedMaterial, MaterialSpec } from '../../common/contract/catalog';
import type { BundleCondition, ReleaseBundle } from './release-schema';

export type BundleDefinition = Omit<ReleaseBundle, 'id' | 'name' | 'theme' | 'description'>;
export type BundleAnswers = Record<string, string | string[]>;

function answered(answers: BundleAnswers, question: string): string[] | null {
  const a = answers[question];
  if (a === undefined) return null;
  return Array.isArray(a) ? a : [a];
}

/** True / false when decidable from the answers, null while the question is unanswered. */
export function conditionHolds(cond: BundleCondition, answers: BundleAnswers): boolean | null {
  const a = answered(answers, cond.question);
  if (a === null) return null;
  return a.some((v) => cond.in.includes(v));
}

/** Items the answers select, and the questions still open that some item depends on. */
export function selectItems(def: BundleDefinition, answers: BundleAnswers): { codes: string[]; unanswered: string[] } {
  const codes: string[] = [];
  const open = new Set<string>();
  for (const it of def.items) {
    if (!it.when) {
      codes.push(it.code);
      continue;
    }
    const holds = conditionHolds(it.when, answers);
    if (holds === null) open.add(it.when.question);
    else if (holds) codes.push(it.code);
  }
  for (const q of def.questions) if (answers[q.id] === undefined) open.add(q.id);
  return { codes, unanswered: def.questions.map((q) => q.id).filter((id) => open.has(id)) };
}

/**
 * Materials of the selected items merged by shared key: a material several items need is asked
 * once. Originals/copies take the largest demand; it is required if any item requires it, and
 * 容缺 only if every item that uses it allows it. Situation rules then drop or require keys.
 */
export function mergeMaterials(
  def: BundleDefinition,
  answers: BundleAnswers,
  items: ReadonlyArray<{ code: string; materials: readonly MaterialSpec[] }>,
): MergedMaterial[] {
  const dropped = new Set<string>();
  const required = new Set<string>();
  for (const rule of def.materialRules) {
    if (conditionHolds(rule.when, answers) !== true) continue;
    for (const k of rule.drop ?? []) dropped.add(k);
    for (const k of rule.require ?? []) required.add(k);
  }
  const merged = new Map<string, MergedMaterial>();
  for (const item of items) {
    for (const m of item.materials) {
      if (dropped.has(m.key)) continue;
      const usage = { itemCode: item.code, materialCode: m.code };
      const seen = merged.get(m.key);
      if (!seen) {
        const { code: _code, ...rest } = m;
        merged.set(m.key, { ...rest, usedBy: [usage] });
        continue;
      }
      seen.usedBy.push(usage);
      seen.originals = Math.max(seen.originals, m.originals);
      seen.copies = Math.max(seen.copies, m.copies);
      // Deferral is allowed only where every item that needs the paper allows it.
      if (m.required) seen.deferrable = (seen.required ? seen.deferrable : true) && m.deferrable;
      seen.required ||= m.required;
      seen.licenceType ??= m.licenceType;
      seen.issuer ??= m.issuer;
      if (m.note && !seen.note?.includes(m.note)) seen.note = seen.note ? `${seen.note}；${m.note}` : m.note;
    }
  }
  for (const k of required) {
    const m = merged.get(k);
    if (m) {
      m.required = true;
      m.deferrable = false;
    }
  }
  // Required first, then the order of first appearance.
  return [...merged.values()].sort((a, b) => Number(b.required) - Number(a.required));
}
