/** A missing, wrong or damaged data key, or sealed data it cannot open: the operator's to fix (the message says how). */
export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}
