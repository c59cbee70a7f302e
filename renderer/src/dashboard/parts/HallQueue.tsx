import { Alert, Card, Table, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { subscribe } from '../../bridge';
import { clockTime } from '../../shared/dates';

/** A ticket issued at another window raises no event here: poll as well, modestly. */
const POLL_MS = 15_000;

type HallWindow = { window: string; paused: boolean; current: string | null; calledAt: string | null; waiting: number };

/** 排队情况: every window's current ticket, paused or serving, and the waiting counts, from the hall's queue system. */
export function HallQueue({ round }: { round: number }) {
  const { t } = useTranslation();
  const status = useCall('queue.status', undefined, [round]);
  const configured = status.data ? status.data.driver !== 'none' : null;
  const hall = useCall('queue.hall', configured ? undefined : null, [round, configured]);
  const { reload } = hall;
  const reloadStatus = status.reload;
  useEffect(() => {
    const off = subscribe('queue.state', () => {
      reloadStatus();
      reload();
    });
    const timer = setInterval(reload, POLL_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [reload, reloadStatus]);
  const waiting = hall.data?.queues.reduce((n, q) => n + q.waiting, 0);
  return (
    <Card size="small" title={t('dashboard.hallQueue.title')} data-testid="hall-queue" extra={hall.data && <Tag>{t('queue.waiting', { n: waiting })}</Tag>}>
      {configured === false ? (
        <Alert type="info" showIcon title={t('dashboard.hallQueue.notConfigured')} data-testid="hall-queue-none" />
      ) : hall.error ? (
        <Alert type="warning" showIcon title={t('dashboard.hallQueue.unreachable')} description={hall.error.message} data-testid="hall-queue-offline" />
      ) : (
        <Table<HallWindow>
          size="small"
          rowKey="window"
          pagination={false}
          scroll={{ y: 160 }}
          loading={!hall.data}
          dataSource={hall.data?.windows ?? []}
          locale={{ emptyText: t('dashboard.hallQueue.empty') }}
          columns={[
            { title: t('frame.window'), dataIndex: 'window', render: (w: string) => (w === hall.data?.window ? `${w}（${t('dashboard.thisWindow')}）` : w) },
            { title: t('dashboard.hallQueue.current'), dataIndex: 'current', render: (c: string | null, r) => (c ? (r.calledAt ? `${c} · ${clockTime(r.calledAt).slice(0, 5)}` : c) : '—') },
            { title: t('dashboard.hallQueue.waiting'), dataIndex: 'waiting', width: 70 },
            { title: t('dashboard.hallQueue.state'), dataIndex: 'paused', render: (p: boolean) => (p ? <Tag color="orange">{t('dashboard.hallQueue.paused')}</Tag> : <Tag color="green">{t('dashboard.hallQueue.serving')}</Tag>) },
          ]}
        />
      )}
      {hall.data && hall.data.queues.length > 0 && (
        <div style={{ marginTop: 6 }} data-testid="hall-queue-waiting">
          {hall.data.queues.map((q) => (
            <Tag key={q.queue}>{t('dashboard.hallQueue.queueWaiting', { queue: q.queue, n: q.waiting })}</Tag>
          ))}
        </div>
      )}
    </Card>
  );
}
