import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './contract/errors';
import type { BytesMethodName } from './contract/materials';

/**
 * The one object the renderer sees, as `window.yichuang`. The Electron preload and the loopback
 * host's injected script both implement exactly this shape.
 */
export interface YichuangBridge {
  invoke<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /**
   * A bytes method (BYTES_METHODS in common/contract/materials.ts): the JSON input plus raw bytes
   * that never go through JSON (Electron: a Uint8Array over IPC; host: a raw POST body).
   */
  invokeBytes<M extends BytesMethodName>(method: M, input: MethodInput<M>, bytes: Uint8Array): Promise<Result<MethodOutput<M>>>;
  /** The URL that reads a file ticket (`materials.openFile` / `openPage`): `/files/<ticket>` on the host, `yichuang-file://` in Electron. */
  fileUrl(ticket: string): string;
  /** Subscribe to a pushed event; returns an unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const BRIDGE_KEY = 'yichuang';
/** IPC channels used by the Electron transport (kept here so main and preload agree). */
export const IPC_INVOKE = 'yichuang:invoke';
export const IPC_INVOKE_BYTES = 'yichuang:invoke-bytes';
export const IPC_EVENT = 'yichuang:event';
/**
 * Electron's scheme serving the renderer (main/electron/renderer-protocol.ts): a standard one, so
 * Chromium keeps V8's code cache of its scripts between starts (it keeps none for file://).
 */
export const RENDERER_ORIGIN = 'yichuang-app://renderer';
/** Electron's privileged scheme serving file tickets (main/electron/file-protocol.ts). */
export const FILE_SCHEME = 'yichuang-file';
/** The loopback host's routes for bytes calls and file tickets (main/host/server.ts). */
export const HOST_BYTES_PATH = '/api/bytes';
export const HOST_FILES_PATH = '/files/';
