import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './contract/errors';

/**
 * The one object the renderer sees, as `window.yichuang`. The Electron preload and the loopback
 * host's injected script both implement exactly this shape.
 */
export interface YichuangBridge {
  invoke<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Subscribe to a pushed event; returns an unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const BRIDGE_KEY = 'yichuang';
/** IPC channels used by the Electron transport (kept here so main and preload agree). */
export const IPC_INVOKE = 'yichuang:invoke';
export const IPC_EVENT = 'yichuang:event';
