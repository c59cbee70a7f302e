import { describe, expect, it } from 'vitest';
import { describeLimit, ITEM_TYPE_CODES, ITEM_TYPES, LIMIT_UNITS } from '../../../common/domain/item-types';
import i18n, { showLanguage } from '../i18n';
import { itemTypeText, limitText } from './catalogText';

describe('catalog codes in the UI language', () => {
  it('writes limits and item types in Chinese exactly as the catalog labels them', async () => {
    await i18n.changeLanguage('zh-CN');
    for (const unit of LIMIT_UNITS) expect(limitText(i18n.t, { value: 7, unit })).toBe(describeLimit({ value: 7, unit }));
    for (const code of ITEM_TYPE_CODES) expect(itemTypeText(i18n.t, code, ITEM_TYPES[code])).toBe(ITEM_TYPES[code]);
  });

  it('writes them in English without Chinese', async () => {
    await showLanguage('en');
    expect(limitText(i18n.t, { value: 7, unit: 'workday' })).toBe('7 working days');
    expect(limitText(i18n.t, { value: 0, unit: 'immediate' })).toBe('Immediate');
    for (const unit of LIMIT_UNITS) expect(limitText(i18n.t, { value: 3, unit })).not.toMatch(/[\u4e00-\u9fff]/);
    for (const code of ITEM_TYPE_CODES) expect(itemTypeText(i18n.t, code, ITEM_TYPES[code])).not.toMatch(/[\u4e00-\u9fff]/);
    await i18n.changeLanguage('zh-CN');
  });
});
