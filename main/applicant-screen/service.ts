import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ApplicantScreenState } from '../../common/contract/applicant-screen';
import { APPLICANT_SCREEN_CALLER } from '../../common/contract/applicant-screen';
import type { CaseDetail } from '../../common/contract/cases';
import { AppError } from '../../common/contract/errors';
import { inkLength, MIN_INK, SignatureStrokes, type SignatureSource, type Stroke } from '../../common/domain/signature';
import { appendAudit } from '../audit/chain';
import type { PiiCipher } from '../crypto/pii-cipher';
import { enqueueOutbox } from '../db/outbox';
import type { DB } from '../db/schema';
import type { Logger } from '../../platform/log/logger';
import { applicantRecord, type Presentation } from './presentation';
import { renderSignaturePng, sha256Hex } from './signature-png';

export interface SignatureRecord {
  outcome: 'signed' | 'refused';
  sha256: string | null;
  refusalReason: string | null;
  at: string;
  pngBase64: string | null;
}

export interface ApplicantScreenDeps {
  db: Kysely<DB>;
  pii: PiiCipher;
  /** The case as the clerk's screens see it (applicant masked). */
  caseDetail(caseId: string): Promise<CaseDetail>;
  /** The acceptance notice as it will print, with the signature if there is one. */
  noticeHtml(c: CaseDetail, signature: SignatureRecord | null): Promise<string>;
  /** Hall and window names, the hall notice, the clerk signed in (for the idle view). */
  idle(): ApplicantScreenState['idle'];
  /** Records a 好差评 rating from this screen (channel 大厅平板) and answers the on-screen prompt. */
  rate(input: { caseId: string; promptId: string; level: number; reasons: string[] }, clerkId: string): Promise<void>;
  /** Answers a prompt that named no case (the clerk's window records it). */
  answerPrompt(promptId: string, level: number, reasons: string[]): boolean;
  publish(state: ApplicantScreenState): void;
  log: Logger;
  now?: () => Date;
}

/**
 * The applicant screen's state and what the applicant does on it: review the record the clerk put
 * in front of them, confirm it (确认无误), sign or refuse to sign, rate. Signing keeps the strokes and
 * a PNG rendered from them here (so its SHA-256 is reproducible), both sealed; the hash goes into the
 * audit chain and onto the case in one transaction. One presentation at a time, as there is one
 * applicant at the counter.
 */
export class ApplicantScreenService {
  private presentation: (Presentation & { clerkId: string }) | null = null;
  private rating: ApplicantScreenState['rating'] = null;
  private attachedScreens = 0;
  /** Strokes from a HID signature pad for the presentation being signed (native/signature-pad). */
  private padStrokes: Stroke[] = [];
  private readonly now: () => Date;

  constructor(private readonly deps: ApplicantScreenDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  state(): ApplicantScreenState {
    const p = this.presentation;
    return {
      idle: this.deps.idle(),
      presentation: p ? { presentationId: p.presentationId, stage: p.stage, record: p.record, outcome: p.outcome } : null,
      rating: this.rating,
    };
  }

  /**
   * A transport opened an applicant screen (the host's WebSocket, Electron's second window). The clerk's
   * window waits for the signature before the rating only when one is attached. Returns the detach.
   */
  attach(): () => void {
    this.attachedScreens++;
    let attached = true;
    return () => {
      if (attached) this.attachedScreens--;
      attached = false;
    };
  }

  get attached(): boolean {
    return this.attachedScreens > 0;
  }

  /** The clerk shows a decided case to the applicant. A case signed before opens at its outcome. */
  async present(caseId: string): Promise<{ presentationId: string; attached: boolean } & Pick<Presentation, 'stage' | 'outcome'>> {
    // The clerk's screen shown again (after a lock, say): the applicant carries on where they were.
    const open = this.presentation;
    if (open?.record.caseId === caseId && open.stage !== 'done') return this.presented(open);
    const detail = await this.deps.caseDetail(caseId);
    if (detail.status !== 'accepted' && detail.status !== 'accepted_deferred')
      throw new AppError('CONFLICT', '只有已受理或容缺受理的办件才能请申请人确认签名。');
    const existing = await this.signatureOf(caseId);
    const record = applicantRecord(detail, await this.deps.noticeHtml(detail, existing));
    this.presentation = {
      presentationId: uuidv7(),
      stage: existing ? 'done' : 'review',
      record,
      outcome: existing ? { outcome: existing.outcome, sha256: existing.sha256, at: existing.at } : null,
      clerkId: detail.clerk.id,
    };
    this.changed();
    return this.presented(this.presentation);
  }

  private presented(p: Presentation) {
    return { presentationId: p.presentationId, attached: this.attached, stage: p.stage, outcome: p.outcome };
  }

  clear(): boolean {
    const had = this.presentation !== null || this.rating !== null;
    this.presentation = null;
    this.rating = null;
    this.changed();
    return had;
  }

  confirm(presentationId: string): ApplicantScreenState {
    const p = this.current(presentationId, 'review');
    p.stage = 'sign';
    this.changed();
    return this.state();
  }

  async sign(presentationId: string, strokes: Stroke[], source: SignatureSource): Promise<{ sha256: string; state: ApplicantScreenState }> {
    const p = this.current(presentationId, 'sign');
    this.padStrokes = [];
    if (inkLength(strokes) < MIN_INK) throw new AppError('INVALID_INPUT', '签名过短，无法辨认：请清除后在签名区内完整书写姓名。');
    const png = renderSignaturePng(strokes);
    const sha256 = sha256Hex(png);
    const at = this.now().toISOString();
    await this.record(p, {
      outcome: 'signed',
      source,
      strokes_sealed: this.deps.pii.seal(JSON.stringify(strokes)),
      png_sealed: this.deps.pii.seal(png.toString('base64')),
      sha256,
      refusal_reason: null,
      at,
      detail: { sha256, source, strokes: strokes.length, points: strokes.reduce((n, s) => n + s.points.length, 0) },
    });
    await this.finish(p, { outcome: 'signed', sha256, at });
    return { sha256, state: this.state() };
  }

  async refuse(presentationId: string, reason: string, text?: string): Promise<ApplicantScreenState> {
    const p = this.current(presentationId, 'sign', 'review');
    const why = text ? `${reason}：${text}` : reason;
    const at = this.now().toISOString();
    await this.record(p, { outcome: 'refused', source: null, strokes_sealed: null, png_sealed: null, sha256: null, refusal_reason: why, at, detail: { reason: why } });
    await this.finish(p, { outcome: 'refused', sha256: null, at });
    return this.state();
  }

  /** The applicant rated on this screen: recorded here, so a locked clerk window loses nothing. */
  async rate(promptId: string, level: number, reasons: string[]): Promise<{ recorded: boolean }> {
    const prompt = this.rating;
    if (!prompt || prompt.promptId !== promptId) throw new AppError('CONFLICT', '评价已结束或已被工作人员撤回。');
    if (prompt.caseId) {
      const clerkId = this.presentation?.record.caseId === prompt.caseId ? this.presentation.clerkId : (await this.deps.caseDetail(prompt.caseId)).clerk.id;
      await this.deps.rate({ caseId: prompt.caseId, promptId, level, reasons }, clerkId);
    } else {
      this.deps.answerPrompt(promptId, level, reasons);
    }
    this.rating = null;
    this.changed();
    return { recorded: prompt.caseId !== null };
  }

  async signatureOf(caseId: string): Promise<SignatureRecord | null> {
    const r = await this.deps.db.selectFrom('case_signature').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    if (!r) return null;
    return { outcome: r.outcome, sha256: r.sha256, refusalReason: r.refusal_reason, at: r.at, pngBase64: r.png_sealed ? this.deps.pii.open(r.png_sealed) : null };
  }

  /** The on-screen 好差评 prompt opened or ended (the evaluator service's events). */
  promptOpened(promptId: string, caseId: string | null): void {
    this.rating = { promptId, caseId };
    this.changed();
  }

  promptEnded(promptId: string): void {
    if (this.rating?.promptId !== promptId) return;
    this.rating = null;
    this.changed();
  }

  /**
   * An event of a HID signature pad: strokes gather while the record is at the signature step; the
   * pad's 确认 key signs with them (source `pad`), 重签 / 取消 start again. Outside the signature step
   * the pad is ignored. A problem (too short, not valid) is logged and the strokes are dropped.
   */
  async padEvent(e: { type: 'stroke'; points: Stroke['points'] } | { type: 'confirm' | 'clear' | 'cancel' }): Promise<void> {
    const p = this.presentation;
    if (!p || p.stage !== 'sign') {
      this.padStrokes = [];
      return;
    }
    if (e.type === 'stroke') this.padStrokes.push({ points: e.points });
    else if (e.type === 'clear' || e.type === 'cancel') this.padStrokes = [];
    else {
      const strokes = SignatureStrokes.safeParse(this.padStrokes);
      this.padStrokes = [];
      if (!strokes.success) return this.deps.log.warn({ issues: strokes.error.issues.length }, 'signature pad strokes refused');
      await this.sign(p.presentationId, strokes.data, 'pad').catch((err: unknown) => this.deps.log.warn({ err }, 'signature from the pad not recorded'));
    }
  }

  /** The idle view's inputs changed (settings). */
  refresh(): void {
    this.changed();
  }

  /** Another staff member took the window, or nobody is signed in: the applicant's record goes. */
  staffChanged(): void {
    if (this.presentation || this.rating) this.clear();
    else this.changed();
  }

  private current(presentationId: string, ...stages: Presentation['stage'][]): Presentation & { clerkId: string } {
    const p = this.presentation;
    if (!p || p.presentationId !== presentationId) throw new AppError('CONFLICT', '该办件已不在申请人屏上，请等待工作人员重新展示。');
    if (!stages.includes(p.stage)) throw new AppError('CONFLICT', p.stage === 'done' ? '该办件已签名确认。' : '请先确认办件信息无误。');
    return p;
  }

  private async record(
    p: Presentation & { clerkId: string },
    row: { outcome: 'signed' | 'refused'; source: string | null; strokes_sealed: string | null; png_sealed: string | null; sha256: string | null; refusal_reason: string | null; at: string; detail: Record<string, unknown> },
  ): Promise<void> {
    const caseId = p.record.caseId;
    await this.deps.db.transaction().execute(async (trx) => {
      const done = await trx.selectFrom('case_signature').select('outcome').where('case_id', '=', caseId).executeTakeFirst();
      if (done) throw new AppError('CONFLICT', done.outcome === 'signed' ? '该办件已签名。' : '该办件已记录拒绝签名。');
      const { detail, ...values } = row;
      await trx.insertInto('case_signature').values({ id: uuidv7(), case_id: caseId, clerk_id: p.clerkId, ...values }).execute();
      await trx.updateTable('intake_case').set({ signature_sha256: row.sha256, signature_state: row.outcome }).where('id', '=', caseId).execute();
      await enqueueOutbox(trx, {
        kind: 'case.signed',
        aggregateId: caseId,
        payload: { caseId, caseNumber: p.record.caseNumber, outcome: row.outcome, sha256: row.sha256, refusalReason: row.refusal_reason, source: row.source as 'screen' | 'pad' | null, at: row.at },
      });
      await appendAudit(trx, {
        actor: APPLICANT_SCREEN_CALLER.staffId,
        action: row.outcome === 'signed' ? 'case.sign' : 'case.signRefused',
        subject: caseId,
        detail: { ...detail, caseNumber: p.record.caseNumber, clerkId: p.clerkId },
      });
    });
  }

  private async finish(p: Presentation & { clerkId: string }, outcome: NonNullable<Presentation['outcome']>): Promise<void> {
    p.stage = 'done';
    p.outcome = outcome;
    try {
      const detail = await this.deps.caseDetail(p.record.caseId);
      p.record = { ...p.record, noticeHtml: await this.deps.noticeHtml(detail, await this.signatureOf(p.record.caseId)) };
    } catch (err) {
      this.deps.log.warn({ err, caseId: p.record.caseId }, 'notice with the signature could not be rendered');
    }
    this.changed();
  }

  private changed(): void {
    this.deps.publish(this.state());
  }
}
