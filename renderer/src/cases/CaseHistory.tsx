import { Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/contract/cases';
import { shortTime } from '../shared/dates';

/** Window decisions and central statuses, each marked with where it came from. */
export function CaseHistory({ history }: { history: CaseDetail['history'] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={history.map((h) => ({
        color: h.source === 'central' ? 'blue' : 'green',
        content: (
          <span>
            {shortTime(h.at)} <Tag>{t(`cases.source.${h.source}`)}</Tag>
            {h.label}
            {h.detail && ` — ${h.detail}`}
          </span>
        ),
      }))}
    />
  );
}
