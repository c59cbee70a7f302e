import { withIdCheckChar } from '../../common/domain/id-number';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CalendarService } from '../catalog/calendar-service';
import { CatalogService } from '../catalog/catalog-service';
import { AesGcmPiiCipher } from '../crypto/pii-cipher';
import { openDatabase, type Database } from '../db/database';
import { NoticeRenderer } from '../notice/notice-renderer';
import { ReviewsService } from '../reviews/reviews-service';
import { CardTokens } from './card-tokens';
import { CaseQueries } from './case-queries';
import { IntakeService } from './intake-service';
import { createMaterials } from '../materials/module';
import type { StoreFs } from '../materials/sealed-files';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The intake services over a real database file in a temp folder, with a settable clock (tests only). */
export async function openTestStack(opts: { now?: Date; materials?: { fs?: StoreFs }; dir?: string } = {}) {
  // `dir`: the data folder of a stack closed with `keepFiles`, reopened as a restarted window would.
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'yc-intake-'));
  const database: Database = await openDatabase(dir);
  const clock = { now: opts.now ?? new Date('2026-09-29T02:00:00Z') };
  const now = () => clock.now;
  const pii = new AesGcmPiiCipher(crypto.randomBytes(32));
  const calendar = new CalendarService(database.db);
  await calendar.load();
  const catalog = new CatalogService(database.db);
  await catalog.start(path.join(ROOT, 'resources', 'catalog'));
  const cards = new CardTokens();
  // 材料电子化 on the same database and folder, when a test asks for it (fs: a failing disk).
  const materials = opts.materials
    ? (await createMaterials({ database, pii, dataDir: dir, retentionDays: () => 30, now, ...(opts.materials.fs ? { fs: opts.materials.fs } : {}) })).service
    : undefined;
  const intake = new IntakeService({
    db: database.db,
    pii,
    catalog,
    calendar,
    cards,
    ...(materials ? { materials } : {}),
    identity: async () => ({ hallCode: 'HK01', windowCode: 'W03', enrolled: true }),
    now,
  });
  return {
    dir,
    database,
    db: database.db,
    clock,
    pii,
    calendar,
    catalog,
    cards,
    intake,
    materials,
    cases: new CaseQueries(database.db, pii, now),
    reviews: new ReviewsService(database.db, calendar, now),
    notices: new NoticeRenderer(path.join(ROOT, 'resources', 'templates')),
    actor: { id: 'clerk01', name: '王小明' },
    async close(keepFiles = false) {
      await database.close();
      if (!keepFiles) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type TestStack = Awaited<ReturnType<typeof openTestStack>>;

/** The code of the first item whose name contains `name`. */
export function itemCode(stack: TestStack, name: string): string {
  const hit = stack.catalog.search(name, 5).items.find((i) => i.name.includes(name));
  if (!hit) throw new Error(`no item ${name}`);
  return hit.code;
}

/** The resident applicant the intake tests share (a valid ID number, phone and address). */
export const SAMPLE_ID = withIdCheckChar('46010219900101002');
export const samplePerson = { kind: 'person' as const, idType: 'resident' as const, idNumber: SAMPLE_ID, name: '符海燕', phone: '13876543210', address: '海口市龙华区滨海大道 1 号' };

/** A resident card with SAMPLE_ID read at this window (云琼花): the token `intake.*` takes in place of the identity. */
export function putSampleCard(stack: TestStack): string {
  return stack.cards.put({
    deviceId: 'idcard-1',
    at: new Date().toISOString(),
    simulated: true,
    photoImage: null,
    photoNote: null,
    card: {
      cardType: 'resident', name: '云琼花', englishName: null, genderCode: '2', gender: '女', nationCode: '01', nation: '汉',
      nationality: null, birthDate: '1990-01-01', address: '海南省海口市美兰区', idNumber: SAMPLE_ID, authority: '海口市公安局美兰分局',
      validFrom: '2020-01-01', validTo: '2040-01-01', passNumber: null, issueCount: null, idNumberValid: true, photo: null,
    },
  });
}
