import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app/app';
import { keyIdOf, unwrapDataKey } from '../../crypto/key-export';
import { SAFE_KEY_FILE } from '../../crypto/key-store';
import { createDemoCases } from '../../intake/demo-cases';

const BIN = path.resolve(import.meta.dirname, '..', '..', '..', 'bin', 'yichuang.mjs');
const PASS = '大厅搬迁-Key-2026!';
const cli = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 150_000, input: input ?? '' });

// Runs a command on a real pseudo-terminal (python's pty.fork) and relays our pipe to it.
const PTY_RUN = String.raw`
import os, sys, pty, select
pid, m = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
fds = [0, m]
while True:
    r, _, _ = select.select(fds, [], [])
    if 0 in r:
        d = os.read(0, 4096)
        if d: os.write(m, d)
        else: fds.remove(0)
    if m in r:
        try: d = os.read(m, 4096)
        except OSError: break
        if not d: break
        os.write(1, d)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

/** Answers each prompt (in order) when it appears on the terminal; resolves with the exit code and all output. */
function onPty(args: string[], answers: Array<{ when: string; type: string }>): Promise<{ code: number | null; out: string }> {
  const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const p = spawn(python, ['-c', PTY_RUN, process.execPath, BIN, ...args]);
  let out = '';
  const pending = [...answers];
  p.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    while (pending[0] && out.includes(pending[0].when)) {
      const next = pending.shift()!;
      out = out.replace(next.when, `[${next.when}]`); // each prompt answered once
      p.stdin.write(next.type);
    }
  });
  return new Promise((resolve) => p.on('close', (code) => resolve({ code, out })));
}

let root: string;
let old: { dir: string; caseId: string; applicant: unknown; keyId: string };
const dir = (name: string) => path.join(root, name);

async function windowWithCase(dataDir: string, seed: number) {
  const app = await createApp({ dataDir, mode: 'normal', transport: 'test' });
  const ids: string[] = [];
  await createDemoCases(app.services, 1, { id: 't', name: '测试' }, (c) => ids.push(c.caseId), seed);
  const applicant = await app.services.cases.reveal(ids[0]!, '测试', 't');
  await app.close();
  const keyId = keyIdOf(Buffer.from(fs.readFileSync(path.join(dataDir, 'keys', 'data.key'), 'utf8').trim(), 'base64'));
  return { dir: dataDir, caseId: ids[0]!, applicant, keyId };
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-keys-cli-'));
  old = await windowWithCase(dir('old'), 3);
  fs.writeFileSync(dir('pass.txt'), `${PASS}\n`);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('yichuang keys (real processes)', { timeout: 300_000 }, () => {
  it('export on a terminal: asks twice without echo, writes a 0600 file that opens with the passphrase', async () => {
    const r = await onPty(['--data-dir', dir('old'), 'keys', 'export', '--to', dir('move.yckey')], [
      { when: '请输入密钥文件口令', type: `${PASS}\r` },
      { when: '请再输入一次口令', type: `${PASS}\r` },
    ]);
    expect(r.out).toContain(`已导出数据密钥（编号 ${old.keyId}）`);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain(PASS); // not echoed
    expect(r.out).not.toContain('大厅搬迁');
    expect(fs.statSync(dir('move.yckey')).mode & 0o777).toBe(0o600);
    expect(keyIdOf((await unwrapDataKey(fs.readFileSync(dir('move.yckey'), 'utf8'), PASS)).key)).toBe(old.keyId);
  });

  it('export: two different entries, or an existing file, write nothing', async () => {
    const r = await onPty(['--data-dir', dir('old'), 'keys', 'export', '--to', dir('typo.yckey')], [
      { when: '请输入密钥文件口令', type: `${PASS}\r` },
      { when: '请再输入一次口令', type: `${PASS}x\r` },
    ]);
    expect(r.out).toContain('两次输入的口令不一致');
    expect(r.code).toBe(1);
    expect(fs.existsSync(dir('typo.yckey'))).toBe(false);
    const again = cli(['--data-dir', dir('old'), 'keys', 'export', '--to', dir('move.yckey'), '--passphrase-file', dir('pass.txt')]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('文件已存在');
  });

  it('import on a fresh data folder with the copied database: a wrong passphrase is refused, the right one opens the applicant', async () => {
    fs.mkdirSync(dir('new'));
    fs.copyFileSync(path.join(old.dir, 'yichuang.db'), path.join(dir('new'), 'yichuang.db'));
    const wrong = cli(['--data-dir', dir('new'), 'keys', 'import', '--from', dir('move.yckey')], 'not the passphrase\n');
    expect(wrong.stderr).toContain('口令不正确');
    expect(wrong.status).toBe(1);
    expect(fs.existsSync(path.join(dir('new'), 'keys'))).toBe(false);

    const ok = cli(['--data-dir', dir('new'), 'keys', 'import', '--from', dir('move.yckey'), '--passphrase-file', '-', '--json'], `${PASS}\n`);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const r = JSON.parse(ok.stdout);
    expect(r).toMatchObject({ action: 'installed', keyId: old.keyId, fit: { total: expect.any(Number) } });
    expect(r.fit.opened).toBe(r.fit.total);
    const status = cli(['--data-dir', dir('new'), 'keys', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ keyId: old.keyId, protectedByApp: false, fit: r.fit });
    const app = await createApp({ dataDir: dir('new'), mode: 'normal', transport: 'test' });
    try {
      expect(await app.services.cases.reveal(old.caseId, '换机核对', 't')).toEqual(old.applicant);
    } finally {
      await app.close();
    }
  });

  it('a damaged file is refused as damaged before any passphrase is asked', () => {
    const text = fs.readFileSync(dir('move.yckey'), 'utf8');
    fs.writeFileSync(dir('damaged.yckey'), text.slice(0, 120) + (text[120] === 'A' ? 'B' : 'A') + text.slice(121));
    const r = cli(['--data-dir', dir('other'), 'keys', 'import', '--from', dir('damaged.yckey')]);
    expect(r.stderr).toContain('密钥文件已损坏或不完整');
    expect(r.status).toBe(1);
  });

  it('refuses to overwrite another window key that sealed data; the key file stays as it was', async () => {
    const busy = await windowWithCase(dir('busy'), 5);
    const keyFile = path.join(busy.dir, 'keys', 'data.key');
    const before = fs.readFileSync(keyFile, 'utf8');
    const plain = cli(['--data-dir', busy.dir, 'keys', 'import', '--from', dir('move.yckey'), '--passphrase-file', dir('pass.txt')]);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toMatch(/不是这个数据库的密钥|已有另一把数据密钥/);
    const replace = cli(['--data-dir', busy.dir, 'keys', 'import', '--from', dir('move.yckey'), '--passphrase-file', dir('pass.txt'), '--replace']);
    expect(replace.status).toBe(1);
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(keyFile))).toEqual(['data.key']);
  });

  it('export where the desktop app protects the key says to use the app', () => {
    fs.mkdirSync(path.join(dir('desktop'), 'keys'), { recursive: true });
    fs.writeFileSync(path.join(dir('desktop'), 'keys', SAFE_KEY_FILE), 'opaque');
    const r = cli(['--data-dir', dir('desktop'), 'keys', 'export', '--to', dir('desktop.yckey'), '--passphrase-file', dir('pass.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('运维 → 数据密钥');
    expect(fs.existsSync(dir('desktop.yckey'))).toBe(false);
  });
});
