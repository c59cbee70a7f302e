import { Descriptions } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/contract/cases';
import { shortTime } from '../shared/dates';
import { ApplicantReveal } from './ApplicantReveal';
import { CaseStatusTag, SyncStateTag } from './CaseStatusTag';

function ratingText(t: TFunction, r: NonNullable<CaseDetail['rating']>): string {
  const level = t(`rating.level.${r.level}`);
  const reasons = r.reasons.map((x) => t(`pad.reasons.${x}`, { defaultValue: x })).join(t('common.listSep'));
  return reasons ? t('common.withNote', { text: level, note: reasons }) : level;
}

export function CaseFacts({ detail: c }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label={t('cases.item')} span={2}>{c.itemName}</Descriptions.Item>
      <Descriptions.Item label={t('cases.status')}>
        <CaseStatusTag status={c.status} /> {c.centralStatus && <span>{t('common.labeled', { label: t('cases.central'), value: c.centralStatus })}</span>}
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.sync')}>
        <SyncStateTag sync={c.sync} />
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.centralNumber')}>{c.centralNumber ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('cases.promised')}>{c.promisedDate ?? '—'}{c.promisedProvisional ? ` · ${t('summary.provisional')}` : ''}</Descriptions.Item>
      <Descriptions.Item label={t('cases.applicant')} span={2}>
        <ApplicantReveal caseId={c.id} applicant={c.applicant} />
      </Descriptions.Item>
      {c.agent && (
        <Descriptions.Item label={t('agent.title')} span={2}>
          <span data-testid="case-agent">
            {t('agent.summary', { name: c.agent.name, relation: t(`agent.relations.${c.agent.relation}`, { defaultValue: c.agent.relation }), certType: t(`certTypes.${c.agent.certType}`, { defaultValue: c.agent.certType }), idNumber: c.agent.idNumber })}
          </span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('cases.acceptedAt')}>{shortTime(c.acceptedAt ?? c.decidedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.clerk')}>{t('common.withNote', { text: c.clerk.name, note: c.windowCode })}</Descriptions.Item>
      {c.rejectReason && <Descriptions.Item label={t('cases.rejectReason')} span={2}>{c.rejectReason}</Descriptions.Item>}
      {c.rating && <Descriptions.Item label={t('rating.title')} span={2}>{ratingText(t, c.rating)}</Descriptions.Item>}
    </Descriptions>
  );
}
