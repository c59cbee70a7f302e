import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemCode, openTestStack, samplePerson, type TestStack } from '../intake/testing';
import { UsageStats } from './usage';
import path from 'node:path';
import { resourcesDir } from '../config/paths';
import { readSeed, readSeedKeys } from './catalog-service';
import { CatalogSearchIndex } from './search-index';
import { cachedSearchKeys, importKeys, keysOfItems, searchKeys } from './search-keys';

let s: TestStack;
beforeEach(async () => {
  s = await openTestStack();
});
afterEach(async () => s.close());

const names = (q: string, n = 5) => s.catalog.search(q, n).items.map((i) => i.name);

describe('catalog seed', () => {
  it('loads at least 40 items with materials and the three bundles', async () => {
    const info = await s.catalog.info();
    expect(info.itemCount).toBeGreaterThanOrEqual(40);
    expect(info).toMatchObject({ version: 1, bundleCount: 3, source: 'seed' });
    expect((await s.catalog.bundles()).map((b) => b.name).sort()).toEqual(['二手房转移登记一件事', '出生一件事', '失业一件事'].sort());
    const detail = await s.catalog.item(s.catalog.search('失业保险金申领', 1).items[0]!.code);
    expect(detail.allowsDeferred).toBe(true);
    expect(detail.licenceTypes.map((l) => l.name)).toContain('居民身份证');
    expect(detail.promisedLimitText).toBe('3个工作日');
  });
});

describe('seed search keys (shipped, so a fresh window does not load the pinyin dictionaries at start)', () => {
  it('resources/catalog/search-keys.json is what computing the keys gives; after editing items.json run `npx tsx scripts/seed-search-keys.ts`', () => {
    const dir = path.join(resourcesDir(), 'catalog');
    expect(readSeedKeys(dir)).toEqual(keysOfItems(readSeed(dir).items ?? []));
  });

  it('known keys are used as given; other texts are computed', () => {
    const keysOf = cachedSearchKeys({ 出生登记: { pinyin: 'given', initials: 'g' } });
    expect(keysOf('出生登记')).toEqual({ pinyin: 'given', initials: 'g' });
    expect(keysOf('失业登记')).toEqual(searchKeys('失业登记'));
  });

  it('the seeded rows carry the same keys as a seed keyed from scratch', async () => {
    const rows = await s.db.selectFrom('catalog_item').select(['name', 'department', 'search_pinyin', 'search_initials', 'search_dept_pinyin']).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const k = importKeys(r.name, r.department);
      expect({ p: r.search_pinyin, i: r.search_initials, d: r.search_dept_pinyin }).toEqual({ p: k.pinyin, i: k.initials, d: k.deptPinyin });
    }
  });
});

describe('catalog search', () => {
  it('finds items by Chinese name, full pinyin, initials, code and department', () => {
    expect(names('出生')[0]).toMatch(/^出生/);
    expect(names('chusheng')).toEqual(expect.arrayContaining(['出生登记（户口登记）', '出生医学证明签发']));
    expect(names('csdj')[0]).toBe('出生登记（户口登记）');
    expect(names('spjyxk')).toHaveLength(3);
    expect(names('000101120000')).toHaveLength(3);
    expect(s.catalog.search('000101120000', 1).items[0]!.matchedOn).toBe('code');
    expect(names('公积金')).toEqual(expect.arrayContaining(['住房公积金提取（购买存量住房）']));
    expect(names('不动产登记中心', 10).length).toBeGreaterThanOrEqual(4);
    expect(names('CSDJ')[0]).toBe('出生登记（户口登记）');
    expect(names('zzzzqqq')).toEqual([]);
  });

  it('ranks a prefix above a match inside the name, and this window\'s frequent items up within a tier', () => {
    const index = new CatalogSearchIndex(
      ['失业登记', '灵活就业人员参保登记', '失业保险金申领'].map((name, i) => ({ code: `C${i}`, baseCode: `B${i}`, name, department: '人社局', ...keys(name) })),
      (code) => (code === 'C2' ? 40 : 0),
    );
    const order = index.search('sy', 3).hits.map((h) => index.items[h.index]!.name);
    expect(order).toEqual(['失业保险金申领', '失业登记']);
    expect(index.search('dj', 3).hits.map((h) => index.items[h.index]!.name)).toEqual(['失业登记', '灵活就业人员参保登记']);
  });

  it('an empty query lists the items this window used most', async () => {
    const code = s.catalog.search('jiehundengji', 1).items[0]!.code;
    s.catalog.usage.record(code, new Date().toISOString());
    expect(s.catalog.search('', 3).items[0]).toMatchObject({ code, matchedOn: 'usage', usage: { count: 1 } });
  });

  it('at start, usage counts each item\'s cases of the last 90 days from the database (older cases do not count)', async () => {
    const code = itemCode(s, '内地居民结婚登记');
    const materials = (await s.catalog.materials(code)).map((m) => ({ code: m.code, state: 'received' as const }));
    const accept = async () => (await s.intake.accept({ itemCode: code, applicant: samplePerson, materials }, s.actor)).caseId;
    const old = await accept();
    await accept();
    await accept();
    await s.db.updateTable('intake_case').set({ created_at: '2026-01-02T02:00:00.000Z' }).where('id', '=', old).execute();
    const usage = new UsageStats();
    await usage.load(s.db, s.clock.now);
    expect(usage.of(code)).toEqual({ count: 2, lastUsedAt: s.clock.now.toISOString() });
    expect(usage.top(1)).toEqual([code]);
    expect(usage.of(itemCode(s, '失业登记'))).toEqual({ count: 0, lastUsedAt: null });
  });
});

function keys(name: string) {
  const k = searchKeys(name);
  return { pinyin: k.pinyin, initials: k.initials, deptPinyin: '' };
}

describe('bundles (一件事)', () => {
  it('出生一件事: situations select items; shared materials are asked once; unmarried parents drop the marriage certificate', async () => {
    const open = await s.catalog.bundle('birth', {});
    expect(open.unanswered).toEqual(['married', 'services', 'mother_insured']);
    const r = await s.catalog.bundle('birth', { married: 'no', services: ['insure', 'ssc'], mother_insured: 'yes' });
    expect(r.unanswered).toEqual([]);
    expect(r.items.map((i) => i.name)).toEqual(['出生医学证明签发', '生育登记服务', '出生登记（户口登记）', '新生儿参加城乡居民基本医疗保险登记', '社会保障卡申领', '生育津贴申领']);
    const idCard = r.materials.find((m) => m.key === 'ID_CARD')!;
    expect(idCard.usedBy.length).toBeGreaterThanOrEqual(5);
    expect(r.materials.filter((m) => m.key === 'ID_CARD')).toHaveLength(1);
    expect(r.materials.find((m) => m.key === 'MARRIAGE')).toBeUndefined();
    expect(r.materials.find((m) => m.key === 'PATERNITY')).toMatchObject({ required: true, deferrable: false });
    const married = await s.catalog.bundle('birth', { married: 'yes', services: [], mother_insured: 'no' });
    expect(married.items).toHaveLength(3);
    expect(married.materials.find((m) => m.key === 'PATERNITY')).toBeUndefined();
  });

  it('二手房转移登记一件事: mortgage and payment answers add items; 容缺 only where every item allows it', async () => {
    const r = await s.catalog.bundle('house-transfer', { seller_mortgage: 'yes', buyer_payment: 'pf_loan', utilities: 'yes' });
    expect(r.items.map((i) => i.name)).toEqual(expect.arrayContaining(['不动产抵押权注销登记', '不动产抵押权首次登记', '住房公积金个人住房贷款（购买存量住房）', '水电气过户']));
    expect(r.items).toHaveLength(7);
    const contract = r.materials.find((m) => m.key === 'SALE_CONTRACT')!;
    expect(contract.usedBy.length).toBeGreaterThanOrEqual(4);
    expect(r.materials.find((m) => m.key === 'PF_CARD')).toMatchObject({ deferrable: true });
    expect(r.materials.find((m) => m.key === 'ID_CARD')).toMatchObject({ required: true, deferrable: false });
    const cash = await s.catalog.bundle('house-transfer', { seller_mortgage: 'no', buyer_payment: 'cash', utilities: 'no' });
    expect(cash.items).toHaveLength(3);
  });

  it('失业一件事 and an unknown bundle', async () => {
    const r = await s.catalog.bundle('unemployment', { insured_year: 'yes', hardship: 'no', extras: ['skill'] });
    expect(r.items.map((i) => i.name)).toEqual(['失业登记', '失业保险金申领', '失业保险参保人员失业期间基本医疗保险费代缴', '技能提升补贴申领']);
    expect(r.materials.find((m) => m.key === 'TERMINATION')).toMatchObject({ required: true, deferrable: false });
    await expect(s.catalog.bundle('nope', {})).rejects.toThrow(/一件事/);
  });
});

describe('catalog releases (central deltas)', () => {
  it('applies a delta atomically, refuses an old version, and a broken release changes nothing', async () => {
    const seed = readSeed('resources/catalog');
    const item = seed.items![0]!;
    await s.catalog.applyRelease({ version: 2, items: [{ ...item, name: '出生登记（新版名称）' }], removedItems: [seed.items![1]!.code] });
    expect(names('新版名称')).toEqual(['出生登记（新版名称）']);
    expect((await s.catalog.info()).itemCount).toBe(seed.items!.length - 1);
    await expect(s.catalog.applyRelease({ version: 2, items: [] })).rejects.toThrow(/不比本地版本/);
    const broken = { version: 3, items: [{ ...item, name: '不该出现' }, { ...item, code: 'X1', materials: [{ code: 'M1', ref: 'NO_SUCH_MATERIAL' }] }] };
    await expect(s.catalog.applyRelease(broken)).rejects.toThrow(/NO_SUCH_MATERIAL/);
    expect(names('不该出现')).toEqual([]);
    expect(s.catalog.catalogVersion).toBe(2);
    await expect(s.catalog.applyRelease({ version: 4, items: [{ ...item, itemType: '99' as never }] })).rejects.toThrow(/格式不正确/);
  });
});

describe('reference data written by another writer (sync)', () => {
  it('is picked up by the watcher: new catalog version and calendar overrides', async () => {
    const { watchReferenceData } = await import('../intake/reference-watch');
    const { applyRelease } = await import('./apply-release');
    const { CalendarService } = await import('./calendar-service');
    const log = { info: () => undefined, warn: () => undefined } as never;
    const seed = readSeed('resources/catalog');
    await s.db.transaction().execute((trx) => applyRelease(trx, { version: 5, items: [{ ...seed.items![0]!, name: '同步来的新事项' }] }));
    await s.db.transaction().execute((trx) => CalendarService.store(trx, { days: [{ date: '2026-12-01', kind: 'holiday', name: '测试' }] }));
    expect(names('同步来的新事项')).toEqual([]);
    let stop = () => {};
    await new Promise<void>((resolve) => {
      stop = watchReferenceData(s.db, s.catalog, s.calendar, log, 20);
      const poll = setInterval(() => {
        if (s.catalog.catalogVersion === 5 && !s.calendar.calendar.isWorkday('2026-12-01')) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    stop();
    expect(names('同步来的新事项')).toEqual(['同步来的新事项']);
  });
});

describe('everyday short forms', () => {
  it('finds 社会保障卡 by 社保卡, sbk and shebaoka, and 存量房 by 二手房', () => {
    for (const q of ['社保卡', 'sbk', 'shebaoka']) expect(names(q, 3)).toContain('社会保障卡申领');
    expect(names('sbksl', 1)).toEqual(['社会保障卡申领']);
    expect(names('esfzy', 3)).toContain('存量房买卖转移登记（二手房转移登记）');
    expect(names('gjjtq', 1)).toEqual(['住房公积金提取（购买存量住房）']);
  });
});
