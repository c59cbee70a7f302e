import type { YichuangBridge } from '../../common/bridge';
import type { ApiError, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../common/contract';

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
  const result = await window.yichuang.invoke(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.yichuang.on(event, listener);
}
