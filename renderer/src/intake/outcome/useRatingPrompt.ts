import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../bridge';
import type { ApiCallError } from '../../bridge';
import { asApiError } from '../../api/useCall';
import { useEvent } from '../../api/useEvent';

export type RatingPhase =
  | { phase: 'idle' }
  | { phase: 'waiting'; promptId: string; device: string }
  | { phase: 'rated'; level: number; reasons: string[] }
  | { phase: 'ended'; outcome: string; message?: string }
  | { phase: 'failed'; error: ApiCallError };

/**
 * 好差评 for one case: prompts the evaluator (or the on-screen pad), then records the answer with
 * reviews.rate. A rating already recorded by main for this case (CONFLICT) counts as recorded (the
 * applicant screen records its own). `ready` holds the prompt back, e.g. until the applicant signed.
 */
export function useRatingPrompt(caseId: string | null, ready = true) {
  const [state, setState] = useState<RatingPhase>({ phase: 'idle' });
  const promptId = useRef<string | null>(null);
  const prompt = useCallback(async () => {
    if (!caseId) return;
    try {
      const r = await call('evaluator.prompt', { caseId });
      promptId.current = r.promptId;
      setState({ phase: 'waiting', promptId: r.promptId, device: r.device });
    } catch (err) {
      setState({ phase: 'failed', error: asApiError(err) });
    }
  }, [caseId]);
  useEffect(() => {
    setState({ phase: 'idle' });
    promptId.current = null;
    if (caseId && ready) void prompt();
  }, [caseId, ready, prompt]);
  useEvent('evaluator.rating', async (r) => {
    if (!caseId || (r.promptId ? r.promptId !== promptId.current : r.caseId !== caseId)) return;
    try {
      await call('reviews.rate', { caseId, level: r.level, reasons: r.reasons, channel: r.channel });
    } catch (err) {
      const e = asApiError(err);
      if (e.code !== 'CONFLICT') return setState({ phase: 'failed', error: e });
    }
    setState({ phase: 'rated', level: r.level, reasons: r.reasons });
  });
  useEvent('evaluator.ended', (e) => {
    if (e.promptId !== promptId.current || e.outcome === 'rated') return;
    setState({ phase: 'ended', outcome: e.outcome, message: e.message });
  });
  const cancel = useCallback(async () => {
    if (promptId.current) await call('evaluator.cancel', { promptId: promptId.current }).catch(() => undefined);
  }, []);
  return { state, prompt, cancel };
}
