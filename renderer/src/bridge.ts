import type { YichuangBridge } from '../../common/bridge';
import type { ApiError, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../common/contract';
import type { BytesMethodName } from '../../common/contract/materials';
import { takeEarly } from './api/earlyAnswers';

declare global {
  interface Window {
    yichuang: YichuangBridge;
  }
}

/** An API failure carried as an exception inside the renderer; `code` is the contract's stable code. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
  get code() {
    return this.error.code;
  }
}

/** Calls a contract method and returns its value, or throws ApiCallError. */
export async function call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
  // The first screen's calls were asked before React mounted (auth/firstStatus.ts): their answers.
  const result = await (takeEarly(method, input) ?? window.yichuang.invoke(method, input));
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.yichuang.on(event, listener);
}

/** Calls a bytes method (page bytes beside the JSON input, common/contract/materials.ts) and returns its value, or throws ApiCallError. */
export async function callBytes<M extends BytesMethodName>(method: M, input: MethodInput<M>, bytes: Uint8Array): Promise<MethodOutput<M>> {
  const result = await window.yichuang.invokeBytes(method, input, bytes);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

/** The URL that reads a file ticket (materials.openFile / openPage) on this transport. */
export function fileUrl(ticket: string): string {
  return window.yichuang.fileUrl(ticket);
}
