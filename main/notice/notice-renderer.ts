import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import type { CaseDetail } from '../../common/contract/cases';
import { AppError } from '../../common/contract/errors';
import { escapeHtml, renderTemplate } from './template';

export interface NoticeContext {
  hallName: string;
  windowName: string;
  department: string;
  /** The applicant's signature on the applicant screen (main/applicant-screen), or a refusal. */
  signature?: NoticeSignature | null;
}

export interface NoticeSignature {
  outcome: 'signed' | 'refused';
  sha256: string | null;
  refusalReason: string | null;
  pngBase64: string | null;
}

export interface RenderedNotice {
  kind: 'acceptance' | 'rejection';
  title: string;
  html: string;
}

/** China time, for printing: `2026年11月27日 09:05`. */
function printTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${p(d.getUTCMonth() + 1)}月${p(d.getUTCDate())}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/**
 * 受理通知书 / 不予受理通知书 from the HTML templates in resources/templates: masked applicant,
 * materials received and deferred, promised date, and a QR code (inline SVG) of the case number.
 * The same HTML is previewed in the browser host and printed by Electron (print / PDF).
 */
export class NoticeRenderer {
  private readonly templates = new Map<string, string>();

  constructor(private readonly templatesDir: string) {}

  private template(name: string): string {
    let t = this.templates.get(name);
    if (!t) {
      t = fs.readFileSync(path.join(this.templatesDir, name), 'utf8');
      this.templates.set(name, t);
    }
    return t;
  }

  async render(c: CaseDetail, ctx: NoticeContext, now = new Date()): Promise<RenderedNotice> {
    if (!c.caseNumber || (c.status !== 'accepted' && c.status !== 'accepted_deferred' && c.status !== 'rejected'))
      throw new AppError('CONFLICT', '只有已受理、容缺受理或不予受理的办件才能打印通知书。');
    const qrSvg = await QRCode.toString(c.caseNumber, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    const common = {
      caseNumber: c.caseNumber,
      hallName: ctx.hallName || '政务服务大厅',
      windowName: ctx.windowName || `${c.windowCode} 窗口`,
      applicantName: c.applicant?.name ?? '',
      applicantId: c.applicant?.idNumber ?? c.applicant?.uscc ?? '',
      itemName: c.itemName,
      department: ctx.department,
      decidedAt: printTime(c.decidedAt),
      clerkName: c.clerk.name,
      printDate: printTime(now.toISOString()).slice(0, 11),
    };
    const shown = c.status === 'rejected' ? c.materials.filter((m) => m.state !== 'not_provided') : c.materials.filter((m) => m.state !== 'not_provided' || m.required);
    const materialRows =
      shown
        .map(
          (m, i) =>
            `<tr${m.state === 'deferred' ? ' class="deferred"' : ''}><td>${i + 1}</td><td>${escapeHtml(m.name)}</td><td>${m.originals}</td><td>${m.copies}</td><td>${escapeHtml(
              m.state === 'licence' ? `电子证照 ${m.licenceId ?? ''}` : m.state === 'deferred' ? `容缺，${m.deadline ?? ''} 前补齐` : m.stateLabel,
            )}</td></tr>`,
        )
        .join('\n    ') || '<tr><td colspan="5">无</td></tr>';
    if (c.status === 'rejected') {
      const html = renderTemplate(this.template('rejection-notice.html'), { ...common, reason: c.rejectReason ?? '' }, { qrSvg, materialRows });
      return { kind: 'rejection', title: '不予受理通知书', html };
    }
    const deferred = c.materials.filter((m) => m.state === 'deferred');
    const deferredBlock = deferred.length
      ? `<p class="deferred">容缺受理承诺：申请人承诺于以下期限前补齐容缺材料，逾期未补齐的，本申请按规定处理。</p><ul>${deferred
          .map((m) => `<li>${escapeHtml(m.name)}：${escapeHtml(m.deadline ?? '')} 前${m.deadlineProvisional ? '（暂定）' : ''}</li>`)
          .join('')}</ul><p>承诺事项：${escapeHtml(deferred[0]?.commitmentNote ?? '')}</p>`
      : '';
    const html = renderTemplate(
      this.template('acceptance-notice.html'),
      {
        ...common,
        title: '受理通知书',
        promisedLimit: c.promisedLimitText,
        promisedDate: c.promisedDate ?? '',
        provisionalNote: c.promisedProvisional ? '（暂定：该年度节假日尚未公布）' : '',
        lead:
          c.status === 'accepted_deferred'
            ? '您提出的申请，主要申请材料齐全、符合法定形式，现予以容缺受理。请按承诺期限补齐下列标注的材料。'
            : '您提出的申请，申请材料齐全、符合法定形式，现予以受理。',
      },
      { qrSvg, materialRows, deferredBlock, signatureBlock: signatureBlock(ctx.signature ?? null) },
    );
    return { kind: 'acceptance', title: '受理通知书', html };
  }
}

/** 申请人（签字）: the signature image with its SHA-256, a recorded refusal, or a line to sign by hand. */
function signatureBlock(sig: NoticeSignature | null): string {
  if (sig?.outcome === 'signed' && sig.pngBase64 && sig.sha256)
    return `<div class="signature">申请人（签字）：<img class="signature-img" alt="申请人签名" src="data:image/png;base64,${escapeHtml(sig.pngBase64)}"><div class="signature-hash">签名 SHA-256：${escapeHtml(sig.sha256)}</div></div>`;
  if (sig?.outcome === 'refused') return `<div class="signature">申请人（签字）：申请人拒绝签名（${escapeHtml(sig.refusalReason ?? '')}）</div>`;
  return '<div>申请人（签字）：＿＿＿＿＿＿</div>';
}
