import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RunningHashes } from './running-hash';

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

describe('running whole-file hashes', () => {
  it('follows the chunks the store took, and knows nothing after a gap, an unseen chunk or an unknown start', () => {
    const r = new RunningHashes();
    const file = crypto.randomBytes(3000);
    const feed = (id: string, from: number, to: number) => {
      const h = r.startAt(id, from);
      h?.update(file.subarray(from, to));
      r.commit(id, to, h);
    };
    feed('v', 0, 1000);
    const refused = r.startAt('v', 1000)!;
    refused.update(Buffer.from('damaged bytes')); // a chunk refused by its checksum is never committed
    feed('v', 1000, 2000);
    feed('v', 2000, 3000);
    expect(r.digestAt('v', 3000)).toBe(sha(file));
    expect(r.digestAt('v', 2999)).toBeNull();
    expect(r.startAt('w', 500)).toBeNull(); // resumed after a restart: the start is unknown
    feed('u', 0, 1000);
    r.commit('u', 2000, null); // the store took bytes the hash did not see
    expect(r.startAt('u', 2000)).toBeNull();
    expect(r.digestAt('u', 1000)).toBeNull();
  });
});
