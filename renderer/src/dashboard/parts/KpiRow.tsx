import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocalFigures } from '../figures';

/** The headline numbers. */
export function KpiRow({ f, openRect, overdueRect }: { f: LocalFigures; openRect: number | null; overdueRect: number | null }) {
  const { t } = useTranslation();
  const items = [
    { key: 'today', label: t('dashboard.today'), value: f.todayCount },
    { key: 'week', label: t('dashboard.week'), value: f.weekCount },
    { key: 'handling', label: t('dashboard.avgHandling'), value: f.avgHandlingMinutes === null ? '—' : f.avgHandlingMinutes.toFixed(1), suffix: t('dashboard.minutes') },
    { key: 'satisfaction', label: t('dashboard.satisfaction'), value: f.satisfaction === null ? '—' : (f.satisfaction * 100).toFixed(1), suffix: f.satisfaction === null ? undefined : '%' },
    { key: 'deferred', label: t('dashboard.deferredOpen'), value: f.deferredOpen },
    { key: 'rect', label: t('dashboard.rectOpen'), value: openRect ?? '—', suffix: overdueRect ? t('dashboard.overdueSuffix', { count: overdueRect }) : undefined },
  ];
  return (
    <Row gutter={8}>
      {items.map((i) => (
        <Col span={4} key={i.key}>
          <Card size="small" data-testid={`kpi-${i.key}`}>
            <Statistic title={i.label} value={i.value} suffix={i.suffix} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
