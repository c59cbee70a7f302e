import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '../main/auth/password-hash';
import { insertStaff } from '../main/auth/roster';
import { openDatabase } from '../main/db/database';
import { startHostProcess, type RunningHost } from '../e2e/host-fixture';
import type { Bench } from './types';

const INTAKES = 1000;
const STAFF = { id: 'bench01', password: 'Bench-Pass-2026!' };

/** Resident set size of a process from /proc (kB → MB); null where /proc is not there. */
function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The device service: the host's child process (a Node fork of dist/device-service.cjs). */
function deviceServicePid(hostPid: number): number | null {
  try {
    const children = fs.readFileSync(`/proc/${hostPid}/task/${hostPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.find((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('device-service')) ?? null;
  } catch {
    return null;
  }
}

async function invoke<T>(host: RunningHost, method: string, input?: unknown): Promise<T> {
  const res = await fetch(`${host.url}/api/invoke`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method, input }),
  });
  const r = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/**
 * Memory of a normal (not training) host after 1,000 intakes through its HTTP API, as a clerk
 * signed in: the host process and its device-service child, against the same two at start.
 */
export const bench: Bench = {
  name: 'host-rss',
  async run() {
    if (process.platform !== 'linux') throw new Error('host-rss reads /proc: Linux only');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-rss-'));
    // A clerk in the cached roster, as the central platform would deliver one.
    const database = await openDatabase(dataDir);
    try {
      const now = new Date();
      await insertStaff(
        database.db,
        { staffId: STAFF.id, name: '基准', roles: ['clerk'], passwordHash: await hashPassword(STAFF.password), passwordChangedAt: now.toISOString(), mustChangePassword: false, active: true, source: 'central' },
        now,
      );
    } finally {
      await database.close();
    }
    const host = await startHostProcess({ dataDir, env: { YICHUANG_DEV: '0' } });
    try {
      const hostPid = host.process.pid!;
      await invoke(host, 'auth.signIn', { staffId: STAFF.id, password: STAFF.password });
      const found = await invoke<{ items: Array<{ code: string }> }>(host, 'catalog.search', { q: 'jzzsl', limit: 1 });
      const item = await invoke<{ code: string; materials: Array<{ code: string }> }>(host, 'catalog.item', { code: found.items[0]!.code });
      let devicePid: number | null = null;
      for (let i = 0; i < 50 && devicePid === null; i++) {
        devicePid = deviceServicePid(hostPid);
        if (devicePid === null) await new Promise((r) => setTimeout(r, 100));
      }
      const startHost = rssMb(hostPid);
      const startDevice = devicePid ? rssMb(devicePid) : null;
      const t0 = performance.now();
      let halfHost = 0;
      for (let i = 0; i < INTAKES; i++) {
        if (i === INTAKES / 2) halfHost = rssMb(hostPid)!;
        await invoke(host, 'intake.accept', {
          itemCode: item.code,
          applicant: { kind: 'person', idType: 'resident', idNumber: '11010519491231002X', name: `测试${i}` },
          materials: item.materials.map((m) => ({ code: m.code, state: 'received' })),
        });
      }
      const seconds = (performance.now() - t0) / 1000;
      const endHost = rssMb(hostPid)!;
      const endDevice = devicePid ? rssMb(devicePid) : null;
      return [
        {
          bench: 'host-rss',
          ratio: endHost / startHost!,
          baseline: 'the same host process right after start, before the intakes (same run)',
          goal: 'reported, no limit set: memory should level off, not grow with every case',
          intakes: INTAKES,
          host_rss_start_mb: startHost!,
          host_rss_half_mb: halfHost,
          host_rss_after_mb: endHost,
          device_service_rss_start_mb: startDevice ?? -1,
          device_service_rss_after_mb: endDevice ?? -1,
          intakes_per_s: INTAKES / seconds,
        },
      ];
    } finally {
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
