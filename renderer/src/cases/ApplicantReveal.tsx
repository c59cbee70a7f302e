import { EyeOutlined } from '@ant-design/icons';
import { Button, Input, Popover, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../common/contract/intake';
import { call } from '../bridge';
import { useAction } from '../api/useAction';

/**
 * Masked by default; the full view needs a reason and is audited by main (and refused for roles that may not).
 * The address comes with the case as main masks it (the same masking as the card summary at intake);
 * whether it was the card's appended address is known only at the card read, so no tag here.
 */
export function ApplicantReveal({ caseId, applicant }: { caseId: string; applicant: ApplicantView | null }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<ApplicantView | null>(null);
  const [reason, setReason] = useState('');
  const reveal = useAction(async () => setShown(await call('cases.reveal', { id: caseId, reason })));
  const a = shown ?? applicant;
  if (!a) return <>—</>;
  const text = a.kind === 'enterprise' ? `${a.name} ${a.uscc ?? ''}` : `${a.name} ${a.idNumber ?? ''}`;
  const address = a.address && <div data-testid="case-applicant-address">{t('common.labeled', { label: t('applicant.address'), value: a.address })}</div>;
  return (
    <>
      <Space wrap>
        <span data-testid="case-applicant">{text}</span>
        {a.masked && (
          <Popover
            trigger="click"
            title={t('cases.revealTitle')}
            content={
              <Space.Compact>
                <Input size="small" placeholder={t('cases.revealReason')} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('cases.revealReason')} />
                <Button size="small" type="primary" disabled={!reason.trim()} loading={reveal.busy} onClick={() => void reveal.exec()}>
                  {t('common.ok')}
                </Button>
              </Space.Compact>
            }
          >
            <Button size="small" icon={<EyeOutlined />}>{t('cases.reveal')}</Button>
          </Popover>
        )}
      </Space>
      {address}
    </>
  );
}
