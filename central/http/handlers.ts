import type { z } from 'zod';
import type * as api from '../../common/sync/api';
import type { RouteName } from '../../common/sync/routes';
import type { CentralStore } from '../db/open';
import type { DeviceIdentity } from '../store/credentials';
import { redeemEnrolmentCode } from '../store/enrolment';
import { ingestBatch, touchDevice } from '../store/ingest';
import * as q from '../store/queries';
import { linkIfReceived, listReceivedBlobs } from '../store/blobs';
import type { UploadEndpoint } from '../uploads/endpoint';
import { hallPendingHandovers, recordCaseResult } from '../store/results';
import type { Faults } from './faults';
import { HttpError } from './io';

export interface HandlerContext {
  store: CentralStore;
  secret: Buffer;
  who: DeviceIdentity | null;
  body: any;
  query: any;
  faults: Faults;
  uploads: UploadEndpoint;
}

type Handler = (ctx: HandlerContext) => Promise<Record<string, unknown>>;

const device = (ctx: HandlerContext): DeviceIdentity => {
  if (!ctx.who) throw new HttpError(401, 'UNAUTHENTICATED', '缺少设备凭据。');
  return ctx.who;
};

/** A change of a case the central has not received answers 404. */
async function knownCase<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof q.UnknownCaseError) throw new HttpError(404, 'NOT_FOUND', err.message);
    throw err;
  }
}

/** One function per route; the server adds the envelope (generation, server time). */
export function centralHandlers(): Record<RouteName, Handler> {
  return {
    health: async () => ({ ok: true, apiVersion: 1 }),
    enroll: async (ctx) => {
      const body = ctx.body as z.output<typeof api.EnrollRequest>;
      const enrolled = await redeemEnrolmentCode(ctx.store.db, ctx.secret, body.code, body.deviceName);
      if (!enrolled) throw new HttpError(400, 'CODE_INVALID', '注册码无效、已使用或已过期：请向中心平台管理员申请新的注册码。');
      return { ...enrolled };
    },
    push: async (ctx) => ({ results: await ingestBatch(ctx.store.db, device(ctx), (ctx.body as z.output<typeof api.PushRequest>).items) }),
    heartbeat: async (ctx) => {
      const b = ctx.body as z.output<typeof api.HeartbeatRequest>;
      await touchDevice(ctx.store.db, device(ctx), new Date().toISOString(), {
        pending: b.pending,
        parked: b.parked,
        oldest_pending_at: b.oldestPendingAt,
        clock_skew_ms: b.clockSkewMs,
      });
      return {};
    },
    catalog: async (ctx) => q.catalogSince(ctx.store.db, ctx.query.since, ctx.query.limit),
    caseStatus: async (ctx) => q.caseStatusSince(ctx.store.db, device(ctx).hall, ctx.query.since, ctx.query.limit),
    licences: async (ctx) => q.licencesOf(ctx.store.db, ctx.query.holderId),
    credit: async (ctx) => q.creditOf(ctx.store.db, ctx.query.subject, ctx.query.subjectType),
    hallStats: async (ctx) => q.hallStats(ctx.store.db, device(ctx), ctx.query.date),
    adminCaseStatus: async (ctx) => ({ cursor: await knownCase(q.recordCaseStatus(ctx.store.db, ctx.body)) }),
    hallHandovers: async (ctx) => hallPendingHandovers(ctx.store.db, device(ctx), ctx.query.limit),
    adminCaseResult: async (ctx) => ({ cursor: await knownCase(recordCaseResult(ctx.store.db, ctx.body)) }),
    adminCatalog: async (ctx) => ({ version: await q.publishCatalog(ctx.store.db, ctx.body.changes) }),
    adminStats: async (ctx) => q.centralCounts(ctx.store.db),
    blobConfirm: async (ctx) => {
      const who = device(ctx);
      const b = ctx.body as z.output<typeof api.BlobConfirmRequest>;
      if (await linkIfReceived(ctx.store.db, b, who.deviceId)) return { received: true };
      return { received: b.uploadId ? await ctx.uploads.finalizeIfComplete(b.uploadId, who.deviceId, b) : false };
    },
    adminBlobs: async (ctx) => ({ blobs: await listReceivedBlobs(ctx.store.db) }),
    adminCases: async (ctx) => ({ cases: await q.allCases(ctx.store.db) }),
    adminFaults: async (ctx) => {
      ctx.faults.arm(ctx.body);
      return {};
    },
  };
}
