/** Stable error codes. The renderer translates them; never change the meaning of an existing code. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_AVAILABLE',
  'DEVICE_ERROR',
  'OFFLINE',
  'TOO_LARGE',
  'LOCKED',
  'INTERNAL',
  /** The window's disk is full: nothing committed was lost, the clerk retries after space is freed. */
  'DISK_FULL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by handlers to return a specific code; anything else becomes INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
