/** Which of a card's addresses is the applicant's current one. */

export interface CardAddresses {
  /** The address printed on the card when it was issued. */
  address: string | null;
  /** 追加地址 lines (oldest first), as the reader decodes them; null or absent when there is none. */
  appendedAddress?: string | null;
}

/**
 * The current address: the newest appended address (the last line) when the police have written
 * one to the chip, else the card's own address. `updated` says it came from the appended address.
 */
export function currentCardAddress(card: CardAddresses): { address: string | null; updated: boolean } {
  const lines = (card.appendedAddress ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length) return { address: lines[lines.length - 1]!, updated: true };
  return { address: card.address?.trim() || null, updated: false };
}
