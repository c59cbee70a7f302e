import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { CentralClient, CentralError } from './central-client';
import { observeGeneration } from './generation';
import { writeSyncMeta } from './sync-meta';

export interface EnrolResult {
  deviceId: string;
  hall: string;
  window: string;
  centralUrl: string;
}

/** Parses a central address the clerk typed; only http(s), no credentials in it. */
export function normaliseCentralUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new CentralError('refused', `中心平台地址无效：${raw.slice(0, 100)}（示例：https://zwfw.example.gov.cn）`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CentralError('refused', '中心平台地址必须以 http:// 或 https:// 开头。');
  if (url.username || url.password) throw new CentralError('refused', '中心平台地址中不能包含用户名或密码。');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/**
 * Exchanges a one-time code for a device credential and stores the enrolment. Re-enrolling to a
 * different central platform is allowed; its generation differs, so everything held is re-offered.
 */
export async function enrol(db: Kysely<DB>, centralUrl: string, code: string, deviceName?: string): Promise<EnrolResult> {
  const baseUrl = normaliseCentralUrl(centralUrl);
  const client = new CentralClient({ baseUrl, timeoutMs: 15_000 });
  const r = await client.call('enroll', { body: { code, deviceName } });
  await writeSyncMeta(db, { centralUrl: baseUrl, credential: r.credential, deviceId: r.deviceId, hall: r.hall, window: r.window, enrolledAt: r.serverTime, lastError: null, nextRetryAt: null });
  await observeGeneration(db, r.generation, r.serverTime);
  return { deviceId: r.deviceId, hall: r.hall, window: r.window, centralUrl: baseUrl };
}
