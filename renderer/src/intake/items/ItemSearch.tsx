import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Tag, type InputRef } from 'antd';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { useDebounced } from '../../shared/useDebounced';
import { limitText } from '../../shared/catalogText';
import { SHORTCUTS } from '../../shared/shortcuts';
import { RecentItems } from './RecentItems';

/** Search as you type: name, full pinyin, initials (csdj) or code; Enter picks the highlighted item. */
export function ItemSearch({ onPick, inputRef }: { onPick: (code: string) => void; inputRef: Ref<InputRef> }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const settled = useDebounced(q.trim(), 120);
  const search = useCall('catalog.search', settled ? { q: settled, limit: 12 } : null, [settled]);
  const options = settled
    ? (search.data?.items ?? []).map((i) => ({
        value: i.code,
        label: (
          <div className="item-option" data-testid="item-option">
            <span>{i.name}</span>
            <span className="item-option-meta">
              <Tag>{limitText(t, i.promisedLimit)}</Tag>
              {i.department}
            </span>
          </div>
        ),
      }))
    : [];
  const pick = (code: string) => {
    setQ('');
    onPick(code);
  };
  return (
    <div>
      <AutoComplete
        value={q}
        options={options}
        onChange={setQ}
        onSelect={pick}
        defaultActiveFirstOption
        style={{ width: '100%' }}
        notFoundContent={settled && !search.loading ? t('items.noMatch') : null}
      >
        <Input
          ref={inputRef}
          size="large"
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('items.searchPlaceholder', { key: SHORTCUTS.intake.searchItem })}
          aria-label={t('items.search')}
          data-testid="item-search"
        />
      </AutoComplete>
      <RecentItems onPick={pick} />
    </div>
  );
}
