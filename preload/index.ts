// The sandboxed preload: exactly one object, `window.yichuang`, typed from the contract. No logic.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, FILE_SCHEME, IPC_EVENT, IPC_INVOKE, IPC_INVOKE_BYTES, type YichuangBridge } from '../common/bridge';

const bridge: YichuangBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE, method, input),
  // A Uint8Array crosses IPC by structured clone: no base64, no JSON.
  invokeBytes: (method, input, bytes) => ipcRenderer.invoke(IPC_INVOKE_BYTES, method, input, bytes),
  fileUrl: (ticket) => `${FILE_SCHEME}://file/${encodeURIComponent(ticket)}`,
  on(event, listener) {
    const handler = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
