import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RunningHashes } from './running-hash';

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

describe('running whole-file hashes', () => {
  it('follows the chunks the store took, and knows nothing after a gap, a refusal or an unknown start', () => {
    const r = new RunningHashes();
    const file = crypto.randomBytes(3000);
    r.propose('u', 0, file.subarray(0, 1000));
    r.settle('u', 1000);
    r.propose('u', 1000, file.subarray(1000, 2000));
    r.settle('u', null); // refused (409, 460…): the proposal is dropped and so is what was known
    expect(r.digestAt('u', 1000)).toBeNull();

    r.propose('v', 0, file.subarray(0, 1000));
    r.settle('v', 1000);
    r.propose('v', 1000, file.subarray(1000, 2000));
    r.settle('v', 2000);
    r.propose('v', 2000, file.subarray(2000));
    // Read during the store's finish hook, before the answer settles it.
    expect(r.digestAt('v', 3000)).toBe(sha(file));
    r.settle('v', 3000);
    expect(r.digestAt('v', 3000)).toBe(sha(file));
    expect(r.digestAt('v', 2999)).toBeNull();

    r.propose('w', 500, file.subarray(500, 1000)); // resumed after a restart: the start is unknown
    r.settle('w', 1000);
    expect(r.digestAt('w', 1000)).toBeNull();
  });
});
