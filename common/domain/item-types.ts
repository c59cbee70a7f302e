/** Codes of the service item catalog (DOMAIN.md): item types, served parties, time-limit units. */

export const ITEM_TYPES = {
  '01': '行政许可',
  '02': '行政处罚',
  '03': '行政强制',
  '04': '行政征收',
  '05': '行政给付',
  '06': '行政检查',
  '07': '行政确认',
  '08': '行政奖励',
  '09': '行政裁决',
  '10': '其他行政权力',
  '20': '公共服务',
} as const;
export type ItemTypeCode = keyof typeof ITEM_TYPES;
export const ITEM_TYPE_CODES = Object.keys(ITEM_TYPES) as [ItemTypeCode, ...ItemTypeCode[]];

export const SERVED_PARTIES = {
  '1': '自然人',
  '2': '企业法人',
  '3': '事业法人',
  '4': '社会组织法人',
  '5': '非法人企业',
  '6': '行政机关',
  '9': '其他组织',
} as const;
export type ServedPartyCode = keyof typeof SERVED_PARTIES;
export const SERVED_PARTY_CODES = Object.keys(SERVED_PARTIES) as [ServedPartyCode, ...ServedPartyCode[]];

/** `immediate` is 即办件: done on the spot, promised date = the accept day. */
export const LIMIT_UNITS = ['workday', 'day', 'hour', 'immediate'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];
export const LIMIT_UNIT_LABELS: Record<LimitUnit, string> = {
  workday: '个工作日',
  day: '个自然日',
  hour: '小时',
  immediate: '即办',
};

export interface TimeLimit {
  value: number;
  unit: LimitUnit;
}

export function describeLimit(limit: TimeLimit): string {
  return limit.unit === 'immediate' ? '即办件' : `${limit.value}${LIMIT_UNIT_LABELS[limit.unit]}`;
}
