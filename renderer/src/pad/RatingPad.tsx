import { Button, Card, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../common/contract';
import { BAD_RATING_REASONS, isBadRating } from '../../../common/domain/rating';
import { call } from '../bridge';
import { useAction } from '../api/useAction';
import { useEvent } from '../api/useEvent';

type Prompt = EventPayload<'evaluator.prompted'>;
const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * The applicant-facing 好差评 pad (`#/pad`, a second screen). It waits for a prompt, takes one
 * rating (reasons asked for a bad one), and goes back to waiting. It never shows applicant data.
 */
export function RatingPad() {
  const { t } = useTranslation();
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [bad, setBad] = useState<number | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [thanks, setThanks] = useState(false);
  useEvent('evaluator.prompted', (p) => {
    setPrompt(p);
    setBad(null);
    setReasons([]);
    setThanks(false);
  });
  useEvent('evaluator.ended', (e) => {
    if (e.promptId === prompt?.promptId) setPrompt(null);
  });
  const submit = useAction(async (level: number, why: string[]) => {
    await call('evaluator.submit', { promptId: prompt!.promptId, level, reasons: why });
    setPrompt(null);
    setThanks(true);
  });
  const choose = (level: number) => (isBadRating(level) ? setBad(level) : void submit.exec(level, []));
  return (
    <main className="pad" data-testid="rating-pad">
      <Card className="pad-card">
        {thanks && !prompt && <Result status="success" title={t('pad.thanks')} />}
        {!thanks && !prompt && <Typography.Title level={2}>{t('pad.welcome')}</Typography.Title>}
        {prompt && bad === null && (
          <>
            <Typography.Title level={2}>{t('pad.question')}</Typography.Title>
            <div className="pad-levels">
              {LEVELS.map((l) => (
                <Button key={l} size="large" className={`pad-level pad-level-${l}`} onClick={() => choose(l)} loading={submit.busy} data-testid={`pad-level-${l}`}>
                  {t(`rating.level.${l}`)}
                </Button>
              ))}
            </div>
          </>
        )}
        {prompt && bad !== null && (
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
              <Button size="large" type="primary" onClick={() => void submit.exec(bad, reasons)} loading={submit.busy} data-testid="pad-submit">
                {t('pad.submit')}
              </Button>
            </Space>
          </>
        )}
      </Card>
    </main>
  );
}
