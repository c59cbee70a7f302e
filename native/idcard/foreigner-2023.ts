import { isForeigner2023Number } from '../../common/domain/idcard-numbers';
import type { IdCardIdentity } from './card';
import type { CardLayout } from './card-layouts';

/**
 * The 2023 foreigner permanent residence card, recognised by its number where no layout claims it.
 *
 * PROTOCOLS.md gives its number (18 characters beginning with 9, MOD 11-2) but neither its type
 * letter (*unconfirmed*, possibly `Y`) nor its text layout. card-layouts.json has a layout for
 * letter `Y` from one vendor source (unconfirmed, see its `source`); a `YICHUANG_CARD_LAYOUTS` file
 * can replace it or claim another letter.
 *
 * For a card whose letter no layout claims (not blank, so not a resident card by its letter) and
 * whose number field, read where the default layout has it, holds a valid 2023-style number: it is
 * reported as a foreigner card with that number only. The places of its other fields under such a
 * letter are not known; they are left null rather than guessed (the clerk types the name).
 */
export function isUnclaimedLetter(letter: string, layouts: readonly CardLayout[]): boolean {
  return letter.trim() !== '' && letter !== '\u0000' && !layouts.some((l) => l.letters.includes(letter));
}

export function foreigner2023ByNumber(letter: string, idNumber: string | undefined, layouts: readonly CardLayout[], photoBytes: number): IdCardIdentity | null {
  if (!idNumber || !isUnclaimedLetter(letter, layouts) || !isForeigner2023Number(idNumber)) return null;
  return {
    cardType: 'foreigner',
    name: null,
    englishName: null,
    genderCode: null,
    gender: null,
    nationCode: null,
    nation: null,
    nationality: null,
    birthDate: null,
    address: null,
    appendedAddress: null,
    idNumber: idNumber.trim().toUpperCase(),
    authority: null,
    validFrom: null,
    validTo: null,
    passNumber: null,
    issueCount: null,
    renewalCount: null,
    oldNumberLink: null,
    idNumberValid: true,
    photo: photoBytes > 0 ? { format: 'wlt', bytes: photoBytes } : null,
  };
}
