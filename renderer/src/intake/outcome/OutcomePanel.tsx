import { Alert, Button, Card, Col, Descriptions, Row, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../shared/shortcuts';
import type { IntakeOutcome } from '../draftStore';
import { NoticePreview } from './NoticePreview';
import { RatingStatus } from './RatingStatus';
import { useRatingPrompt } from './useRatingPrompt';

/** After the decision: case number(s), promised date, 容缺 deadlines, the notice, the rating. */
export function OutcomePanel({ outcome, onNext }: { outcome: IntakeOutcome; onNext: () => void }) {
  const { t } = useTranslation();
  const first = outcome.cases[0];
  // One rating per visit (一次一评): the first case of the visit carries it.
  const rating = useRatingPrompt(first?.caseId ?? null);
  return (
    <Row gutter={12} className="outcome" data-testid="outcome" data-kind={outcome.kind}>
      <Col span={15}>
        <Card size="small" title={t(`outcome.title.${outcome.kind}`)} className="intake-card">
          {outcome.cases.length > 1 ? (
            <Tabs items={outcome.cases.map((c) => ({ key: c.caseId, label: c.itemName, children: <NoticePreview caseId={c.caseId} height={360} /> }))} />
          ) : (
            first && <NoticePreview caseId={first.caseId} />
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
