import type { TFunction } from 'i18next';

/**
 * Outbox rows in the user's language: what is sent (case, rating, rectification) and where it stands
 * (pending, parked, done). A kind this build does not know yet is shown as stored rather than hidden.
 */
export function outboxKind(t: TFunction, kind: string): string {
  return t(`sync.outboxKind.${kind}`, { defaultValue: kind });
}

export function outboxState(t: TFunction, state: string): string {
  return t(`sync.outboxState.${state}`, { defaultValue: state });
}
