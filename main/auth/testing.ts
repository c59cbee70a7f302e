import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventBus } from '../events/renderer-events';
import { openDatabase, type Database } from '../db/database';
import type { Migration } from '../../platform/db/migrator';
import { migrations } from '../db/migrations';
import { migration001 } from '../db/migrations/001-core';
import { migration005 } from '../db/migrations/005-staff';
import { createLogger } from '../../platform/log/logger';
import { AuthService } from './auth-service';
import type { LockoutPolicy } from './lockout';
import { hashPassword, type ScryptParams } from './password-hash';
import { insertStaff } from './roster';
import { SessionStore } from './session';

/** Cheap scrypt for tests (the real cost is measured in bench/auth.ts). */
export const TEST_PARAMS: ScryptParams = { N: 1024, r: 8, p: 1 };

export function tempDir(prefix = 'yc-auth-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Core (001) and staff (005) only, with empty stand-ins between: the auth tests do not depend on
 * other subsystems' tables (or on their work in progress).
 */
export function authMigrations(): Migration[] {
  const out: Migration[] = [migration001];
  for (let v = 2; v <= 4; v++) out.push({ version: v, name: `placeholder-${v}`, up: async () => undefined });
  out.push(migration005);
  return out;
}

/** Every registered migration, plus 005 (and an empty stand-in for any version not landed yet). */
export function allMigrations(): Migration[] {
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  if (!byVersion.has(5)) byVersion.set(5, migration005);
  const out: Migration[] = [];
  for (let v = 1; v <= Math.max(...byVersion.keys()); v++)
    out.push(byVersion.get(v) ?? { version: v, name: `placeholder-${v}`, up: async () => undefined });
  return out;
}

export async function openTestDatabase(dir: string): Promise<Database> {
  return openDatabase(dir, { migrations: authMigrations() });
}

export async function addStaff(db: Database, staffId: string, password: string, roles: ('clerk' | 'supervisor' | 'maintenance')[] = ['clerk'], name = '测试员'): Promise<void> {
  await insertStaff(db.db, { staffId, name, roles, passwordHash: await hashPassword(password, TEST_PARAMS), passwordChangedAt: new Date().toISOString(), mustChangePassword: false, active: true, source: 'central' }, new Date());
}

export interface AuthFixture {
  dir: string;
  database: Database;
  sessions: SessionStore;
  events: EventBus;
  auth: AuthService;
  seen: unknown[];
  close(): Promise<void>;
}

export async function authFixture(opts: { mode?: 'normal' | 'demo'; idleLockSeconds?: number; lockout?: LockoutPolicy; now?: () => Date } = {}): Promise<AuthFixture> {
  const dir = tempDir();
  const database = await openTestDatabase(dir);
  const sessions = new SessionStore();
  const events = new EventBus();
  const seen: unknown[] = [];
  events.subscribe((name, payload) => {
    if (name === 'auth.state') seen.push(payload);
  });
  const auth = new AuthService({
    db: database.db,
    sessions,
    events,
    log: createLogger('auth-test'),
    mode: opts.mode ?? 'normal',
    dataDir: dir,
    idleLockSeconds: opts.idleLockSeconds ?? 0,
    params: TEST_PARAMS,
    ...(opts.lockout ? { lockout: opts.lockout } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  await auth.init();
  return {
    dir,
    database,
    sessions,
    events,
    auth,
    seen,
    async close() {
      auth.close();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
