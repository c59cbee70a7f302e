import { ReloadOutlined } from '@ant-design/icons';
import { Button, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/useCall';
import { CallError } from '../shared/CallError';
import { hallToday, shortTime } from '../shared/dates';
import { ExportButton } from '../shared/ExportButton';
import { Loading } from '../shared/Loading';
import { weekSoFar } from './figures';
import { DeferredDue } from './parts/DeferredDue';
import { HallQueue } from './parts/HallQueue';
import { KpiRow } from './parts/KpiRow';
import { RatingsChart } from './parts/RatingsChart';
import { RectificationQueue } from './parts/RectificationQueue';
import { SyncBacklog } from './parts/SyncBacklog';
import { VolumeCharts } from './parts/VolumeCharts';
import { useWeekCases } from './useWeekCases';

/** 大厅看板: volume, handling time, 容缺, ratings, rectifications, sync backlog. */
export default function DashboardScreen() {
  const { t } = useTranslation();
  // The week's cases are fetched for the CSV export only; the figures are aggregated by the services.
  const week = useWeekCases();
  const queue = useCall('reviews.rectifications', { limit: 200 });
  // A new period on each refresh, so a dashboard left open past midnight moves to the new day.
  const [{ period, round }, setView] = useState(() => ({ period: weekSoFar(hallToday()), round: 0 }));
  const figuresCall = useCall('cases.figures', period, [round]);
  const figures = figuresCall.data;
  const reload = () => {
    setView((v) => ({ period: weekSoFar(hallToday()), round: v.round + 1 }));
    week.reload();
    queue.reload();
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8} data-testid="dashboard-screen">
      <Row align="middle" justify="space-between">
        <Col>
          <Typography.Text type="secondary">{t('dashboard.localNote')}</Typography.Text>
        </Col>
        <Col>
          <Space>
            {week.cases && (
              <ExportButton
                filename={`cases-${hallToday()}.csv`}
                header={[t('cases.caseNumber'), t('cases.item'), t('cases.status'), t('cases.createdAt'), t('cases.promised'), t('rating.title'), t('cases.sync')]}
                rows={() => week.cases!.map((c) => [c.caseNumber, c.itemName, t(`caseStatus.${c.status}`), shortTime(c.createdAt), c.promisedDate, c.ratingLevel, t(`syncState.${c.sync.state}`)])}
                testId="export-cases"
              />
            )}
            <Button size="small" icon={<ReloadOutlined />} onClick={reload}>
              {t('common.refresh')}
            </Button>
          </Space>
        </Col>
      </Row>
      {figuresCall.error && <CallError error={figuresCall.error} what={t('nav.dashboard')} onRetry={figuresCall.reload} />}
      {week.error && <CallError error={week.error} what={t('nav.dashboard')} onRetry={week.reload} />}
      {!figures && !figuresCall.error && <Loading />}
      {figures && (
        <>
          <KpiRow f={figures} openRect={queue.data?.openCount ?? null} overdueRect={queue.data?.overdueCount ?? null} />
          <VolumeCharts f={figures} />
          <Row gutter={8}>
            <Col span={6}>
              <RatingsChart ratings={figures.ratings} />
            </Col>
            <Col span={10}>
              <RectificationQueue queue={queue} />
              <div style={{ height: 8 }} />
              <HallQueue round={round} />
            </Col>
            <Col span={8}>
              <SyncBacklog backlog={figures.backlog} round={round} />
              <div style={{ height: 8 }} />
              <DeferredDue round={round} />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
