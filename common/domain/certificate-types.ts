import { checkIdNumber } from './id-number';
import { FOREIGNER_2023_NUMBER } from './idcard-numbers';

/**
 * National certificate-type codes (证件类型代码) for applicants and agents, as the government-service
 * platforms exchange them. Source: GA/T 517 常用证件代码 (the 3-digit code table the national
 * integrated platform reuses). Only codes we are sure of are listed; anything else is 990 其他.
 * The 港澳台居民居住证 has no code here yet (not confirmed): a permit card maps to 990 and keeps its
 * card kind (`idType: 'permit'`) beside the code.
 */
export const CERTIFICATE_TYPES = {
  '111': { zh: '居民身份证', en: 'Resident identity card' },
  '414': { zh: '护照（普通护照）', en: 'Passport (ordinary)' },
  '511': { zh: '台湾居民来往大陆通行证', en: 'Mainland travel permit for Taiwan residents' },
  '516': { zh: '港澳居民来往内地通行证', en: 'Mainland travel permit for Hong Kong and Macao residents' },
  '553': { zh: '外国人永久居留身份证', en: 'Foreign permanent resident ID card' },
  '990': { zh: '其他', en: 'Other' },
} as const;

export type CertificateType = keyof typeof CERTIFICATE_TYPES;
export const CERTIFICATE_TYPE_CODES = Object.keys(CERTIFICATE_TYPES) as [CertificateType, ...CertificateType[]];
export const RESIDENT_ID_CERT: CertificateType = '111';

export const isCertificateType = (code: string): code is CertificateType => Object.hasOwn(CERTIFICATE_TYPES, code);

/** The card kinds the ID-card reader reports, and the legacy `idType` values typed at the window. */
export type CardKind = 'resident' | 'permit' | 'foreigner' | 'other';

/** The code a card read (or a legacy `idType`) stands for. */
export function certificateTypeOfCard(kind: CardKind): CertificateType {
  return kind === 'resident' ? '111' : kind === 'foreigner' ? '553' : '990';
}

/**
 * The code of an applicant recorded before codes existed: 111 where the number is a valid resident
 * ID (whatever the legacy type said), 553 for a foreigner card, else 990.
 */
export function certificateTypeOfLegacy(idType: string | null | undefined, idNumber: string | null | undefined): CertificateType {
  const n = (idNumber ?? '').trim().toUpperCase();
  if (n && !FOREIGNER_2023_NUMBER.test(n) && checkIdNumber(n).valid && idType !== 'permit' && idType !== 'foreigner') return '111';
  if (idType === 'foreigner') return '553';
  if (idType === 'resident' && !n) return '111';
  return '990';
}

export interface CertificateNumberCheck {
  valid: boolean;
  /** Plain Chinese: what is wrong and what to do; null when valid. */
  message: string | null;
}

const ok: CertificateNumberCheck = { valid: true, message: null };
const bad = (message: string): CertificateNumberCheck => ({ valid: false, message });

// Shapes that are safe (they refuse nothing a real document carries): see the notes per code.
const OLD_FOREIGNER_CARD = /^[A-Z]{3}\d{12}$/; // 2004 版: 3-letter nationality + 12 digits
const HK_MACAO_PERMIT = /^[HM]\d{8}(\d{2})?$/; // 回乡证: H/M + 8 digits (+ 2-digit issue count)
const TAIWAN_PERMIT = /^[0-9A-Z]{8,10}$/; // 台胞证: 8 digits since 2015; older booklets 10 characters
const PASSPORT = /^[0-9A-Z]{5,20}$/; // any country's passport: letters and digits only

/** Checks a certificate number against its type; the number is expected trimmed and upper-cased. */
export function checkCertificateNumber(type: CertificateType, number: string): CertificateNumberCheck {
  const n = number.trim().toUpperCase();
  if (!n) return bad('请填写证件号码。');
  switch (type) {
    case '111': {
      const c = checkIdNumber(n);
      return c.valid ? ok : bad(c.message!);
    }
    case '553':
      if (FOREIGNER_2023_NUMBER.test(n)) {
        const c = checkIdNumber(n);
        return c.valid ? ok : bad('外国人永久居留身份证号码校验位不正确，请核对号码或重新读卡。');
      }
      return OLD_FOREIGNER_CARD.test(n) ? ok : bad('外国人永久居留身份证号码应为 18 位（9 开头）或 15 位（3 个字母加 12 位数字），请核对。');
    case '516':
      return HK_MACAO_PERMIT.test(n) ? ok : bad('港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（可再加 2 位换证次数），请核对。');
    case '511':
      return TAIWAN_PERMIT.test(n) ? ok : bad('台湾居民来往大陆通行证号码应为 8 位数字（旧版 10 位），请核对。');
    case '414':
      return PASSPORT.test(n) ? ok : bad('护照号码只含字母和数字（5–20 位），请核对。');
    case '990':
      return n.length <= 40 ? ok : bad('证件号码过长（最多 40 位），请核对。');
  }
}

export function certificateTypeLabel(type: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!type) return '';
  return isCertificateType(type) ? CERTIFICATE_TYPES[type][lang] : type;
}
