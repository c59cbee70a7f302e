import { call } from '../bridge';
import { Col, Row, type InputRef, type RefSelectProps } from 'antd';
import { Suspense, useEffect, useRef, useState } from 'react';
import { SHORTCUTS } from '../shared/shortcuts';
import { useHotkeys } from '../shared/useHotkeys';
import { ApplicantPanel } from './applicant/ApplicantPanel';
import { useCardReading } from './applicant/useCardReading';
import { DecisionColumn } from './actions/DecisionColumn';
import { useDecisions } from './actions/useDecisions';
import { draftStore, resetDraft } from './draftStore';
import { ItemColumn } from './items/ItemColumn';
import { lookupSubject } from './lookups/subject';
import { useLookups } from './lookups/useLookups';
import { QueueBar } from './queue/QueueBar';
import { useQueue } from './queue/useQueue';
import { lazyNamed } from '../shared/lazyNamed';
import { Loading } from '../shared/Loading';

// Shown after a decision: its code (tabs, the notice preview) is not needed for the first screen.
const OutcomePanel = lazyNamed(() => import('./outcome/OutcomePanel'), 'OutcomePanel');
// The camera dialog and today's appointments (a drawer with a table) load when first opened.
const CaptureDialog = lazyNamed(() => import('../capture/CaptureDialog'), 'CaptureDialog');
const TodayAppointments = lazyNamed(() => import('../appointments/TodayAppointments'), 'TodayAppointments');
import { offerAppointmentsForCard } from '../appointments/appointmentMatch';
import { TodayAppointmentsButton } from '../appointments/TodayAppointmentsButton';
import { openDrafts } from '../cases/caseRange';
import { DraftsButton } from './resume/DraftsButton';
import { paperRows } from './materials/checklist';
import { captureTarget, closeCapture, focusedSlotCode, openCapture } from '../capture/captureTarget';

/**
 * 窗口受理: applicant (left), item and materials (middle), checks and decisions (right). Every step
 * has a key; Tab order follows the walk left to right.
 */
export function IntakeScreen({ mode, helpOpen }: { mode: 'normal' | 'demo'; helpOpen: boolean }) {
  const draft = draftStore.use();
  const search = useRef<InputRef>(null);
  // After a card read the applicant is done: the next keystroke searches the item, unless one is
  // chosen already or the clerk is typing in another field (e.g. the phone number).
  const { readNow } = useCardReading(mode, (cardToken) => {
    // A booked applicant: offer today's appointments (预约到号) unless this intake came from one.
    if (!draftStore.get().appointment) void offerAppointmentsForCard(cardToken).catch(() => undefined);
    setTimeout(() => {
      const d = draftStore.get();
      const el = document.activeElement;
      if (!d.item && !d.bundle && !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) search.current?.focus();
    });
  });
  const bundle = useRef<RefSelectProps>(null);
  const idField = useRef<InputRef>(null);
  const decisions = useDecisions(draft);
  const lookups = useLookups(lookupSubject(draft));
  const [focusSearch, setFocusSearch] = useState(0);
  const queue = useQueue();
  const [transferOpen, setTransferOpen] = useState(false);
  const [todayOpen, setTodayOpen] = useState(false);
  // Mounted from the first opening on, so the drawer's closing animation still plays.
  const [todayUsed, setTodayUsed] = useState(false);
  const openToday = () => {
    setTodayUsed(true);
    setTodayOpen(true);
  };
  const next = () => {
    // 下一位 also calls the next ticket when the window calls tickets; a queue that is down only shows in the bar.
    if (queue.enabled) void queue.next();
    // The applicant screen goes back to idle for the next applicant (F9 or the button).
    if (draft.outcome) void call('applicantScreen.clear').catch(() => undefined);
    resetDraft();
    setFocusSearch((n) => n + 1);
  };
  // A new applicant (F9, or the draft claimed at sign-in) remounts the columns: the focus goes back to the search.
  useEffect(() => search.current?.focus(), [focusSearch, draft.generation]);
  const capture = captureTarget.use();
  // F7: the camera for the slot holding the focus, else the first slot that takes paper.
  const openCamera = () => {
    const rows = paperRows(draft);
    const row = rows.find((r) => r.key === focusedSlotCode()) ?? rows[0];
    if (row) openCapture(row.key, row.material.name);
  };
  const k = SHORTCUTS.intake;
  useHotkeys(
    {
      [k.readCard]: () => void readNow(),
      [k.searchItem]: () => search.current?.focus(),
      [k.bundle]: () => bundle.current?.focus(),
      [k.typeApplicant]: () => idField.current?.focus(),
      [k.nextApplicant]: next,
      [k.todayAppointments]: openToday,
      [k.openDrafts]: openDrafts,
      ...(queue.enabled && {
        [k.recallTicket]: () => void queue.recall(),
        [k.passTicket]: () => void queue.pass(),
        [k.transferTicket]: () => setTransferOpen(true),
        [k.pauseQueue]: () => void queue.togglePause(),
      }),
      ...(draft.outcome ? {} : { [SHORTCUTS.capture.openCamera]: openCamera }),
      ...(draft.outcome ? {} : decisions.hotkeys),
    },
    !helpOpen && !decisions.dialogOpen && !transferOpen && !capture && !todayOpen,
  );
  const bar = (
    <>
      <div className="intake-tools">
        <TodayAppointmentsButton onOpen={openToday} />
        <DraftsButton />
      </div>
      {todayUsed && (
        <Suspense fallback={null}>
          <TodayAppointments open={todayOpen} onClose={() => setTodayOpen(false)} />
        </Suspense>
      )}
      <QueueBar q={queue} transferOpen={transferOpen} setTransferOpen={setTransferOpen} />
    </>
  );
  if (draft.outcome)
    return (
      <>
        {bar}
        <Suspense fallback={<Loading />}>
          <OutcomePanel key={draft.generation} outcome={draft.outcome} onNext={next} />
        </Suspense>
      </>
    );
  return (
    <>
    {bar}
    <Row gutter={12} wrap={false} className="intake" key={draft.generation} data-testid="intake-screen">
      <Col flex="0 0 330px">
        <ApplicantPanel draft={draft} onReadCard={() => void readNow()} idRef={idField} />
      </Col>
      <Col flex="1 1 0%" className="intake-middle">
        <ItemColumn draft={draft} lookups={lookups} searchRef={search} bundleRef={bundle} />
      </Col>
      <Col flex="0 0 280px">
        <DecisionColumn draft={draft} lookups={lookups} decisions={decisions} onNext={next} />
      </Col>
      {capture && (
        <Suspense fallback={null}>
          <CaptureDialog code={capture.code} name={capture.name} onClose={closeCapture} />
        </Suspense>
      )}
    </Row>
    </>
  );
}
