import { describe, expect, it } from 'vitest';
import type { IdCardIdentity } from '../../common/contract/devices';
import { currentCardAddress } from '../../common/domain/idcard-address';
import { APPENDED_ADDRESS_RECORD_BYTES, carriesAddress, decodeAppendedAddress, encodeAppendedAddress } from './appended-address';

const ucs2 = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));

describe('appended address (追加地址) decoding', () => {
  it('decodes one space-padded 70-byte record, trimmed', () => {
    const data = ucs2('海南省海口市龙华区国贸路28号'.padEnd(35, ' '));
    expect(data.length).toBe(APPENDED_ADDRESS_RECORD_BYTES);
    expect(decodeAppendedAddress(data)).toBe('海南省海口市龙华区国贸路28号');
  });

  it('gives one line per record, oldest first, skipping empty and NUL-padded records', () => {
    const rec = (s: string) => s.padEnd(35, ' ');
    const data = new Uint8Array([...ucs2(rec('海南省三亚市吉阳区一号')), ...new Uint8Array(70), ...ucs2(rec('  海南省儋州市那大镇二号  '))]);
    expect(decodeAppendedAddress(data)).toBe('海南省三亚市吉阳区一号\n海南省儋州市那大镇二号');
  });

  it('keeps a tail that is not a whole record, and ignores a stray odd byte', () => {
    const data = new Uint8Array([...ucs2('甲'.padEnd(35, ' ')), ...ucs2('乙路3号'), 0x20]);
    expect(decodeAppendedAddress(data)).toBe('甲\n乙路3号');
  });

  it('is null for an empty or blank answer', () => {
    expect(decodeAppendedAddress(new Uint8Array(0))).toBeNull();
    expect(decodeAppendedAddress(ucs2(' '.repeat(35)))).toBeNull();
  });

  it('round-trips what the simulator sends, cutting lines to one record', () => {
    const long = '海'.repeat(40);
    expect(decodeAppendedAddress(encodeAppendedAddress(['一号', long]))).toBe(`一号\n${'海'.repeat(35)}`);
  });

  it('is read only for layouts with an address: resident and permit, not the foreigner card', () => {
    const reading = (typeLetter: string, cardType: 'resident' | 'permit' | 'foreigner') => ({ typeLetter, card: { cardType } as IdCardIdentity });
    expect(carriesAddress(reading(' ', 'resident'))).toBe(true);
    expect(carriesAddress(reading('J', 'permit'))).toBe(true);
    expect(carriesAddress(reading('I', 'foreigner'))).toBe(false);
    // A 2023 foreigner card recognised by its number under an unclaimed letter: no address either.
    expect(carriesAddress(reading('Y', 'foreigner'))).toBe(false);
  });

  it('the current address is the newest appended line, else the card address', () => {
    expect(currentCardAddress({ address: '旧址', appendedAddress: '一号\n二号' })).toEqual({ address: '二号', updated: true });
    expect(currentCardAddress({ address: '旧址', appendedAddress: null })).toEqual({ address: '旧址', updated: false });
    expect(currentCardAddress({ address: null })).toEqual({ address: null, updated: false });
  });
});
