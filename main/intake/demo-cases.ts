import type { ApplicantInput, MaterialEntry } from '../../common/contract/intake';
import type { ItemSummary, MaterialSpec } from '../../common/contract/catalog';
import { withIdCheckChar } from '../../common/domain/id-number';
import { withUsccCheckChar } from '../../common/domain/uscc';
import type { CatalogService } from '../catalog/catalog-service';
import type { ReviewsService } from '../reviews/reviews-service';
import type { Actor, IntakeService } from './intake-service';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗符云邢吉';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '海燕', '琼花', '少华', '文昌'];
const REGIONS = ['460105', '460106', '460107', '460108', '460202', '460203', '469001', '469005', '469007'];
const COMPANIES = ['海口椰风餐饮管理有限公司', '海南蓝海贸易有限公司', '三亚鹿回头食品有限公司', '琼海万泉河农业开发有限公司', '海南椰岛数字科技有限公司'];

/** A small deterministic PRNG so a demo run can be repeated (mulberry32). */
export function demoRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export function demoIdNumber(r: () => number): string {
  const y = 1950 + Math.floor(r() * 55);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const seq = String(Math.floor(r() * 1000)).padStart(3, '0');
  return withIdCheckChar(`${pick(r, REGIONS)}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`);
}

export function demoUscc(r: () => number): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  for (let i = 0; i < 9; i++) body += alphabet[Math.floor(r() * alphabet.length)];
  return withUsccCheckChar(`914601${'00'}${body}`);
}

export function demoPerson(r: () => number): ApplicantInput {
  return {
    kind: 'person',
    idType: 'resident',
    idNumber: demoIdNumber(r),
    name: pick(r, [...SURNAMES]) + pick(r, GIVEN),
    phone: `13${Math.floor(100000000 + r() * 899999999)}`,
  };
}

export function demoEnterprise(r: () => number): ApplicantInput {
  return {
    kind: 'enterprise',
    name: pick(r, COMPANIES),
    uscc: demoUscc(r),
    legalRepresentative: { name: pick(r, [...SURNAMES]) + pick(r, GIVEN), idNumber: demoIdNumber(r) },
  };
}

function materialsFor(specs: MaterialSpec[], defer: boolean): MaterialEntry[] {
  return specs
    .filter((s) => s.required)
    .map((s) => ({ code: s.code, state: defer && s.deferrable ? ('deferred' as const) : ('received' as const) }));
}

export interface DemoCase {
  caseId: string;
  caseNumber: string;
  status: string;
}

/**
 * Makes realistic demo cases through the real intake service: synthetic applicants with valid
 * checksums, random items, about a quarter with 容缺 where the item allows it, a few rejections, and
 * ratings for about half. `onCommitted` runs as soon as each case's transaction has committed.
 */
export async function createDemoCases(
  deps: { intake: IntakeService; catalog: CatalogService; reviews: ReviewsService },
  count: number,
  actor: Actor,
  onCommitted: (c: DemoCase) => void,
  seed = Date.now(),
): Promise<void> {
  const r = demoRandom(seed);
  const items: ItemSummary[] = deps.catalog.search('', 10_000).items;
  if (items.length === 0) throw new Error('事项目录为空，无法生成演示办件。');
  const materials = new Map<string, MaterialSpec[]>();
  for (let i = 0; i < count; i++) {
    const item = pick(r, items);
    if (!materials.has(item.code)) materials.set(item.code, await deps.catalog.materials(item.code));
    const specs = materials.get(item.code)!;
    const applicant = item.servedParties.includes('1') && (r() < 0.85 || item.servedParties.length === 1) ? demoPerson(r) : demoEnterprise(r);
    const canDefer = specs.some((s) => s.required && s.deferrable);
    const roll = r();
    let caseId: string;
    let caseNumber: string;
    let status: string;
    if (roll < 0.05) {
      const res = await deps.intake.reject(
        { itemCode: item.code, applicant, materials: materialsFor(specs, false).slice(1), reason: '申请材料不齐全，且缺少的材料不属于可容缺材料。已一次性告知所需材料。' },
        actor,
      );
      ({ caseId, caseNumber, status } = res);
    } else if (canDefer && roll < 0.3) {
      const res = await deps.intake.acceptWithDeferred(
        { itemCode: item.code, applicant, materials: materialsFor(specs, true), commitmentNote: '申请人承诺在期限内补齐容缺材料。' },
        actor,
      );
      ({ caseId, caseNumber, status } = res);
    } else {
      const res = await deps.intake.accept({ itemCode: item.code, applicant, materials: materialsFor(specs, false) }, actor);
      ({ caseId, caseNumber, status } = res);
    }
    onCommitted({ caseId, caseNumber, status });
    if (r() < 0.5) {
      const u = r();
      const rated = u < 0.6 ? 1 : u < 0.85 ? 2 : u < 0.93 ? 3 : u < 0.97 ? 4 : 5;
      await deps.reviews.rate(
        { caseId, level: rated, reasons: rated >= 4 ? [pick(r, ['等候时间长', '办理时间长', '一次性告知不清'])] : [], channel: pick(r, ['evaluator', 'screen', 'qr'] as const) },
        actor.id,
      );
    }
  }
}
