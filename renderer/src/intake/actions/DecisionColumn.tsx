import { Alert, Card, Divider, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { casePlans } from '../buildRequest';
import type { IntakeDraft } from '../draftStore';
import type { Lookups } from '../lookups/useLookups';
import { ActionBar } from './ActionBar';
import { Attachments } from './Attachments';
import { CreditCheck } from './CreditCheck';
import { DeferredDialog } from './DeferredDialog';
import { PromisedDate } from './PromisedDate';
import { ReasonDialog } from './ReasonDialog';
import type { Decisions } from './useDecisions';

/** Right column: checks before deciding (credit, promised date, scans) and the decisions. */
interface Props {
  draft: IntakeDraft;
  lookups: Lookups;
  decisions: Decisions;
  onNext: () => void;
}

export function DecisionColumn({ draft, lookups, decisions: d, onNext }: Props) {
  const { t } = useTranslation();
  const plans = casePlans(draft);
  const deferredNames = Object.entries(draft.materials)
    .filter(([, c]) => c.state === 'deferred')
    .map(([key]) => draft.item?.materials.find((m) => m.code === key)?.name ?? draft.bundle?.result?.materials.find((m) => m.key === key)?.name ?? key);
  return (
    <Card size="small" title={t('summary.title')} className="intake-card" role="region" aria-label={t('summary.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {plans.length > 1 && <Typography.Text type="secondary">{t('summary.promised')}</Typography.Text>}
        {plans.map((p) => (
          <PromisedDate key={p.itemCode} itemCode={p.itemCode} itemName={plans.length > 1 ? p.itemName : undefined} limit={draft.item?.promisedLimit} />
        ))}
        <CreditCheck lookups={lookups} />
        <Attachments draft={draft} />
      </Space>
      <Divider style={{ margin: '12px 0' }} />
      {draft.draftCaseId && <Alert type="info" showIcon title={t('actions.draftSaved')} style={{ marginBottom: 8 }} data-testid="draft-saved" />}
      <ActionBar
        ready={d.ready}
        deferred={d.deferred}
        busy={d.busy}
        onAccept={d.accept}
        onReject={() => d.setDialog('reject')}
        onSaveDraft={() => void d.actions.saveDraft.exec()}
        onWithdraw={draft.draftCaseId ? () => d.setDialog('withdraw') : undefined}
        onNext={onNext}
      />
      {/* The decisions that take a reason: 撤回 of a saved draft and 不予受理. */}
      {(['withdraw', 'reject'] as const).map((kind) => (
        <ReasonDialog
          key={kind}
          kind={kind}
          open={d.dialog === kind}
          busy={d.actions[kind].busy}
          onCancel={() => d.setDialog(null)}
          onConfirm={async (reason) => {
            if (await d.actions[kind].exec(reason)) d.setDialog(null);
          }}
        />
      ))}
      <DeferredDialog
        open={d.dialog === 'deferred'}
        busy={d.actions.accept.busy}
        deferredNames={deferredNames}
        onCancel={() => d.setDialog(null)}
        onConfirm={async (v) => {
          if (await d.actions.accept.exec(v)) d.setDialog(null);
        }}
      />
    </Card>
  );
}
