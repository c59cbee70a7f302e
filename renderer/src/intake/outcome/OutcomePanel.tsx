import { Alert, Button, Card, Col, Descriptions, Row, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../shared/shortcuts';
import type { IntakeOutcome } from '../draftStore';
import { NoticePreview } from './NoticePreview';
import { ApplicantScreenStatus } from './ApplicantScreenStatus';
import { RatingStatus } from './RatingStatus';
import { useApplicantScreen } from './useApplicantScreen';
import { useRatingPrompt } from './useRatingPrompt';

// The notice fills the screen height the header, status bar, card title and print button leave.
const NOTICE_HEIGHT = 'max(360px, calc(100vh - 200px))';
const NOTICE_HEIGHT_TABS = 'max(320px, calc(100vh - 250px))';

/** After the decision: case number(s), promised date, 容缺 deadlines, the notice, the rating. */
export function OutcomePanel({ outcome, onNext }: { outcome: IntakeOutcome; onNext: () => void }) {
  const { t } = useTranslation();
  const first = outcome.cases[0];
  // One rating per visit (一次一评): the first case of the visit carries it. With an applicant
  // screen open, the applicant confirms and signs it first; the rating follows on that screen.
  const screen = useApplicantScreen(outcome.kind === 'rejected' ? null : (first?.caseId ?? null));
  const rating = useRatingPrompt(first?.caseId ?? null, outcome.kind === 'rejected' || (screen.settled && (!screen.attached || screen.stage === 'done')));
  const [shown, setShown] = useState(first?.caseId);
  return (
    <Row gutter={12} className="outcome" data-testid="outcome" data-kind={outcome.kind}>
      <Col span={15}>
        <Card size="small" title={t(`outcome.title.${outcome.kind}`)} className="intake-card">
          {outcome.cases.length > 1 ? (
            <Tabs
              activeKey={shown}
              onChange={setShown}
              items={outcome.cases.map((c) => ({ key: c.caseId, label: c.itemName, children: <NoticePreview caseId={c.caseId} height={NOTICE_HEIGHT_TABS} primary={c.caseId === shown} /> }))}
            />
          ) : (
            // Rendered again once signed: the notice prints the applicant's signature.
            first && <NoticePreview key={`${first.caseId}:${screen.outcome?.outcome ?? ''}`} caseId={first.caseId} height={NOTICE_HEIGHT} primary />
          )}
        </Card>
      </Col>
      <Col span={9}>
        <Card size="small" className="intake-card">
          <Descriptions size="small" column={1} bordered>
            {outcome.cases.map((c) => (
              <Descriptions.Item key={c.caseId} label={c.itemName}>
                <div data-testid="case-number" className="case-number">{c.caseNumber}</div>
                {c.promisedDate && t('outcome.promised', { date: c.promisedDate })}
                {c.promisedProvisional && ` · ${t('summary.provisional')}`}
              </Descriptions.Item>
            ))}
          </Descriptions>
          {outcome.deferred.length > 0 && (
            <Alert
              style={{ marginTop: 8 }}
              type="warning"
              showIcon
              title={t('outcome.deferred')}
              description={outcome.deferred.map((d) => t('common.labeled', { label: d.name, value: t('materials.deadline', { date: d.deadline }) })).join('；')}
            />
          )}
          <ApplicantScreenStatus phase={screen} onPresent={screen.present} />
          <div style={{ marginTop: 12 }}>
            <RatingStatus state={rating.state} onRetry={rating.prompt} />
          </div>
          <Button
            type="primary"
            size="large"
            block
            style={{ marginTop: 12 }}
            onClick={() => {
              void rating.cancel();
              onNext();
            }}
            data-testid="outcome-next"
          >
            {t('actions.next')} ({SHORTCUTS.intake.nextApplicant})
          </Button>
        </Card>
      </Col>
    </Row>
  );
}
