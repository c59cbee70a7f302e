import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BAD_RATING_REASONS, isBadRating } from '../../../common/domain/rating';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** The five 好差评 levels as big buttons; a bad one (4–5) asks why. Shared by the pad and the applicant screen. */
export function RatingChooser({ busy, onSubmit }: { busy: boolean; onSubmit: (level: number, reasons: string[]) => void }) {
  const { t } = useTranslation();
  const [bad, setBad] = useState<number | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const choose = (level: number) => (isBadRating(level) ? setBad(level) : onSubmit(level, []));
  if (bad === null)
    return (
      <>
        <Typography.Title level={2}>{t('pad.question')}</Typography.Title>
        <div className="pad-levels">
          {LEVELS.map((l) => (
            <Button key={l} size="large" className={`pad-level pad-level-${l}`} onClick={() => choose(l)} loading={busy} data-testid={`pad-level-${l}`}>
              {t(`rating.level.${l}`)}
            </Button>
          ))}
        </div>
      </>
    );
  return (
    <>
      <Typography.Title level={3}>{t('pad.why')}</Typography.Title>
      <Space wrap>
        {BAD_RATING_REASONS.map((r) => (
          <Tag.CheckableTag key={r} checked={reasons.includes(r)} onChange={(on) => setReasons(on ? [...reasons, r] : reasons.filter((x) => x !== r))} className="pad-reason">
            {t(`pad.reasons.${r}`, { defaultValue: r })}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Space style={{ marginTop: 24 }}>
        <Button size="large" onClick={() => setBad(null)}>{t('common.back')}</Button>
        <Button size="large" type="primary" onClick={() => onSubmit(bad, reasons)} loading={busy} data-testid="pad-submit">
          {t('pad.submit')}
        </Button>
      </Space>
    </>
  );
}
