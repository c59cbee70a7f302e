import { Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantScreenState } from '../../../common/contract/applicant-screen';
import { call } from '../bridge';
import { useAction } from '../api/useAction';
import { useEvent } from '../api/useEvent';
import { RatingChooser } from '../pad/RatingChooser';
import { IdleView } from './IdleView';
import { RecordView } from './RecordView';
import { SignView } from './SignView';

/**
 * The applicant-facing screen (`#/applicant`, issue 18): idle (window, clerk, hall notice), the record
 * the clerk put in front of the applicant (确认无误 or 拒绝签名), the signature, then 好差评. It calls
 * only the applicant screen's own methods and hears only its own event; main decides what it shows.
 */
export function ApplicantScreen() {
  const { t } = useTranslation();
  const [state, setState] = useState<ApplicantScreenState | null>(null);
  const [thanks, setThanks] = useState(false);
  useEffect(() => {
    void call('applicantScreen.state').then(setState, () => undefined);
  }, []);
  useEvent('applicantScreen.state', (s) => {
    if (s.rating || s.presentation?.presentationId !== state?.presentation?.presentationId) setThanks(false);
    setState(s);
  });
  // The thanks stay a while, then the screen goes back to the window's idle view.
  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => setThanks(false), 20_000);
    return () => clearTimeout(timer);
  }, [thanks]);
  const rate = useAction(async (level: number, reasons: string[]) => {
    await call('applicantScreen.rate', { promptId: state!.rating!.promptId, level, reasons });
    setThanks(true);
  });
  if (!state) return <main className="applicant-screen" data-testid="applicant-screen" data-view="loading" />;
  const p = state.presentation;
  const rating = state.rating && (!p || p.stage === 'done') ? state.rating : null;
  const view = rating ? 'rating' : thanks ? 'thanks' : p && !(p.stage === 'done' && thanks) ? p.stage : 'idle';
  return (
    <main className="applicant-screen" data-testid="applicant-screen" data-view={view}>
      <header className="applicant-header">
        <span>{state.idle.hallName || t('applicantScreen.hall')}</span>
        <span>{state.idle.windowName}</span>
      </header>
      <section className="applicant-body">
        {view === 'idle' && <IdleView idle={state.idle} />}
        {view === 'thanks' && <Result status="success" title={t('pad.thanks')} />}
        {p && view === 'review' && <RecordView presentation={p} />}
        {p && view === 'sign' && <SignView presentation={p} />}
        {p && view === 'done' && (
          <Result
            status={p.outcome?.outcome === 'signed' ? 'success' : 'info'}
            title={p.outcome?.outcome === 'signed' ? t('applicantScreen.signed') : t('applicantScreen.refused')}
            subTitle={p.outcome?.sha256 ? <Typography.Text type="secondary" data-testid="signature-hash">SHA-256 {p.outcome.sha256}</Typography.Text> : t('applicantScreen.waitClerk')}
          />
        )}
        {rating && (
          <div className="pad-card applicant-rating">
            <RatingChooser key={rating.promptId} busy={rate.busy} onSubmit={(l, r) => void rate.exec(l, r)} />
          </div>
        )}
      </section>
    </main>
  );
}
