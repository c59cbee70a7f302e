import { checkIdNumber } from '../../common/domain/id-number';
import { genderName, nationName } from '../../common/domain/idcard-tables';
import type { IdCardIdentity, IdCardReading } from './card';
import { BUILT_IN_LAYOUTS, isUnconfirmedLayout, layoutFor, type CardLayout } from './card-layouts';
import { foreigner2023ByNumber } from './foreigner-2023';
import { readFields, typeLetterOf } from './text-block';

/** Why a read answer could not be turned into a card. */
export interface CardDecodeError {
  kind: 'cardData';
  message: string;
}

export type CardDecodeResult = { ok: true; reading: IdCardReading } | { ok: false; error: CardDecodeError };

const fail = (message: string): CardDecodeResult => ({ ok: false, error: { kind: 'cardData', message } });

/**
 * The DATA of a `30 01` answer (text length, photo length, text, photo) or of a `30 10` answer
 * (…, fingerprint length, …). Framed by the lengths inside, never by a fixed total.
 */
export function decodeReadData(
  data: Uint8Array,
  opts: { fingerprint: boolean; layouts?: readonly CardLayout[]; simulated?: boolean },
): CardDecodeResult {
  const headerLen = opts.fingerprint ? 6 : 4;
  if (data.length < headerLen) return fail(`读卡应答过短（${data.length} 字节），请重新放卡。`);
  const u16 = (i: number) => (data[i]! << 8) | data[i + 1]!;
  const textLen = u16(0);
  const photoLen = u16(2);
  const fpLen = opts.fingerprint ? u16(4) : 0;
  const need = headerLen + textLen + photoLen + fpLen;
  if (textLen === 0 || textLen % 2 !== 0) return fail(`文字信息长度异常（${textLen}），请重新放卡。`);
  if (need > data.length) return fail(`卡片数据不完整：应有 ${need} 字节，只收到 ${data.length} 字节，请重新放卡。`);
  const text = data.subarray(headerLen, headerLen + textLen);
  const photo = data.slice(headerLen + textLen, headerLen + textLen + photoLen);
  const fingerprint = opts.fingerprint ? data.slice(headerLen + textLen + photoLen, need) : null;
  const letter = typeLetterOf(text);
  const layouts = opts.layouts ?? BUILT_IN_LAYOUTS;
  const card = decodeTextBlock(text, layouts, photoLen);
  const layout = layoutFor(letter, layouts);
  return {
    ok: true,
    reading: {
      card,
      photoWlt: photoLen > 0 ? photo : null,
      fingerprint,
      typeLetter: letter,
      layout: { id: layout.id, unconfirmed: isUnconfirmedLayout(layout), note: layout.source?.note ?? null },
      simulated: opts.simulated ?? false,
    },
  };
}

/** The identity held in a text block, by the layout its type letter selects (see foreigner-2023.ts for an unclaimed letter). */
export function decodeTextBlock(text: Uint8Array, layouts: readonly CardLayout[] = BUILT_IN_LAYOUTS, photoBytes = 0): IdCardIdentity {
  const letter = typeLetterOf(text);
  const layout = layoutFor(letter, layouts);
  const f = readFields(text, layout);
  const foreigner2023 = foreigner2023ByNumber(letter, f.idNumber, layouts, photoBytes);
  if (foreigner2023) return foreigner2023;
  const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);
  const idNumber = f.idNumber ?? '';
  const genderCode = orNull(f.genderCode);
  const nationCode = orNull(f.nationCode);
  return {
    cardType: layout.cardType,
    name: orNull(f.name),
    englishName: orNull(f.englishName),
    genderCode,
    gender: genderCode ? genderName(genderCode) : null,
    nationCode,
    nation: nationCode ? nationName(nationCode) : null,
    nationality: orNull(f.nationality),
    birthDate: orNull(f.birthDate),
    address: orNull(f.address),
    // Filled by the reader's `30 03` read (a separate exchange); the text block never holds it.
    appendedAddress: null,
    idNumber,
    authority: orNull(f.authority),
    validFrom: orNull(f.validFrom),
    validTo: orNull(f.validTo),
    passNumber: orNull(f.passNumber),
    issueCount: orNull(f.issueCount),
    renewalCount: orNull(f.renewalCount),
    oldNumberLink: orNull(f.oldNumberLink),
    idNumberValid: layout.idCheck === 'mod11-2' ? checkIdNumber(idNumber).valid : null,
    photo: photoBytes > 0 ? { format: 'wlt', bytes: photoBytes } : null,
  };
}
