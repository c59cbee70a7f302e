import { IdcardOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, type InputRef } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../shared/shortcuts';
import { patchDraft, type IntakeDraft } from '../draftStore';
import { EnterpriseForm } from './EnterpriseForm';
import { AgentForm } from './AgentForm';
import { PersonForm } from './PersonForm';

/** Left column: who applies. */
export function ApplicantPanel({ draft, onReadCard, idRef }: { draft: IntakeDraft; onReadCard: () => void; idRef: Ref<InputRef> }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('applicant.title')}
      className="intake-card"
      role="region"
      aria-label={t('applicant.title')}
      extra={
        <Button size="small" icon={<IdcardOutlined />} onClick={onReadCard} data-testid="read-card">
          {t('applicant.readCard')} ({SHORTCUTS.intake.readCard})
        </Button>
      }
    >
      <Segmented
        block
        value={draft.applicantKind}
        aria-label={t('applicant.kind')}
        onChange={(v) => patchDraft({ applicantKind: v as IntakeDraft['applicantKind'] })}
        options={[
          { value: 'person', label: t('applicant.person') },
          { value: 'enterprise', label: t('applicant.enterprise') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {draft.applicantKind === 'person' ? <PersonForm person={draft.person} idRef={idRef} /> : <EnterpriseForm enterprise={draft.enterprise} />}
      <AgentForm agent={draft.agent} />
    </Card>
  );
}
