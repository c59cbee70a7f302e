import { DatabaseOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract';
import { useAction } from '../../api/useAction';
import { call } from '../../bridge';
import { outboxState } from '../../sync/outboxLabels';

/** Database check (integrity, foreign keys, audit chain) and an online backup, as `yichuang db check|backup`. */
export function DbTools() {
  const { t } = useTranslation();
  const [check, setCheck] = useState<MethodOutput<'db.check'> | null>(null);
  const [backup, setBackup] = useState<MethodOutput<'db.backup'> | null>(null);
  const runCheck = useAction(async () => setCheck(await call('db.check')));
  const runBackup = useAction(async () => setBackup(await call('db.backup')));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button icon={<SafetyCertificateOutlined />} loading={runCheck.busy} onClick={() => void runCheck.exec()} data-testid="db-check">
          {runCheck.busy ? t('maint.dbChecking') : t('maint.dbCheck')}
        </Button>
        <Button icon={<DatabaseOutlined />} loading={runBackup.busy} onClick={() => void runBackup.exec()} data-testid="db-backup">
          {runBackup.busy ? t('maint.dbBackingUp') : t('maint.dbBackup')}
        </Button>
      </Space>
      {check && (
        <Alert
          type={check.ok ? 'success' : 'error'}
          showIcon
          data-testid="db-check-result"
          title={check.ok ? t('maint.dbCheckOk') : t('maint.dbCheckBad')}
          description={
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('maint.dbIntegrity')}>{check.integrity.length === 1 && check.integrity[0] === 'ok' ? t('maint.dbIntegrityOk') : check.integrity.join('；')}</Descriptions.Item>
              <Descriptions.Item label={t('maint.dbAudit')}>{t('maint.dbAuditInfo', { entries: check.audit.entries, problems: check.audit.problems })}</Descriptions.Item>
              <Descriptions.Item label={t('maint.dbCases')}>{check.counts.intake_case ?? 0}</Descriptions.Item>
              <Descriptions.Item label={t('maint.dbOutbox')}>{Object.entries(check.outboxByState).map(([k, v]) => `${outboxState(t, k)} ${v}`).join(' · ') || '0'}</Descriptions.Item>
            </Descriptions>
          }
        />
      )}
      {backup && <Alert type="success" showIcon data-testid="db-backup-result" title={t('maint.dbBackupDone', { kb: Math.ceil(backup.bytes / 1024) })} description={<code>{backup.file}</code>} />}
    </Space>
  );
}
