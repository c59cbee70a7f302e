import type { IdCardIdentity } from '../../common/contract/devices';

export type { IdCardIdentity };

/** One card as read off the wire: the decoded identity plus the raw blobs it carries. */
export interface IdCardReading {
  card: IdCardIdentity;
  /** Raw WLT photo (normally 1024 bytes); decode with a `PhotoDecoder` if one is installed. */
  photoWlt: Uint8Array | null;
  /** Raw fingerprint data of a `30 10` read (0, 512 or 1024 bytes), else null. */
  fingerprint: Uint8Array | null;
  /** Card type letter found at text bytes 248–249 (`' '`, `J`, `I`, …). */
  typeLetter: string;
  /**
   * The layout that decoded the text (`unconfirmed`: from a single unchecked source, see
   * card-layouts.json; logged as such). Set by the decoder; absent for readings made elsewhere.
   */
  layout?: { id: string; unconfirmed: boolean; note: string | null };
  /** True when the reading came from a simulator (demo / training / tests). */
  simulated: boolean;
}
