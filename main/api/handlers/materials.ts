import { appendAudit } from '../../audit/chain';
import type { Services } from '../services';
import type { CallContext, Handlers } from '../router';
import { actorOf } from './intake';

/**
 * 材料电子化 (common/contract/materials.ts). Staging changes are audited by draft and page id (never
 * a file name: it may carry a name); reading a case's file is audited by the service when the
 * ticket is issued.
 */
export function materialsHandlers(s: Services): Handlers {
  const audit = (ctx: CallContext, action: string, subject: string, detail: Record<string, unknown>) =>
    appendAudit(s.database.db, { actor: actorOf(ctx).id, action: `materials.${action}`, subject, detail });
  const m = s.materials;
  return {
    'materials.stagePage': async (input, ctx) => {
      const r = await m.stagePage({ ...input, clerkId: actorOf(ctx).id }, ctx.bytes!);
      await audit(ctx, 'stage', input.draftId, { material: input.materialCode, pageId: r.page.pageId, source: input.source, bytes: r.page.bytes, pages: r.page.pageCount, ...(input.crop && { crop: input.crop }) });
      return r;
    },
    'materials.listDraft': async ({ draftId }) => ({ draftId, slots: await m.listDraft(draftId) }),
    'materials.reorderPages': async ({ draftId, materialCode, pageIds }, ctx) => {
      const slot = await m.reorderPages(draftId, materialCode, pageIds);
      await audit(ctx, 'reorder', draftId, { material: materialCode, pageIds });
      return slot;
    },
    'materials.deletePage': async ({ draftId, pageId }, ctx) => {
      const slot = await m.deletePage(draftId, pageId);
      await audit(ctx, 'deletePage', draftId, { material: slot.materialCode, pageId });
      return slot;
    },
    'materials.rotatePage': async ({ draftId, pageId, rotation }, ctx) => {
      const page = await m.rotatePage(draftId, pageId, rotation);
      await audit(ctx, 'rotate', draftId, { pageId, rotation });
      return page;
    },
    'materials.cropPage': async ({ draftId, pageId, crop }, ctx) => {
      const page = await m.cropPage(draftId, pageId, crop);
      await audit(ctx, 'crop', draftId, { pageId, crop });
      return page;
    },
    'materials.openPage': ({ draftId, pageId }) => m.pageTicket(draftId, pageId),
    'materials.discardDraft': async ({ draftId }, ctx) => {
      const deleted = await m.discardDraft(draftId);
      if (deleted) await audit(ctx, 'discard', draftId, { deleted });
      return { deleted };
    },
    'materials.caseFiles': ({ caseId }) => m.caseFiles(caseId),
    'materials.openFile': ({ caseId, sha256 }, ctx) => m.fileTicket(caseId, sha256, actorOf(ctx).id),
    'materials.export': async ({ caseId, materialCode }, ctx) => {
      const { bytes: _bytes, ...out } = await m.exportFile(caseId, materialCode, actorOf(ctx).id);
      return out;
    },
  };
}
