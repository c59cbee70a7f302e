import { afterEach, describe, expect, it } from 'vitest';
import { decodePhoto, installPhotoDecoder, PHOTO_NOTE_NO_DECODER } from './photo';

afterEach(() => installPhotoDecoder(null));

describe('card photo (WLT)', () => {
  it('says why there is no image when no decoder is installed', async () => {
    expect(await decodePhoto(new Uint8Array(1024))).toEqual({ image: null, note: PHOTO_NOTE_NO_DECODER });
    expect((await decodePhoto(null)).note).toContain('未包含照片');
  });

  it('uses a plugged-in decoder, and turns its failure into a note', async () => {
    installPhotoDecoder({ name: 'fake', decode: async (wlt) => `data:image/bmp;base64,${Buffer.from(wlt.subarray(0, 2)).toString('base64')}` });
    expect((await decodePhoto(Uint8Array.of(1, 2, 3))).image).toBe('data:image/bmp;base64,AQI=');
    installPhotoDecoder({ name: 'broken', decode: () => Promise.reject(new Error('bad licence')) });
    expect(await decodePhoto(Uint8Array.of(1))).toEqual({ image: null, note: '照片解码失败（broken）：bad licence' });
  });
});
