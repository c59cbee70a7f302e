import { Card, Input, InputNumber, Segmented, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverListRow } from '../../../common/contract/handover';
import { useCall } from '../api/useCall';
import { TableOrError } from '../shared/TableOrError';
import { shortTime } from '../shared/dates';
import { useDebounced } from '../shared/useDebounced';

/** 待领取: results ready and not handed over, oldest first; supervisors may switch to the whole hall. */
export function HandoverList({ canSeeHall, round, onOpen }: { canSeeHall: boolean; round: number; onOpen: (caseNumber: string) => void }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'window' | 'hall'>('window');
  const [q, setQ] = useState('');
  const [minDays, setMinDays] = useState<number | null>(null);
  const settled = useDebounced(q.trim(), 200);
  const list = useCall('handover.list', { scope, ...(settled ? { q: settled } : {}), ...(minDays ? { minDays } : {}) }, [scope, settled, minDays, round]);
  const columns = [
    { title: t('handover.caseNumber'), dataIndex: 'caseNumber', width: 200, render: (v: string | null) => <span data-testid="handover-row-number">{v ?? '—'}</span> },
    ...(scope === 'hall' ? [{ title: t('handover.window'), dataIndex: 'window', width: 70 }] : []),
    { title: t('handover.item'), dataIndex: 'itemName', ellipsis: true },
    { title: t('handover.applicant'), dataIndex: 'applicantName', render: (v: string | null) => v ?? '—', width: 90 },
    { title: t('handover.outcome'), dataIndex: 'outcome', width: 90, render: (o: HandoverListRow['outcome']) => <Tag color={o === 'approved' ? 'green' : 'red'}>{t(`handover.outcomesShort.${o}`)}</Tag> },
    { title: t('handover.delivery'), dataIndex: 'delivery', width: 80, render: (d: HandoverListRow['delivery']) => t(`handover.deliveries.${d}`) },
    { title: t('handover.readyAt'), dataIndex: 'readyAt', width: 110, render: shortTime },
    { title: t('handover.days'), dataIndex: 'daysWaiting', width: 70, render: (n: number) => <Tag color={n >= 30 ? 'red' : n >= 7 ? 'orange' : 'default'}>{t('handover.daysN', { n })}</Tag> },
  ];
  return (
    <Card
      size="small"
      title={t('handover.listTitle')}
      className="intake-card"
      data-testid="handover-list"
      extra={
        <Space>
          {canSeeHall && (
            <Segmented size="small" value={scope} onChange={(v) => setScope(v as 'window' | 'hall')} options={[{ value: 'window', label: t('handover.scopeWindow') }, { value: 'hall', label: t('handover.scopeHall') }]} aria-label={t('handover.scope')} />
          )}
          <Input allowClear size="small" placeholder={t('handover.filterPlaceholder')} aria-label={t('handover.filter')} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 160 }} data-testid="handover-filter" />
          <InputNumber size="small" min={0} max={3650} placeholder={t('handover.minDays')} aria-label={t('handover.minDays')} value={minDays} onChange={(v) => setMinDays(v)} style={{ width: 100 }} />
        </Space>
      }
    >
      <TableOrError<HandoverListRow>
        from={list}
        what={t('handover.listTitle')}
        rowKey={(r) => r.caseId ?? `${r.window}:${r.caseNumber}`}
        dataSource={list.data?.rows ?? []}
        columns={columns}
        pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }}
        locale={{ emptyText: t('handover.listEmpty') }}
        onRow={(r) =>
          ({
            onClick: () => r.caseId && r.caseNumber && onOpen(r.caseNumber),
            onKeyDown: (e: React.KeyboardEvent) => e.key === 'Enter' && r.caseId && r.caseNumber && onOpen(r.caseNumber),
            tabIndex: 0,
            'data-testid': 'handover-row',
          }) as object
        }
      />
    </Card>
  );
}
