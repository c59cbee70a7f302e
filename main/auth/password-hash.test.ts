import { describe, expect, it } from 'vitest';
import { afterFailure, describeWait, holdRemainingMs } from './lockout';
import { hashPassword, needsRehash, parseHash, verifyPassword } from './password-hash';
import { TEST_PARAMS } from './testing';

describe('scrypt password hashes', () => {
  it('record their parameters and salt, verify, and refuse malformed or hostile stored values', async () => {
    const h = await hashPassword('口令 with 中文', TEST_PARAMS);
    expect(h).toMatch(/^scrypt\$N=1024,r=8,p=1\$/);
    expect(parseHash(h)?.params).toEqual(TEST_PARAMS);
    expect(await verifyPassword('口令 with 中文', h)).toBe(true);
    expect(await verifyPassword('口令 with 中文 ', h)).toBe(false);
    expect(await hashPassword('same', TEST_PARAMS)).not.toBe(await hashPassword('same', TEST_PARAMS));
    for (const bad of ['', 'plain', 'scrypt$N=1000,r=8,p=1$AAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA==', 'scrypt$N=4294967296,r=8,p=1$AAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA==', 'scrypt$N=1024,r=99,p=1$AAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA=='])
      expect(await verifyPassword('x', bad)).toBe(false);
    expect(needsRehash(h)).toBe(true); // weaker than the production default
    expect(needsRehash(h, TEST_PARAMS)).toBe(false);
  });
});

describe('lockout backoff', () => {
  it('is free for the first attempts, then doubles up to the cap', () => {
    const policy = { freeAttempts: 3, firstHoldMs: 1000, maxHoldMs: 5000 };
    const now = new Date(0);
    let s = { failures: 0, holdUntil: null as string | null };
    const holds: number[] = [];
    for (let i = 0; i < 7; i++) {
      s = afterFailure(s, now, policy);
      holds.push(holdRemainingMs(s, now));
    }
    expect(holds).toEqual([0, 0, 1000, 2000, 4000, 5000, 5000]);
    expect(describeWait(150_000)).toBe('2 分 30 秒');
    expect(describeWait(1)).toBe('1 秒');
  });
});
