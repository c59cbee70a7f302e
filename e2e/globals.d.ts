import type { YichuangBridge } from '../common/bridge';

// Code passed to page.evaluate runs in the renderer, where the bridge is `window.yichuang`.
declare global {
  interface Window {
    yichuang: YichuangBridge;
  }
}
export {};
