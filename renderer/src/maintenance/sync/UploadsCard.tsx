import { Alert, App, Button, Card, Descriptions, Progress, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UploadsStatus } from '../../../../common/contract/uploads';
import { call } from '../../bridge';
import { useAction } from '../../api/useAction';
import { CallError } from '../../shared/CallError';
import { shortTime } from '../../shared/dates';
import { isNotAvailable } from '../../shared/errorText';
import { megabytes, useUploadsStatus } from '../../uploads/useUploadsStatus';

type Blob = UploadsStatus['blobs'][number];

/** 运维 → 同步: material files on their way to the central, the one in flight, errors, retry now. */
export function UploadsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const uploads = useUploadsStatus();
  const retry = useAction(async () => {
    const r = await call('uploads.retry');
    uploads.setData(r.status);
    void message.success(t('uploads.retried', { count: r.due }));
  });
  const s = uploads.data;
  const p = uploads.progress;
  const columns = [
    { title: t('uploads.case'), dataIndex: 'caseId', render: (v: string, b: Blob) => <Typography.Text code>{v}{b.links > 1 ? ` +${b.links - 1}` : ''}</Typography.Text> },
    { title: t('uploads.material'), dataIndex: 'materialCode' },
    { title: t('uploads.size'), dataIndex: 'size', render: (v: number) => megabytes(v) },
    { title: t('uploads.acked'), dataIndex: 'ackedBytes', render: (v: number, b: Blob) => `${Math.round((v / b.size) * 100)}%` },
    { title: t('uploads.attempts'), dataIndex: 'attempts' },
    { title: t('uploads.lastError'), dataIndex: 'lastError', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Card
      size="small"
      title={t('uploads.title')}
      data-testid="uploads-card"
      extra={
        <Button size="small" loading={retry.busy} disabled={!s || s.pendingBlobs === 0} onClick={() => void retry.exec()} data-testid="uploads-retry">
          {t('uploads.retry')}
        </Button>
      }
    >
      {isNotAvailable(uploads.error) ? (
        <Alert type="info" showIcon title={t('uploads.notAvailable')} />
      ) : (
        uploads.error && <CallError error={uploads.error} what={t('uploads.title')} onRetry={uploads.reload} />
      )}
      {s && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {p && (
            <Progress
              percent={p.total ? Math.round((p.sent / p.total) * 100) : 100}
              format={() => `${t('uploads.current')} ${megabytes(p.sent)} / ${megabytes(p.total)}`}
              data-testid="uploads-progress"
            />
          )}
          {s.lastError && <Alert type="warning" showIcon title={s.lastError} />}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('maint.state')}>{t(`uploads.states.${s.state}`)}</Descriptions.Item>
            <Descriptions.Item label={t('uploads.pendingFiles')}><span data-testid="uploads-pending">{s.pendingBlobs}</span></Descriptions.Item>
            <Descriptions.Item label={t('uploads.pendingBytes')}>{megabytes(s.pendingBytes)}</Descriptions.Item>
            <Descriptions.Item label={t('uploads.failing')}>{s.failing}</Descriptions.Item>
            <Descriptions.Item label={t('uploads.nextRetry')}>{shortTime(s.nextRetryAt)}</Descriptions.Item>
          </Descriptions>
          {s.blobs.length > 0 ? (
            <Table size="small" rowKey="sha256" pagination={{ pageSize: 10, hideOnSinglePage: true }} columns={columns} dataSource={s.blobs} />
          ) : (
            <Typography.Text type="secondary">{t('uploads.none')}</Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}
