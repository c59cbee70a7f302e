import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { patchDraft, type ChecklistMaterial, type IntakeDraft } from '../draftStore';
import type { Lookups } from '../lookups/useLookups';
import { licenceOffer } from './licenceOffers';
import { MaterialRow } from './MaterialRow';
import { useDeferDeadline } from './useDeferDeadline';

/** The materials of the item (or the bundle's merged list, shared materials asked once). */
export function MaterialsChecklist({ draft, lookups }: { draft: IntakeDraft; lookups: Lookups }) {
  const { t } = useTranslation();
  const list = checklistOf(draft);
  const deadline = useDeferDeadline(Object.values(draft.materials).some((c) => c.state === 'deferred'));
  return (
    <Card size="small" title={t('materials.title')} className="intake-card materials-card" role="region" aria-label={t('materials.title')}>
      {!list.length && <Empty description={t('materials.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {list.map(({ key, material }) => (
        <MaterialRow
          key={key}
          material={material}
          choice={draft.materials[key] ?? { state: 'received' }}
          licence={licenceOffer(t, material, lookups, draft.scannedLicences)}
          deferDeadline={deadline}
          onChange={(choice) => patchDraft((d) => ({ materials: { ...d.materials, [key]: choice } }))}
          // One item: slots by material code. A bundle's merged material stands for several codes: files there are a follow-up.
          files={
            draft.item
              ? { draftId: draft.materialsDraftId, materialCode: key, slot: draft.slots[key], onSlotChange: (slot) => patchDraft((d) => ({ slots: { ...d.slots, [key]: slot } })) }
              : undefined
          }
        />
      ))}
    </Card>
  );
}

/** The rows of the checklist: the item's materials, or the bundle's merged ones keyed by their key. */
export function checklistOf(draft: IntakeDraft): { key: string; material: ChecklistMaterial }[] {
  return draft.item
    ? draft.item.materials.map((m) => ({ key: m.code, material: m }))
    : (draft.bundle?.result?.materials ?? []).map((m) => ({ key: m.key, material: { ...m, code: m.key } }));
}
