import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';

/**
 * A real pseudo-terminal for device simulators, made by a small python3 helper (Node has no pty
 * API and node-pty needs a compiler at install time). The helper keeps its own handle on the
 * terminal side open, so a driver may close and reopen the port like a real one without the pty
 * vanishing; the pty goes away only when the link is closed, which is how a simulator "unplugs".
 */
export interface PtyLink {
  /** The terminal side, for the driver to open (`/dev/pts/N`). */
  readonly path: string;
  /** Bytes as the device sends them. */
  write(bytes: Uint8Array): void;
  /** Bytes the driver sent to the device. */
  onData(listener: (bytes: Buffer) => void): void;
  /** Resolves when the helper has ended (closed or died). */
  readonly ended: Promise<void>;
  close(): Promise<void>;
}

// Non-blocking both ways: a device with nobody listening must not stall the simulator.
const HELPER = String.raw`
import os, sys, pty, tty, select
m, s = pty.openpty()
tty.setraw(s)
os.set_blocking(m, False)
sys.stderr.write('PTY ' + os.ttyname(s) + '\n'); sys.stderr.flush()
pending = b''
while True:
    r, w, _ = select.select([0, m], [m] if pending else [], [])
    if 0 in r:
        d = os.read(0, 65536)
        if not d:
            break
        pending += d
        if len(pending) > 1 << 20:
            pending = pending[-(1 << 20):]
    if m in r:
        try:
            d = os.read(m, 65536)
        except (BlockingIOError, OSError):
            d = b''
        if d:
            os.write(1, d)
    if pending:
        try:
            n = os.write(m, pending)
            pending = pending[n:]
        except BlockingIOError:
            pass
`;

/** The system python when there is one: version-manager shims (pyenv) add seconds to every start. */
function pythonPath(): string {
  for (const p of ['/usr/bin/python3', '/usr/local/bin/python3']) if (fs.existsSync(p)) return p;
  return 'python3';
}

export async function openPtyLink(): Promise<PtyLink> {
  const child: ChildProcessWithoutNullStreams = spawn(pythonPath(), ['-u', '-c', HELPER], { stdio: ['pipe', 'pipe', 'pipe'] });
  const ended = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const path = await new Promise<string>((resolve, reject) => {
    let err = '';
    const onErr = (chunk: Buffer) => {
      err += chunk.toString();
      const m = /PTY (\S+)\n/.exec(err);
      if (m) {
        child.stderr.off('data', onErr);
        resolve(m[1]!);
      }
    };
    child.stderr.on('data', onErr);
    child.once('error', (e) => reject(new Error(`无法启动伪终端（需要 python3）：${e.message}`)));
    child.once('close', (code) => reject(new Error(`伪终端助手退出（代码 ${code}）：${err.trim()}`)));
  });
  child.stdin.on('error', () => undefined); // the helper may die first; `ended` reports it
  return {
    path,
    ended,
    write: (bytes) => {
      if (!child.stdin.destroyed) child.stdin.write(bytes);
    },
    onData: (listener) => child.stdout.on('data', listener),
    async close() {
      child.stdin.end();
      const t = setTimeout(() => child.kill('SIGKILL'), 2000);
      await ended;
      clearTimeout(t);
    },
  };
}
