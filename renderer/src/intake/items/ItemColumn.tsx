import { Card, type InputRef, type RefSelectProps } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeDraft } from '../draftStore';
import type { Lookups } from '../lookups/useLookups';
import { MaterialsChecklist } from '../materials/MaterialsChecklist';
import { BundlePicker } from './BundlePicker';
import { BundleQuestions } from './BundleQuestions';
import { ItemHeader } from './ItemHeader';
import { ItemSearch } from './ItemSearch';
import { useBundle } from './useBundle';
import { useItemChoice } from './useItemChoice';

/** Middle column: find the item (or bundle), answer its questions, tick its materials. */
interface Props {
  draft: IntakeDraft;
  lookups: Lookups;
  searchRef: Ref<InputRef>;
  bundleRef: Ref<RefSelectProps>;
}

export function ItemColumn({ draft, lookups, searchRef, bundleRef }: Props) {
  const { t } = useTranslation();
  const choose = useItemChoice();
  const bundle = useBundle();
  return (
    <>
      <Card size="small" title={t('items.title')} className="intake-card" role="region" aria-label={t('items.title')}>
        <ItemSearch onPick={(code) => void choose.exec(code)} inputRef={searchRef} />
        <BundlePicker value={draft.bundle?.id ?? null} onPick={(id) => void bundle.exec(id, {})} selectRef={bundleRef} />
        {draft.item && <ItemHeader item={draft.item} />}
        {draft.bundle?.result && (
          <BundleQuestions
            result={draft.bundle.result}
            answers={draft.bundle.answers}
            onAnswer={(q, v) => void bundle.exec(draft.bundle!.id, { ...draft.bundle!.answers, [q]: v })}
          />
        )}
      </Card>
      <MaterialsChecklist draft={draft} lookups={lookups} />
    </>
  );
}
