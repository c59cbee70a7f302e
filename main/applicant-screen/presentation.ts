import type { ApplicantRecord, ApplicantScreenState } from '../../common/contract/applicant-screen';
import type { CaseDetail } from '../../common/contract/cases';

/** Only what the applicant may see of a case: masked identity, item, materials, dates, the notice. */
export function applicantRecord(c: CaseDetail, noticeHtml: string): ApplicantRecord {
  if (!c.caseNumber) throw new Error(`case ${c.id} has no number`);
  return {
    caseId: c.id,
    caseNumber: c.caseNumber,
    status: c.status,
    applicantName: c.applicant?.name ?? '',
    applicantId: c.applicant?.idNumber ?? c.applicant?.uscc ?? '',
    itemName: c.itemName,
    materials: c.materials
      .filter((m) => m.state !== 'not_provided' || m.required)
      .map((m) => ({
        name: m.name,
        state: m.state,
        stateLabel: m.stateLabel,
        originals: m.originals,
        copies: m.copies,
        deadline: m.deadline,
        deadlineProvisional: m.deadlineProvisional,
      })),
    promisedLimitText: c.promisedLimitText,
    promisedDate: c.promisedDate,
    promisedProvisional: c.promisedProvisional,
    noticeHtml,
  };
}

export type Presentation = NonNullable<ApplicantScreenState['presentation']>;
