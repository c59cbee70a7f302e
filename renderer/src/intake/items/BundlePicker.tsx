import { Select, type RefSelectProps } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { isNotAvailable } from '../../shared/errorText';
import { SHORTCUTS } from '../../shared/shortcuts';

/** 一件事一次办: choose a bundle; its situation questions then select the items. */
export function BundlePicker({ value, onPick, selectRef }: { value: string | null; onPick: (id: string) => void; selectRef: Ref<RefSelectProps> }) {
  const { t } = useTranslation();
  const bundles = useCall('catalog.bundles', undefined);
  if (isNotAvailable(bundles.error)) return null;
  return (
    <Select
      ref={selectRef}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      value={value ?? undefined}
      placeholder={t('bundle.placeholder', { key: SHORTCUTS.intake.bundle })}
      aria-label={t('bundle.choose')}
      data-testid="bundle-picker"
      style={{ width: '100%', marginTop: 8 }}
      loading={bundles.loading}
      options={(bundles.data?.bundles ?? []).map((b) => ({ value: b.id, label: t('common.withNote', { text: b.name, note: t('bundle.itemCount', { count: b.itemCount }) }) }))}
      onChange={(id: string | undefined) => id && onPick(id)}
    />
  );
}
