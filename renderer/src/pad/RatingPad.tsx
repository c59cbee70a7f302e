import { Card, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../common/contract';
import { call } from '../bridge';
import { useAction } from '../api/useAction';
import { useEvent } from '../api/useEvent';
import { RatingChooser } from './RatingChooser';

type Prompt = EventPayload<'evaluator.prompted'>;

/**
 * The clerk's on-screen 好差评 pad (`#/pad`): the fallback where no applicant screen (`#/applicant`)
 * is set up. It waits for a prompt, takes one rating (reasons asked for a bad one), and goes back to
 * waiting. It never shows applicant data.
 */
export function RatingPad() {
  const { t } = useTranslation();
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [thanks, setThanks] = useState(false);
  useEvent('evaluator.prompted', (p) => {
    setPrompt(p);
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
  return (
    <main className="pad" data-testid="rating-pad">
      <Card className="pad-card">
        {thanks && !prompt && <Result status="success" title={t('pad.thanks')} />}
        {!thanks && !prompt && <Typography.Title level={2}>{t('pad.welcome')}</Typography.Title>}
        {prompt && <RatingChooser key={prompt.promptId} busy={submit.busy} onSubmit={(l, r) => void submit.exec(l, r)} />}
      </Card>
    </main>
  );
}
