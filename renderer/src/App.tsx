import { Alert, Descriptions, Layout, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../common/contract';
import { call } from './bridge';

export function App() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<MethodOutput<'app.info'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('app.info').then(setInfo, (e: Error) => setError(e.message));
  }, []);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ padding: 24 }}>
        <Typography.Title level={3}>{t('app.title')}</Typography.Title>
        {error && <Alert type="error" title={error} />}
        {!info && !error && <Spin />}
        {info && (
          <Descriptions bordered column={1} data-testid="app-info">
            <Descriptions.Item label="版本">{info.version}</Descriptions.Item>
            <Descriptions.Item label={t('app.dataDir')}>{info.dataDir}</Descriptions.Item>
            <Descriptions.Item label="模式">{t(`app.mode.${info.mode}`)}</Descriptions.Item>
          </Descriptions>
        )}
      </Layout.Content>
    </Layout>
  );
}
