import { Form, Input, Select, type InputRef } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckedField } from '../../shared/CheckedField';
import { patchDraft, type IdType, type PersonFields } from '../draftStore';
import { CardSummary } from './CardSummary';
import { idNumberVerdict } from './checks';

const ID_TYPES: IdType[] = ['resident', 'permit', 'foreigner', 'other'];

/** A natural person: from the card (masked), or typed with a live checksum check. */
export function PersonForm({ person, idRef }: { person: PersonFields; idRef: Ref<InputRef> }) {
  const { t } = useTranslation();
  const set = (patch: Partial<PersonFields>) => patchDraft((d) => ({ person: { ...d.person, ...patch } }));
  const verdict = person.idType === 'resident' || person.idType === 'foreigner' ? idNumberVerdict(t, person.idNumber) : { problem: null, ok: null };
  return (
    <Form layout="vertical" size="middle" component="div">
      {person.card ? (
        <CardSummary card={person.card} onClear={() => set({ card: null })} />
      ) : (
        <>
          <Form.Item label={t('applicant.idType')} htmlFor="applicant-id-type">
            <Select
              id="applicant-id-type"
              value={person.idType}
              onChange={(idType) => set({ idType })}
              options={ID_TYPES.map((v) => ({ value: v, label: t(`applicant.idTypes.${v}`) }))}
            />
          </Form.Item>
          <CheckedField
            id="applicant-id-number"
            testId="applicant-id-input"
            label={t('applicant.idNumber')}
            value={person.idNumber}
            maxLength={40}
            inputRef={idRef}
            onChange={(idNumber) => set({ idNumber })}
            problem={verdict.problem}
            okText={verdict.ok}
          />
          <Form.Item label={t('applicant.name')} htmlFor="applicant-name">
            <Input id="applicant-name" value={person.name} maxLength={60} autoComplete="off" onChange={(e) => set({ name: e.target.value })} />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('applicant.phone')} htmlFor="applicant-phone">
        <Input id="applicant-phone" value={person.phone} maxLength={30} autoComplete="off" onChange={(e) => set({ phone: e.target.value })} />
      </Form.Item>
    </Form>
  );
}
