import { z } from 'zod';
import { defineMethod } from './define';

/** Shortest passphrase accepted for a key export (the file is guessable offline, slowly). */
export const PASSPHRASE_MIN = 12;

/**
 * A rough strength score for the hint beside the passphrase field (0 weak … 3 strong): length and
 * variety of character kinds. The export itself only enforces PASSPHRASE_MIN.
 */
export function passphraseStrength(p: string): 0 | 1 | 2 | 3 {
  const chars = [...p];
  if (chars.length < PASSPHRASE_MIN || new Set(chars).size < 5) return 0;
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length;
  if (chars.length >= 20 || (chars.length >= 16 && kinds >= 3)) return 3;
  return kinds >= 3 ? 2 : 1;
}

export const keysMethods = {
  'keys.export': defineMethod({
    summary: 'Export the data key wrapped with a passphrase (scrypt + AES-256-GCM), for moving the window to another PC; audited',
    roles: ['maintenance'],
    input: z
      .object({ passphrase: z.string().min(PASSPHRASE_MIN, `口令至少 ${PASSPHRASE_MIN} 个字符`).max(256) })
      .strict(),
    output: z.object({ fileName: z.string(), content: z.string(), keyId: z.string(), seconds: z.number() }),
  }),
};
