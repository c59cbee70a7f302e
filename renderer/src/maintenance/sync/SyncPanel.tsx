import { Alert, Button, Card, Col, Descriptions, Progress, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';
import { CallError } from '../../shared/CallError';
import { shortTime } from '../../shared/dates';
import { useSyncStatus } from '../../sync/useSyncStatus';
import { EnrolForm } from './EnrolForm';
import { ParkedList } from './ParkedList';
import { UploadsCard } from './UploadsCard';

/** Sync health: state, backlog, last contact, errors; run now with progress; parked items; enrolment. */
export function SyncPanel() {
  const { t } = useTranslation();
  const sync = useSyncStatus();
  const run = useAction(async () => sync.setData((await call('sync.runNow')).status));
  const s = sync.data;
  const p = sync.progress;
  return (
    <Row gutter={12} data-testid="sync-panel">
      <Col span={12}>
        <Card size="small" title={t('maint.syncState')} extra={<Button size="small" type="primary" loading={run.busy} onClick={() => void run.exec()} disabled={!s?.enrolled} data-testid="sync-now">{t('maint.syncNow')}</Button>}>
          {sync.error && <CallError error={sync.error} what={t('maint.sync')} onRetry={sync.reload} />}
          {s && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {p && <Progress percent={p.total ? Math.round((p.done / p.total) * 100) : 100} format={() => `${t(`maint.phase.${p.phase}`)} ${p.done}/${p.total}`} />}
              {s.lastError && <Alert type="error" showIcon title={s.lastError} />}
              {!s.enrolled && <Alert type="info" showIcon title={t('maint.enrolFirst')} data-testid="enrol-first" />}
              <Descriptions size="small" column={2} bordered>
                <Descriptions.Item label={t('maint.state')}>{t(`sync.states.${s.state}`)}</Descriptions.Item>
                <Descriptions.Item label={t('maint.central')}>{s.centralUrl ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('maint.hallWindow')}>{s.hall ?? '—'} / {s.window ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('syncState.pending')}><span data-testid="maint-pending">{s.pending}</span></Descriptions.Item>
                <Descriptions.Item label={t('syncState.parked')}>{s.parked}</Descriptions.Item>
                <Descriptions.Item label={t('maint.oldest')}>{shortTime(s.oldestPendingAt)}</Descriptions.Item>
                <Descriptions.Item label={t('maint.lastPush')}>{shortTime(s.lastPushAt)}</Descriptions.Item>
                <Descriptions.Item label={t('maint.lastPull')}>{shortTime(s.lastPullAt)}</Descriptions.Item>
                <Descriptions.Item label={t('maint.nextRetry')}>{shortTime(s.nextRetryAt)}</Descriptions.Item>
                <Descriptions.Item label={t('maint.clockSkew')}>{s.clockSkewMs === null ? '—' : `${Math.round(s.clockSkewMs / 1000)} s`}</Descriptions.Item>
                <Descriptions.Item label={t('maint.lookupsQueued')}>{s.lookupsQueued}</Descriptions.Item>
                <Descriptions.Item label={t('maint.catalogCursor')}>{s.catalogCursor}</Descriptions.Item>
              </Descriptions>
            </Space>
          )}
        </Card>
      </Col>
      <Col span={12}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <UploadsCard />
          <ParkedList onRetried={sync.reload} />
          <EnrolForm enrolled={s?.enrolled ?? false} onEnrolled={sync.reload} />
        </Space>
      </Col>
    </Row>
  );
}
