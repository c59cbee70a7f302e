import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { isCaseNumber } from '../../../common/domain/scan-routing';
import { useCall } from '../api/useCall';
import { NoticePreview } from '../intake/outcome/NoticePreview';
import { CallError } from '../shared/CallError';
import { Loading } from '../shared/Loading';
import { CaseFacts } from './CaseFacts';
import { CaseHistory } from './CaseHistory';
import { CaseMaterials } from './CaseMaterials';
import { CaseSyncInfo } from './CaseSyncInfo';
import { ResumeDraftButton } from './ResumeDraftButton';

/** One case: facts, materials (with 补齐), status history, sync state, notice; a draft can be resumed. */
export function CaseDetailPanel({ caseRef, onClose, canResume = false }: { caseRef: string; onClose: () => void; canResume?: boolean }) {
  const { t } = useTranslation();
  const input = isCaseNumber(caseRef) ? { caseNumber: caseRef } : { id: caseRef };
  const c = useCall('cases.get', input, [caseRef]);
  const title = c.data?.caseNumber ?? t('cases.detail');
  return (
    <Card
      size="small"
      className="intake-card"
      title={<span data-testid="case-detail-title">{title}</span>}
      extra={<Button size="small" icon={<CloseOutlined />} aria-label={t('common.close')} onClick={onClose} />}
      data-testid="case-detail"
    >
      {c.error && <CallError error={c.error} what={t('cases.detail')} onRetry={c.reload} />}
      {!c.data && !c.error && <Loading />}
      {c.data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {canResume && c.data.status === 'draft' && <ResumeDraftButton caseId={c.data.id} />}
          <CaseFacts detail={c.data} />
          <Tabs
            size="small"
            items={[
              { key: 'materials', label: t('cases.materials'), children: <CaseMaterials detail={c.data} onChanged={c.reload} /> },
              { key: 'history', label: t('cases.history'), children: <CaseHistory history={c.data.history} /> },
              { key: 'sync', label: t('cases.sync'), children: <CaseSyncInfo detail={c.data} /> },
              ...(c.data.caseNumber ? [{ key: 'notice', label: t('outcome.notice'), children: <NoticePreview caseId={c.data.id} height={300} /> }] : []),
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
