// The sandboxed preload: exactly one object, `window.yichuang`, typed from the contract. No logic.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, IPC_EVENT, IPC_INVOKE, type YichuangBridge } from '../common/bridge';

const bridge: YichuangBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE, method, input),
  on(event, listener) {
    const handler = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
