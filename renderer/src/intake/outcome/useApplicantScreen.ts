import { useEffect, useState } from 'react';
import type { ApplicantScreenState } from '../../../../common/contract/applicant-screen';
import { call } from '../../bridge';
import { useEvent } from '../../api/useEvent';

type Presentation = NonNullable<ApplicantScreenState['presentation']>;

export interface ApplicantScreenPhase {
  /** The present call has answered (or failed: then there is no applicant screen to wait for). */
  settled: boolean;
  /** An applicant screen is open: the rating waits for the signature. */
  attached: boolean;
  stage: Presentation['stage'] | null;
  outcome: Presentation['outcome'];
}

/** Puts the decided case in front of the applicant (双屏) and follows it there: review → sign → done. */
export function useApplicantScreen(caseId: string | null): ApplicantScreenPhase & { present: () => void } {
  const [phase, setPhase] = useState<ApplicantScreenPhase & { presentationId: string | null }>({ settled: false, attached: false, stage: null, outcome: null, presentationId: null });
  const present = () => {
    if (!caseId) return;
    call('applicantScreen.present', { caseId }).then(
      // The answer carries the stage: the event that announced it may have come first.
      (r) => setPhase({ settled: true, attached: r.attached, presentationId: r.presentationId, stage: r.stage, outcome: r.outcome }),
      () => setPhase({ settled: true, attached: false, stage: null, outcome: null, presentationId: null }),
    );
  };
  useEffect(present, [caseId]);
  useEvent('applicantScreen.state', (s) => {
    setPhase((p) => (s.presentation && s.presentation.presentationId === p.presentationId ? { ...p, stage: s.presentation.stage, outcome: s.presentation.outcome } : p));
  });
  return { ...phase, present };
}
