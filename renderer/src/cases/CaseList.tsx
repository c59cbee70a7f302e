import { Card, Input, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../common/contract/cases';
import { useCall } from '../api/useCall';
import { TableOrError } from '../shared/TableOrError';
import { shortTime } from '../shared/dates';
import { useDebounced } from '../shared/useDebounced';
import { CaseStatusTag, SyncStateTag } from './CaseStatusTag';

interface Props {
  selected: string | null;
  onOpen: (id: string) => void;
  compact: boolean;
}

/** Cases by case number, name or ID number (matched by keyed hash in main); today or all. */
export function CaseList({ selected, onOpen, compact }: Props) {
  // Status tags are four characters in Chinese, up to three words in English ("Accepted (deferred)").
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [range, setRange] = useState<'today' | 'all'>('today');
  const settled = useDebounced(q.trim(), 200);
  const list = useCall('cases.list', { today: range === 'today', ...(settled ? { q: settled } : {}), limit: 100 }, [settled, range]);
  const columns = [
    { title: t('cases.caseNumber'), dataIndex: 'caseNumber', render: (v: string | null) => <span data-testid="case-row-number">{v ?? t('caseStatus.draft')}</span> },
    { title: t('cases.item'), dataIndex: 'itemName', ellipsis: true },
    ...(compact ? [] : [{ title: t('cases.applicant'), dataIndex: 'applicantName', render: (v: string | null) => v ?? '—' }]),
    { title: t('cases.status'), dataIndex: 'status', render: (s: CaseSummary['status']) => <CaseStatusTag status={s} />, width: i18n.language === 'zh-CN' ? 100 : 150 },
    { title: t('cases.sync'), dataIndex: 'sync', render: (s: CaseSummary['sync']) => <SyncStateTag sync={s} />, width: 90 },
    ...(compact ? [] : [{ title: t('cases.createdAt'), dataIndex: 'createdAt', render: shortTime, width: 120 }]),
  ];
  return (
    <Card size="small" title={t('cases.title')} className="intake-card" extra={
      <Space>
        <Segmented size="small" value={range} onChange={(v) => setRange(v as 'today' | 'all')} options={[{ value: 'today', label: t('cases.today') }, { value: 'all', label: t('cases.all') }]} aria-label={t('cases.range')} />
        <Input.Search autoFocus allowClear size="small" placeholder={t('cases.searchPlaceholder')} aria-label={t('cases.search')} value={q} onChange={(e) => setQ(e.target.value)} onSearch={list.reload} style={{ width: 240 }} data-testid="case-search" />
      </Space>
    }>
      <TableOrError<CaseSummary>
          from={list}
          what={t('cases.title')}
          rowKey="id"
          dataSource={list.data?.cases ?? []}
          columns={columns}
          pagination={{ pageSize: 12, size: 'small' }}
          locale={{ emptyText: settled ? t('cases.noMatch', { q: settled }) : range === 'today' ? t('cases.noneToday') : t('cases.none') }}
          rowClassName={(c) => (c.id === selected ? 'row-selected' : '')}
          onRow={(c) => ({ onClick: () => onOpen(c.id), onKeyDown: (e: React.KeyboardEvent) => e.key === 'Enter' && onOpen(c.id), tabIndex: 0, 'data-testid': 'case-row' } as object)}
        />
    </Card>
  );
}
