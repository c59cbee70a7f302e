import type { Kysely } from 'kysely';
import type { ResumedDraft } from '../../common/contract/intake';
import { AppError } from '../../common/contract/errors';
import { CASE_STATUS_LABELS } from '../../common/domain/case-status';
import { appendAudit } from '../audit/chain';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { DB } from '../db/schema';
import { viewAgent } from './agent';
import { viewApplicant } from './applicant-codec';
import type { Actor } from './decision-types';

/**
 * 继续办理: a saved draft (intake.saveDraft) as the intake screen restores it. The applicant and the
 * agent come in clear, as the clerk typed or read them, so the resumed intake can be decided (and
 * corrected) like a new one; who opened which draft goes to the audit log, as a reveal does.
 */
export class DraftResume {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly pii: PiiCipher,
  ) {}

  async resume(caseId: string, actor: Actor): Promise<ResumedDraft> {
    const row = await this.db.selectFrom('intake_case').selectAll().where('id', '=', caseId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', '找不到该草稿，可能已被删除。请在“我的办件”中重新查找。');
    if (row.status !== 'draft')
      throw new AppError('CONFLICT', `该办件已是“${CASE_STATUS_LABELS[row.status]}”，不是草稿，不能继续办理。请在“我的办件”中查看。`);
    const [agent, materials, held] = await Promise.all([
      this.db.selectFrom('case_agent').selectAll().where('case_id', '=', caseId).executeTakeFirst(),
      this.db.selectFrom('case_material').select(['code', 'state', 'originals', 'copies', 'licence_id']).where('case_id', '=', caseId).orderBy('sort').execute(),
      this.db.selectFrom('case_draft_pages').select('draft_id').where('case_id', '=', caseId).executeTakeFirst(),
    ]);
    const applicant = viewApplicant(this.pii, row, true);
    await appendAudit(this.db, { actor: actor.id, action: 'case.resumeDraft', subject: caseId, detail: { itemCode: row.item_code, applicant: applicant !== null } });
    return {
      caseId,
      itemCode: row.item_code,
      updatedAt: row.updated_at,
      applicant,
      agent: agent ? viewAgent(this.pii, agent, true) : null,
      // A draft has no 补齐 yet: `supplied` cannot occur, and is read as received if it ever did.
      materials: materials.map((m) => ({
        code: m.code,
        state: m.state === 'supplied' ? 'received' : m.state,
        originals: m.originals,
        copies: m.copies,
        ...(m.licence_id ? { licenceId: m.licence_id } : {}),
      })),
      appointmentId: row.appointment_id,
      materialsDraftId: held?.draft_id ?? null,
    };
  }
}
