import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../shared/EChart';

const COLORS = ['#389e0d', '#73d13d', '#bae637', '#ffa940', '#f5222d'];

/** 好差评 distribution of the week, levels 1–5; the legend gives each level's count. */
export function RatingsChart({ ratings }: { ratings: number[] }) {
  const { t } = useTranslation();
  const total = ratings.reduce((a, b) => a + b, 0);
  const option = useMemo(() => {
    const data = ratings.map((value, i) => ({ value, name: t(`rating.level.${i + 1}`), itemStyle: { color: COLORS[i] } }));
    const count = new Map(data.map((d) => [d.name, d.value]));
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { orient: 'vertical', right: 0, top: 'middle', formatter: (name: string) => `${name}  ${count.get(name) ?? 0}` },
      series: [{ type: 'pie', radius: ['40%', '70%'], center: ['30%', '50%'], label: { show: false }, data }],
    };
  }, [ratings, t]);
  return (
    <Card size="small" title={t('dashboard.ratingsTotal', { count: total })}>
      {total ? (
        <EChart option={option} label={t('dashboard.ratings')} height={200} testId="chart-ratings" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noRatingsWeek')} style={{ height: 200, margin: 0, paddingTop: 48 }} />
      )}
    </Card>
  );
}
