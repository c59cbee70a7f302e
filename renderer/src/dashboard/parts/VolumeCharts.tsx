import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../shared/EChart';
import type { LocalFigures } from '../figures';

/** A bar's count written on it; an empty slot stays blank rather than showing 0. */
const countLabel = (position: 'top' | 'right') => ({ show: true, position, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') });

/** Volume today by hour, this week by day, and the week's top items. Every value axis says its unit. */
export function VolumeCharts({ f }: { f: LocalFigures }) {
  const { t } = useTranslation();
  const unit = useMemo(() => ({ name: t('dashboard.axisCases'), nameTextStyle: { align: 'left' as const } }), [t]);
  const hours = useMemo(() => {
    // Hall hours only (07–19) unless work happened outside them.
    const first = Math.min(7, ...f.byHour.flatMap((n, h) => (n ? [h] : [])));
    const last = Math.max(19, ...f.byHour.flatMap((n, h) => (n ? [h] : [])));
    const range = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 32, right: 8, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: range.map((h) => `${h}:00`) },
      yAxis: { type: 'value', minInterval: 1, ...unit },
      series: [{ type: 'bar', name: t('dashboard.cases'), data: range.map((h) => f.byHour[h]), itemStyle: { color: '#1d5fbf' }, label: countLabel('top') }],
    };
  }, [f, t, unit]);
  const days = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 32, right: 8, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: f.byDay.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1, ...unit },
      series: [{ type: 'line', name: t('dashboard.cases'), data: f.byDay.map((d) => d.count), areaStyle: {}, label: countLabel('top') }],
    }),
    [f, t, unit],
  );
  const items = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 150, right: 24, top: 8, bottom: 40 },
      xAxis: { type: 'value', minInterval: 1, name: t('dashboard.axisCases'), nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: f.byItem.map((i) => i.name).reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', name: t('dashboard.cases'), data: f.byItem.map((i) => i.count).reverse(), itemStyle: { color: '#52a6a0' }, label: countLabel('right'), barMaxWidth: 28 }],
    }),
    [f, t],
  );
  return (
    <Row gutter={8}>
      <Col span={8}>
        <Card size="small" title={t('dashboard.byHour')}>
          <EChart option={hours} label={t('dashboard.byHour')} height={200} testId="chart-hour" />
        </Card>
      </Col>
      <Col span={7}>
        <Card size="small" title={t('dashboard.byDay')}>
          <EChart option={days} label={t('dashboard.byDay')} height={200} />
        </Card>
      </Col>
      <Col span={9}>
        <Card size="small" title={t('dashboard.byItem')}>
          {f.byItem.length ? (
            <EChart option={items} label={t('dashboard.byItem')} height={200} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noCasesWeek')} style={{ height: 200, margin: 0, paddingTop: 48 }} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
