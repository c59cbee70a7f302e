/**
 * The script the loopback host injects before the renderer's own code. It defines
 * `window.yichuang` with exactly the preload's shape ({invoke, invokeBytes, fileUrl, on}), over HTTP + WebSocket.
 * Auth is the HttpOnly cookie the host set when the page was opened with its token. `base` is the
 * path prefix of the caller's API (empty for the clerk's window).
 */
export const bridgeScript = (base: string): string => `(() => {
  'use strict';
  const listeners = new Map();
  let socket = null;
  let retry = 250;
  function connect() {
    socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '${base}/events');
    socket.onopen = () => { retry = 250; };
    socket.onmessage = (m) => {
      let msg;
      try { msg = JSON.parse(m.data); } catch { return; }
      const set = listeners.get(msg.event);
      if (set) for (const l of [...set]) { try { l(msg.payload); } catch (e) { console.error(e); } }
    };
    socket.onclose = () => { setTimeout(connect, retry); retry = Math.min(retry * 2, 5000); };
  }
  connect();
  const bridge = {
    async invoke(method, input) {
      try {
        const res = await fetch('${base}/api/invoke', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ method, input }),
        });
        return await res.json();
      } catch (e) {
        return { ok: false, error: { code: 'INTERNAL', message: '与本机服务的连接中断，请稍候重试。' } };
      }
    },
    async invokeBytes(method, input, bytes) {
      try {
        const res = await fetch('${base}/api/bytes?method=' + encodeURIComponent(method), {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/octet-stream', 'x-yichuang-input': encodeURIComponent(JSON.stringify(input)) },
          body: bytes,
        });
        return await res.json();
      } catch (e) {
        return { ok: false, error: { code: 'INTERNAL', message: '与本机服务的连接中断，请稍候重试。' } };
      }
    },
    fileUrl(ticket) {
      return '${base}/files/' + encodeURIComponent(ticket);
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
  Object.defineProperty(window, 'yichuang', { value: Object.freeze(bridge), writable: false, configurable: false });
})();
`;

/** The clerk's window: the API at the root. The applicant screen's bridge speaks to `/applicant/…` (main/host/server.ts). */
export const BRIDGE_SCRIPT = bridgeScript('');
