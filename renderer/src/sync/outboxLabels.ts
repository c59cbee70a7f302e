import type { TFunction } from 'i18next';

/**
 * Outbox rows in the user's language: what is sent (case, rating, rectification) and where it stands
 * (pending, parked, done). A kind this build does not know yet is shown as stored rather than hidden.
 */
export function outboxKind(t: TFunction, kind: string): string {
  // Kinds are dotted (case.accepted); a dot would nest the translation key.
  return t(`sync.outboxKind.${kind.replaceAll('.', '_')}`, { defaultValue: kind });
}

export function outboxState(t: TFunction, state: string): string {
  return t(`sync.outboxState.${state}`, { defaultValue: state });
}
