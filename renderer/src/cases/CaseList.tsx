import { Button, Card, Input, Segmented, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../common/contract/cases';
import { asApiError, useCall } from '../api/useCall';
import { call, type ApiCallError } from '../bridge';
import { CallError } from '../shared/CallError';
import { TableOrError } from '../shared/TableOrError';
import { shortTime } from '../shared/dates';
import { useDebounced } from '../shared/useDebounced';
import { CASE_RANGES, rangeFilter, takeRequestedRange, type CaseRange } from './caseRange';
import { CaseStatusTag, SyncStateTag } from './CaseStatusTag';

interface Props {
  selected: string | null;
  onOpen: (id: string) => void;
  compact: boolean;
}

interface More {
  cases: CaseSummary[];
  nextCursor: string | null;
  loading: boolean;
  error: ApiCallError | null;
}

/** Cases fetched per page from main (one more page each time the clerk asks). */
const PAGE = 100;

/** Cases by case number, name or ID number (matched by keyed hash in main); today, all, or the saved drafts. */
export function CaseList({ selected, onOpen, compact }: Props) {
  // Status tags are four characters in Chinese, up to three words in English ("Accepted (deferred)").
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [range, setRange] = useState<CaseRange>(takeRequestedRange);
  const settled = useDebounced(q.trim(), 200);
  const filter = { ...rangeFilter(range), ...(settled ? { q: settled } : {}) };
  const list = useCall('cases.list', { ...filter, limit: PAGE }, [settled, range]);
  // Years of cases stay in main: further pages are fetched by cursor when asked for, never all at once.
  const [more, setMore] = useState<More>({ cases: [], nextCursor: null, loading: false, error: null });
  useEffect(() => setMore({ cases: [], nextCursor: list.data?.nextCursor ?? null, loading: false, error: null }), [list.data]);
  const loadMore = () => {
    if (!more.nextCursor || more.loading) return;
    setMore((m) => ({ ...m, loading: true }));
    call('cases.list', { ...filter, limit: PAGE, cursor: more.nextCursor }).then(
      (r) => setMore((m) => ({ cases: [...m.cases, ...r.cases], nextCursor: r.nextCursor, loading: false, error: null })),
      (err: unknown) => setMore((m) => ({ ...m, loading: false, error: asApiError(err) })),
    );
  };
  const shown = [...(list.data?.cases ?? []), ...more.cases];
  // ↓ from the search goes to the first row (Enter there opens it), so the list needs no mouse.
  const toFirstRow = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowDown') return;
    e.preventDefault();
    e.currentTarget.closest('.ant-card')?.querySelector<HTMLElement>('[data-testid=case-row]')?.focus();
  };
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
        <Segmented size="small" value={range} onChange={(v) => setRange(v as CaseRange)} options={CASE_RANGES.map((r) => ({ value: r, label: <span data-testid={`case-range-${r}`}>{t(`cases.${r}`)}</span> }))} aria-label={t('cases.range')} />
        <Input.Search autoFocus allowClear size="small" placeholder={t('cases.searchPlaceholder')} aria-label={t('cases.search')} value={q} onChange={(e) => setQ(e.target.value)} onSearch={list.reload} onKeyDown={toFirstRow} style={{ width: 240 }} data-testid="case-search" />
      </Space>
    }>
      <TableOrError<CaseSummary>
          from={list}
          what={t('cases.title')}
          rowKey="id"
          dataSource={shown}
          columns={columns}
          pagination={{ pageSize: 12, size: 'small', showSizeChanger: false }}
          footer={more.nextCursor ? () => (
            more.error ? <CallError error={more.error} what={t('cases.title')} onRetry={loadMore} /> : (
              <Button size="small" block loading={more.loading} onClick={loadMore} data-testid="case-list-more">
                {t('cases.loadMore', { n: shown.length })}
              </Button>
            )
          ) : undefined}
          locale={{ emptyText: settled ? t('cases.noMatch', { q: settled }) : t(range === 'today' ? 'cases.noneToday' : range === 'drafts' ? 'cases.noDrafts' : 'cases.none') }}
          rowClassName={(c) => (c.id === selected ? 'row-selected' : '')}
          onRow={(c) => ({ onClick: () => onOpen(c.id), onKeyDown: (e: React.KeyboardEvent) => e.key === 'Enter' && onOpen(c.id), tabIndex: 0, 'data-testid': 'case-row' } as object)}
        />
    </Card>
  );
}
