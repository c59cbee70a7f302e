import type { TFunction } from 'i18next';
import type { ItemTypeCode, TimeLimit } from '../../../common/domain/item-types';

/**
 * Catalog codes in the user's language. The catalog also sends Chinese labels (`promisedLimitText`,
 * `itemTypeLabel`); the codes beside them are what the UI translates, the label is the fallback.
 */
export function limitText(t: TFunction, limit: TimeLimit): string {
  return t(`limits.${limit.unit}`, { value: limit.value });
}

export function itemTypeText(t: TFunction, code: ItemTypeCode, label: string): string {
  return t(`itemTypes.${code}`, { defaultValue: label });
}
