import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '../crypto/uuidv7';
import { AppError } from '../../common/contract/errors';
import { canTransition, CASE_STATUS_LABELS, type CaseStatus } from '../../common/domain/case-status';
import { hallDate } from '../../common/domain/hall-date';
import { appendAudit, appendLinkedRow, auditRow, linkAuditRow } from '../audit/chain';
import type { CalendarService } from '../catalog/calendar-service';
import type { CatalogService } from '../catalog/catalog-service';
import type { Logger } from '../../platform/log/logger';
import { holdDraftPages, releaseDraftPages, withDraftPages } from '../materials/draft-pages';
import { caseFilesByCode, linkFiles } from '../materials/linking';
import type { MaterialsService } from '../materials/service';
import { CaseFilesStep } from './case-files';
import type { PiiCipher } from '../crypto/pii-cipher';
import { enqueueOutbox, insertOutboxRow } from '../db/outbox';
import { whileRunning } from '../../platform/db/while-running';
import type { DB } from '../db/schema';
import { sealApplicant, sealedApplicantPayload, type Applicant } from './applicant-codec';
import { resolveApplicant } from './applicant-input';
import { insertAgent, replaceAgent, resolveAgent, sealAgent, sealedAgentPayload, withAgentMaterials } from './agent';
import type { CardTokens } from './card-tokens';
import { caseEntry } from './case-entry';
import { issueCaseNumber } from './case-numbers';
import { checkMaterials, type Decision } from './material-check';
import { promisedDate } from './promised-date';
import type { WindowIdentity } from './window-identity';
import { readIntakeConfig } from './intake-config';
import { decideBundle, type BundleInput, type DecisionSteps } from './bundle-decisions';
import type { Actor, CaseInput, DecisionExtra, DecisionResult } from './decision-types';
import { decidedWithKey } from './decision-keys';
import { insertCase, insertMaterials, loadCase, writeHistory } from './case-rows';
import { decisionAudit, decisionCaseRow, decisionOutbox, type PreparedDecision } from './decision-records';
import { writeAsBatch } from './batch-decision';

export type { Actor, CaseInput } from './decision-types';

export interface IntakeDeps {
  db: Kysely<DB>;
  pii: PiiCipher;
  catalog: CatalogService;
  calendar: CalendarService;
  cards: CardTokens;
  identity: () => Promise<WindowIdentity>;
  now?: () => Date;
  /** 材料电子化: assembles and links the staged pages; without it a draft id is refused. */
  materials?: MaterialsService;
  /** After a commit that linked files to a case. */
  onFilesCommitted?: () => void;
  log?: Logger;
}


/**
 * The window's intake: drafts and the four ways out of them (accept, accept with deferred
 * materials, reject, withdraw), and supplements. Each decision is ONE transaction writing the case,
 * its materials, a history entry, an audit entry and an outbox row — all or nothing.
 */
export class IntakeService {
  private readonly steps: DecisionSteps<PreparedDecision>;
  private readonly files: CaseFilesStep;

  constructor(private readonly d: IntakeDeps) {
    this.files = new CaseFilesStep(d.materials, d.log, d.onFilesCommitted);
    this.steps = { db: d.db, prepare: (...a) => this.prepare(...a), write: (trx, p) => this.write(trx, p), recordUsage: (r) => this.recordUsage(r) };
  }

  private now(): Date {
    return this.d.now?.() ?? new Date();
  }

  promisedDateFor(itemCode: string, at: Date) {
    const item = this.d.catalog.summaryOf(itemCode);
    return { ...promisedDate(this.d.calendar.calendar, at, item.promisedLimit), limitText: item.promisedLimitText, immediate: item.immediate };
  }

  async saveDraft(input: CaseInput, actor: Actor): Promise<{ caseId: string; status: 'draft'; updatedAt: string }> {
    const r = await this.decide('draft', input, actor, {});
    return { caseId: r.caseId, status: 'draft', updatedAt: r.at };
  }

  accept(input: CaseInput, actor: Actor) {
    return this.decide('accept', input, actor, {}).then((r) => this.acceptResult(r));
  }

  async acceptWithDeferred(input: CaseInput & { commitmentNote: string; deadlineWorkdays?: number }, actor: Actor) {
    const days = input.deadlineWorkdays ?? (await readIntakeConfig(this.d.db)).deferredSupplyWorkdays;
    return this.decide('deferred', input, actor, { commitmentNote: input.commitmentNote, deadlineWorkdays: days }).then((r) => this.acceptResult(r));
  }

  async reject(input: CaseInput & { reason: string }, actor: Actor) {
    const r = await this.decide('reject', input, actor, { reason: input.reason });
    return { caseId: r.caseId, caseNumber: r.caseNumber!, status: 'rejected' as const, decidedAt: r.at };
  }

  /** 一件事受理: every plan in ONE transaction; 容缺 for the plans with deferred materials when `deferred` is given. */
  async acceptBundle(input: BundleInput & { deferred?: { commitmentNote: string; deadlineWorkdays?: number } }, actor: Actor) {
    const d = input.deferred;
    const deferred = d && { commitmentNote: d.commitmentNote, deadlineWorkdays: d.deadlineWorkdays ?? (await readIntakeConfig(this.d.db)).deferredSupplyWorkdays };
    input = await withDraftPages(this.d.db, input);
    const r = await decideBundle(this.steps, input, actor, 'accept', (plan) => (deferred && plan.materials.some((m) => m.state === 'deferred') ? ['deferred', deferred] : ['accept', {}]));
    await this.files.finish(input.materialsDraftId);
    return { ...r, cases: r.cases.map((c) => ({ ...this.acceptResult(c), itemCode: c.itemCode, itemName: c.itemName })) };
  }

  /** 一件事不予受理: every plan rejected with the same reason, in ONE transaction. */
  async rejectBundle(input: BundleInput & { reason: string }, actor: Actor) {
    const r = await decideBundle(this.steps, await withDraftPages(this.d.db, input), actor, 'reject', () => ['reject', { reason: input.reason }]);
    return {
      ...r,
      cases: r.cases.map((c) => ({ caseId: c.caseId, caseNumber: c.caseNumber!, itemCode: c.itemCode, itemName: c.itemName, status: 'rejected' as const, decidedAt: c.at })),
    };
  }

  private acceptResult(r: DecisionResult) {
    return {
      caseId: r.caseId,
      caseNumber: r.caseNumber!,
      status: r.status,
      acceptedAt: r.at,
      promisedDate: r.promised!.date,
      promisedProvisional: r.promised!.provisional,
      deferred: r.materials
        .filter((m) => m.state === 'deferred')
        .map((m) => ({ code: m.code, name: m.name, deadline: m.deadline!, deadlineProvisional: m.deadline_provisional === 1, commitmentNote: m.commitment_note })),
    };
  }

  private async decide(decision: Decision, input: CaseInput, actor: Actor, extra: DecisionExtra): Promise<DecisionResult> {
    input = await withDraftPages(this.d.db, input);
    let prepared: PreparedDecision;
    let result: DecisionResult;
    try {
      prepared = await this.prepare(decision, input, actor, extra);
      // One script when the values it needs from the database are predictable (batch-decision.ts), else a transaction.
      result = (await writeAsBatch(this.d.db, prepared)) ?? (await this.d.db.transaction().execute((trx) => this.write(trx, prepared)));
    } catch (err) {
      // A retry of a decision that went through (its reply lost): the first call's case, nothing written.
      return decidedWithKey(this.d.db, input, decision, err);
    }
    this.recordUsage([result]);
    if (prepared.files.length) await this.files.finish(input.materialsDraftId);
    return result;
  }

  /** Everything a decision needs that does not write: checks, dates, sealing (so the write lock is not held for it). */
  private async prepare(decision: Decision, input: CaseInput, actor: Actor, extra: DecisionExtra): Promise<PreparedDecision> {
    const item = this.d.catalog.summaryOf(input.itemCode);
    const applicant = input.applicant ? resolveApplicant(input.applicant, this.d.cards, decision === 'draft') : null;
    const agent = input.agent ? resolveAgent(input.agent, this.d.cards, applicant, decision === 'draft') : null;
    // A 委托代理 adds the power of attorney to the item's materials.
    const specs = withAgentMaterials(await this.d.catalog.materials(item.code), input.agent?.relation);
    if (!applicant && decision !== 'draft') throw new AppError('INVALID_INPUT', '请先录入申请人信息（读取身份证或手工录入）。');
    if (applicant) checkServedParty(item.servedParties, applicant);
    const at = this.now();
    const atIso = at.toISOString();
    const cal = this.d.calendar.calendar;
    const promised = decision === 'accept' || decision === 'deferred' ? promisedDate(cal, at, item.promisedLimit) : null;
    const deadline = decision === 'deferred' ? cal.addWorkdays(hallDate(at), extra.deadlineWorkdays ?? 5) : null;
    const materials = checkMaterials(decision, specs, input.materials, deadline, extra.commitmentNote ?? null);
    const status: CaseStatus =
      decision === 'draft' ? 'draft' : decision === 'accept' ? 'accepted' : decision === 'deferred' ? 'accepted_deferred' : 'rejected';
    const identity = await this.d.identity();
    const sealed = applicant ? sealApplicant(this.d.pii, applicant) : {};
    // Sealed before the transaction, so the write lock is not held for it.
    const applicantSealed = decision === 'draft' ? null : sealedApplicantPayload(this.d.pii, applicant);
    const agentColumns = agent ? sealAgent(this.d.pii, agent) : null;
    const agentSealed = decision === 'draft' ? null : sealedAgentPayload(this.d.pii, agent);
    const slotOf = new Map(input.materials.map((e) => [e.code, e.slot ?? e.code]));
    const linked =
      decision === 'accept' || decision === 'deferred'
        ? materials.filter((m) => m.state === 'received' || m.state === 'licence').map((m) => ({ code: m.code, slot: slotOf.get(m.code) ?? m.code }))
        : [];
    const files = await this.files.prepare(input.materialsDraftId, linked);
    // The id a new case gets, made here rather than under the write lock.
    const freshId = uuidv7();
    return { decision, input, actor, extra, item, at, atIso, promised, materials, status, identity, sealed, applicantSealed, agent, agentColumns, agentSealed, files, freshId, catalogVersion: this.d.catalog.catalogVersion };
  }

  /**
   * The case, its materials, history, audit entry and outbox row, inside the caller's transaction.
   * Each piece of JavaScript runs while the statement before it executes (`whileRunning`): the
   * rows while the number is issued, the audit entry while the case is inserted, the outbox entry
   * while the materials are, the audit hash while the history is.
   */
  private async write(trx: Transaction<DB>, p: PreparedDecision): Promise<DecisionResult> {
    const { decision, input, actor, extra, item, atIso, promised, materials, status, identity, agentColumns, files } = p;
    const existing = input.caseId ? await loadCase(trx, input.caseId) : undefined;
    if (existing && !canTransition(existing.status, status))
      throw new AppError('CONFLICT', `该办件当前为“${CASE_STATUS_LABELS[existing.status]}”，不能再${verb(decision)}。`);
    const caseId = existing?.id ?? p.freshId;
    // 叫号: a decision belongs to the ticket being served now, read in the statement that numbers it
    // (in this transaction); a walk-in has none, a draft neither number nor ticket.
    const numbering = decision === 'draft' ? Promise.resolve(null) : issueCaseNumber(trx, identity.hallCode, identity.windowCode, p.at);
    const [numbered, [row, materialRows]] = await whileRunning(numbering, () => [decisionCaseRow(p, caseId, existing), materials.map((m) => ({ ...m, case_id: caseId }))] as const);
    const caseNumber = numbered?.caseNumber ?? null;
    const ticket = numbered?.ticket ?? null;
    row.case_number = caseNumber;
    if (ticket) row.ticket_id = ticket.ticketId;
    const saved: Promise<unknown> = existing ? trx.updateTable('intake_case').set(row).where('id', '=', caseId).execute() : insertCase(trx, { row });
    const [, audit] = await whileRunning(saved, () => auditRow(decisionAudit(p, caseId, caseNumber, ticket)));
    const appointmentId = input.appointmentId ?? existing?.appointment_id; // a draft decided later links the one it was saved with
    if (appointmentId) await linkAppointment(trx, appointmentId, caseId, decision === 'draft');
    // A new case has no agent and no materials yet: only a draft being decided replaces them.
    if (existing) await replaceAgent(trx, caseId, agentColumns);
    else if (agentColumns) await insertAgent(trx, caseId, agentColumns);
    if (existing) await trx.deleteFrom('case_material').where('case_id', '=', caseId).execute();
    const outboxOf = () => decisionOutbox(p, row, ticket);
    const [, outbox] = materialRows.length ? await whileRunning(insertMaterials(trx, { rows: materialRows }), outboxOf) : [null, outboxOf()];
    if (files.length) await linkFiles(trx, { caseId, files, via: 'intake', clerkId: actor.id, at: atIso });
    // A saved draft holds its staged pages until it is decided.
    if (decision === 'draft' && input.materialsDraftId) await holdDraftPages(trx, caseId, input.materialsDraftId, atIso);
    else if (existing && decision !== 'draft') await releaseDraftPages(trx, caseId);
    // The audit entry is hashed while the history row is written.
    const [, linkedAudit] = await whileRunning(writeHistory(trx, caseId, atIso, status, extra.reason ?? null), () => linkAuditRow(audit));
    await appendLinkedRow(trx, linkedAudit);
    if (outbox) await insertOutboxRow(trx, outbox);
    return { caseId, caseNumber, status, at: atIso, promised, materials, itemCode: item.code, itemName: item.name };
  }

  private recordUsage(results: DecisionResult[]): void {
    for (const r of results) if (r.status !== 'draft') this.d.catalog.usage.record(r.itemCode, r.at);
  }

  /** 撤回: a draft the applicant abandoned, or an accepted case the applicant withdraws. */
  async withdraw(caseId: string, reason: string, actor: Actor) {
    const atIso = this.now().toISOString();
    let heldPages: string | null = null;
    const out = await this.d.db.transaction().execute(async (trx) => {
      const c = await loadCase(trx, caseId);
      if (!c) throw new AppError('NOT_FOUND', '找不到该办件。');
      if (!canTransition(c.status, 'withdrawn'))
        throw new AppError('CONFLICT', `该办件当前为“${CASE_STATUS_LABELS[c.status]}”，不能撤回。`);
      await trx.updateTable('intake_case').set({ status: 'withdrawn', withdraw_reason: reason, decided_at: atIso, updated_at: atIso }).where('id', '=', caseId).execute();
      await writeHistory(trx, caseId, atIso, 'withdrawn', reason);
      await appendAudit(trx, { actor: actor.id, action: 'case.withdraw', subject: caseId, detail: { caseNumber: c.case_number, from: c.status } });
      heldPages = await releaseDraftPages(trx, caseId);
      if (c.status !== 'draft') {
        const materials = await trx.selectFrom('case_material').selectAll().where('case_id', '=', caseId).orderBy('sort').execute();
        const files = await caseFilesByCode(trx, caseId);
        await enqueueOutbox(trx, caseEntry('case.withdrawn', { ...c, status: 'withdrawn', withdraw_reason: reason, decided_at: atIso, updated_at: atIso }, materials, null, undefined, files));
      }
      return { caseId, status: 'withdrawn' as const, decidedAt: atIso };
    });
    // The applicant left: a withdrawn draft's pages are not needed (after the commit, like a decision's).
    if (heldPages) await this.files.finish(heldPages);
    return out;
  }

  /** 补齐: one deferred material arrives; when none is left the case becomes accepted. */
  async supplement(input: { caseId: string; materialCode: string; via: 'received' | 'licence'; licenceId?: string; materialsDraftId?: string }, actor: Actor) {
    const atIso = this.now().toISOString();
    // The supplied material's staged pages, stored before the transaction like a decision's.
    const files = await this.files.prepare(input.materialsDraftId, [{ code: input.materialCode, slot: input.materialCode }]);
    const result = await this.d.db.transaction().execute(async (trx) => {
      const c = await loadCase(trx, input.caseId);
      if (!c) throw new AppError('NOT_FOUND', '找不到该办件。');
      const m = await trx.selectFrom('case_material').selectAll().where('case_id', '=', c.id).where('code', '=', input.materialCode).executeTakeFirst();
      if (input.via === 'licence' && !input.licenceId) throw new AppError('INVALID_INPUT', '以电子证照补齐时请扫描或选择证照。');
      // The same supplement again (a retry after a lost reply): it is done, so say where the case stands and write nothing.
      if (m?.state === 'supplied' && m.licence_id === (input.via === 'licence' ? input.licenceId! : null)) return { caseId: c.id, status: c.status, outstanding: await outstanding(trx, c.id) };
      if (c.status !== 'accepted_deferred') throw new AppError('CONFLICT', '该办件没有待补齐的容缺材料。');
      if (!m || m.state !== 'deferred') throw new AppError('CONFLICT', '该材料不是待补齐的容缺材料，或已经补齐。');
      await trx
        .updateTable('case_material')
        .set({ state: 'supplied', supplied_at: atIso, licence_id: input.via === 'licence' ? input.licenceId! : null })
        .where('case_id', '=', c.id)
        .where('code', '=', m.code)
        .execute();
      const left = await outstanding(trx, c.id);
      const status: CaseStatus = left === 0 ? 'accepted' : 'accepted_deferred';
      await trx.updateTable('intake_case').set({ status, updated_at: atIso }).where('id', '=', c.id).execute();
      if (files.length) await linkFiles(trx, { caseId: c.id, files, via: 'supplement', clerkId: actor.id, at: atIso });
      await writeHistory(trx, c.id, atIso, status, `补齐：${m.name}`);
      await appendAudit(trx, {
        actor: actor.id,
        action: 'case.supplement',
        subject: c.id,
        detail: { caseNumber: c.case_number, material: m.code, outstanding: left, ...(files.length && { files: files.map((f) => ({ sha256: f.sha256, pages: f.pages })) }) },
      });
      const materials = await trx.selectFrom('case_material').selectAll().where('case_id', '=', c.id).orderBy('sort').execute();
      await enqueueOutbox(trx, caseEntry('case.supplemented', { ...c, status, updated_at: atIso }, materials, null, undefined, await caseFilesByCode(trx, c.id)));
      return { caseId: c.id, status, outstanding: left };
    });
    if (files.length) await this.files.finish(input.materialsDraftId);
    return result;
  }
}

/**
 * The case an appointment (预约到号) led to: the appointment must exist here; a decided case takes it
 * (the first one, should the clerk start two intakes from one appointment).
 */
async function linkAppointment(trx: Transaction<DB>, appointmentId: string, caseId: string, draft: boolean): Promise<void> {
  const a = await trx.selectFrom('appointment').select(['id', 'case_id']).where('id', '=', appointmentId).executeTakeFirst();
  if (!a) throw new AppError('INVALID_INPUT', '找不到该预约：请重新读卡或扫描预约码。');
  if (!draft && a.case_id === null) await trx.updateTable('appointment').set({ case_id: caseId }).where('id', '=', appointmentId).execute();
}

/** How many deferred materials of a case are still to be supplied. */
async function outstanding(trx: Transaction<DB>, caseId: string): Promise<number> {
  return (await trx.selectFrom('case_material').select('code').where('case_id', '=', caseId).where('state', '=', 'deferred').execute()).length;
}

function verb(d: Decision): string {
  return { draft: '修改', accept: '受理', deferred: '容缺受理', reject: '不予受理' }[d];
}

function checkServedParty(parties: string[], a: Applicant): void {
  const forPersons = parties.includes('1');
  const forOrgs = parties.some((p) => p !== '1');
  if (a.kind === 'person' && !forPersons) throw new AppError('INVALID_INPUT', '该事项的办理对象不含自然人，请以企业或组织身份申请。');
  if (a.kind === 'enterprise' && !forOrgs) throw new AppError('INVALID_INPUT', '该事项只面向自然人，请以个人身份申请。');
}
