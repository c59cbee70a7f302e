import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../common/contract/cases';

const COLOR: Record<CaseSummary['status'], string> = {
  draft: 'default',
  accepted: 'green',
  accepted_deferred: 'gold',
  rejected: 'red',
  withdrawn: 'default',
};
const SYNC_COLOR: Record<CaseSummary['sync']['state'], string> = { local: 'default', pending: 'orange', synced: 'green', parked: 'red' };

export function CaseStatusTag({ status }: { status: CaseSummary['status'] }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]}>{t(`caseStatus.${status}`)}</Tag>;
}

export function SyncStateTag({ sync }: { sync: CaseSummary['sync'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={SYNC_COLOR[sync.state]} title={sync.lastError ?? undefined} data-testid="sync-state" data-state={sync.state}>
      {t(`syncState.${sync.state}`)}
    </Tag>
  );
}
