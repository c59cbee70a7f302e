import type { CatalogReleaseInput, ReleaseItem } from './release-schema';
import { ITEM_TYPE_CODES } from '../../common/domain/item-types';

/**
 * Synthetic catalogs for benchmarks: names assembled from real catalog vocabulary (subjects,
 * actions, qualifiers), so pinyin and initials behave like the real catalog, with opaque codes of
 * varying length as provinces use.
 */
const SUBJECTS = [
  '出生', '户口', '居住证', '身份证', '社会保障卡', '失业保险', '养老保险', '医疗保险', '生育保险', '工伤保险', '住房公积金', '不动产',
  '食品经营', '药品经营', '个体工商户', '企业', '建设工程', '道路运输', '机动车', '驾驶证', '教师资格', '执业医师', '护士执业', '营业性演出',
  '出版物经营', '烟草专卖', '排污', '取水', '林木采伐', '渔业捕捞', '农药经营', '兽药经营', '消防安全', '特种设备', '最低生活保障', '残疾人',
  '殡葬', '婚姻', '收养', '民办学校', '人力资源服务', '劳务派遣', '广告发布', '食品生产', '医疗机构', '放射诊疗', '公共场所卫生', '游泳场所',
];
const ACTIONS = ['登记', '申领', '注销', '变更', '延续', '补办', '认定', '审批', '备案', '许可', '核准', '查询', '转移接续', '年检', '换证', '迁移'];
const QUALIFIERS = ['', '', '', '（首次）', '（新办）', '（变更）', '（延续）', '（补证）', '（省内）', '（跨省通办）', '（个人）', '（单位）'];
const DEPARTMENTS = [
  '公安局', '卫生健康委员会', '医疗保障局', '人力资源和社会保障局', '市场监督管理局', '不动产登记中心', '税务局', '住房和城乡建设局',
  '住房公积金管理局', '民政局', '教育局', '交通运输局', '生态环境局', '水务局', '农业农村局', '应急管理局', '文化广电旅游局', '自然资源和规划局',
];
const CITIES = ['海口市', '三亚市', '儋州市', '琼海市', '文昌市', '万宁市', '五指山市', '东方市', '定安县', '屯昌县', '澄迈县', '临高县'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticItems(count: number, seed = 1): ReleaseItem[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const items: ReleaseItem[] = [];
  for (let i = 0; i < count; i++) {
    const city = pick(CITIES);
    const department = `${city}${pick(DEPARTMENTS)}`;
    const name = `${pick(SUBJECTS)}${pick(ACTIONS)}${pick(QUALIFIERS)}`;
    const baseCode = `${String(Math.floor(r() * 1e6)).padStart(6, '0')}${String(i).padStart(6, '0')}`;
    // Opaque implementation codes: region + department USCI-like part + base code + suffix, lengths vary.
    const code = `${city.length === 3 ? '4601' : '4690'}${String(i % 97).padStart(2, '0')}${baseCode}${'0'.repeat(1 + (i % 3))}${i}`;
    items.push({
      code,
      baseCode,
      name,
      itemType: pick(ITEM_TYPE_CODES),
      servedParties: r() < 0.6 ? ['1'] : ['1', '2'],
      department,
      handlingDepartments: [department],
      legalLimit: { value: 20, unit: 'workday' },
      promisedLimit: { value: 1 + Math.floor(r() * 10), unit: 'workday' },
      fee: '不收费',
      conditions: null,
      materials: [
        { code: 'M01', ref: 'ID_CARD', required: true, deferrable: false, formRef: null, sampleRef: null, note: null },
        { code: 'M02', name: `${name}申请表`, required: true, deferrable: false, formRef: null, sampleRef: null, note: null },
        { code: 'M03', name: '其他证明材料', required: false, deferrable: true, formRef: null, sampleRef: null, note: null },
      ],
    });
  }
  return items;
}

/** A full release of `count` synthetic items, loadable with `applyRelease` / `yichuang catalog import`. */
export function syntheticRelease(count: number, seed = 1, version = 1): CatalogReleaseInput {
  return {
    version,
    source: `synthetic-${count}`,
    full: true,
    materials: { ID_CARD: { name: '居民身份证', issuer: '公安机关', originals: 1, copies: 1, licenceType: { code: '11100000000013338W001', name: '居民身份证' } } },
    items: syntheticItems(count, seed),
  };
}
