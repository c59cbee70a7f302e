import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../shared/EChart';

const COLORS = ['#389e0d', '#73d13d', '#bae637', '#ffa940', '#f5222d'];

/** 好差评 distribution of the week, levels 1–5. */
export function RatingsChart({ ratings }: { ratings: number[] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { orient: 'vertical', right: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          center: ['35%', '50%'],
          label: { show: false },
          data: ratings.map((value, i) => ({ value, name: t(`rating.level.${i + 1}`), itemStyle: { color: COLORS[i] } })),
        },
      ],
    }),
    [ratings, t],
  );
  return (
    <Card size="small" title={t('dashboard.ratings')}>
      <EChart option={option} label={t('dashboard.ratings')} height={200} testId="chart-ratings" />
    </Card>
  );
}
