import { Alert, Card, Col, Descriptions, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { CallError } from '../../shared/CallError';
import { shortTime } from '../../shared/dates';
import { DbTools } from './DbTools';
import { DiagExport } from './DiagExport';

/**
 * Version, data folder, settings health, database check and backup, the diagnostics bundle.
 */
export function SystemPanel() {
  const { t } = useTranslation();
  const info = useCall('app.info', undefined);
  const settings = useCall('settings.status', undefined);
  const catalog = useCall('catalog.info', undefined);
  return (
    <Row gutter={12} data-testid="system-panel">
      <Col span={12}>
        <Card size="small" title={t('maint.app')}>
          {info.error && <CallError error={info.error} what={t('maint.app')} />}
          {info.data && (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('maint.version')}><span data-testid="app-version">{info.data.version}</span></Descriptions.Item>
              <Descriptions.Item label={t('app.dataDir')}><code data-testid="data-dir">{info.data.dataDir}</code></Descriptions.Item>
              <Descriptions.Item label={t('maint.mode')}>{t(`app.mode.${info.data.mode}`)}</Descriptions.Item>
              <Descriptions.Item label={t('maint.platform')}>{info.data.platform} · {t(`maint.transport.${info.data.transport}`, { defaultValue: info.data.transport })}</Descriptions.Item>
              <Descriptions.Item label={t('maint.startedAt')}>{shortTime(info.data.startedAt)}</Descriptions.Item>
              {catalog.data && <Descriptions.Item label={t('maint.catalog')}>{t('maint.catalogInfo', { version: catalog.data.version, items: catalog.data.itemCount, bundles: catalog.data.bundleCount })}</Descriptions.Item>}
            </Descriptions>
          )}
          {settings.data?.problem && <Alert style={{ marginTop: 8 }} type="error" showIcon title={settings.data.problem.message} />}
          {settings.data && !settings.data.problem && <Alert style={{ marginTop: 8 }} type={settings.data.source === 'file' ? 'success' : 'info'} showIcon title={t(`maint.settingsSource.${settings.data.source}`, { file: settings.data.file })} />}
        </Card>
      </Col>
      <Col span={12}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Card size="small" title={t('maint.database')}>
            <DbTools />
          </Card>
          <Card size="small" title={t('maint.diagnostics')}>
            <DiagExport />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
