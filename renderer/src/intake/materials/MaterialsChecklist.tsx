import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { patchDraft, type IntakeDraft } from '../draftStore';
import { checklistOf, slotOf } from './checklist';
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
          // One slot per row: an item's material, or a bundle's merged one (linked to every case that needs it).
          files={{ ...slotOf(draft, key), onSlotChange: (slot) => patchDraft((d) => ({ slots: { ...d.slots, [key]: slot } })) }}
        />
      ))}
    </Card>
  );
}
