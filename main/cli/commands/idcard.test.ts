import { spawn } from 'node:child_process';
import readline from 'node:readline';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SimulatedReader } from '../../../native/idcard/simulated-reader';
import { demoCard } from '../../../native/idcard/standalone';

const BIN = path.resolve(import.meta.dirname, '..', '..', '..', 'bin', 'yichuang.mjs');

/** Async, so the simulator in this process keeps answering while the CLI runs. */
function run(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const CONTRACT_KEYS = [
  'cardType', 'name', 'englishName', 'genderCode', 'gender', 'nationCode', 'nation', 'nationality', 'birthDate', 'address',
  'appendedAddress', 'idNumber', 'authority', 'validFrom', 'validTo', 'passNumber', 'issueCount', 'renewalCount', 'oldNumberLink',
  'idNumberValid', 'photo',
];

let sim: SimulatedReader | null = null;
afterAll(async () => {
  await sim?.close();
});

describe('yichuang idcard read', () => {
  it('--json prints exactly the contract keys', async () => {
    sim = await SimulatedReader.start({ card: demoCard('resident-elder') });
    const r = await run('idcard', 'read', '--port', sim.path, '--json', '--timeout', '20000');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const card = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(card)).toEqual(CONTRACT_KEYS);
    expect(card).toMatchObject({ cardType: 'resident', name: '符亚强', nation: '黎', validTo: '长期', idNumberValid: true, appendedAddress: null, photo: { format: 'wlt', bytes: 1024 } });
  });

  it('exits non-zero with a plain Chinese message when the port cannot be opened', async () => {
    const r = await run('idcard', 'read', '--port', '/dev/ttyDOES-NOT-EXIST', '--timeout', '1000');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/读卡失败：无法打开串口/);
  });
});

describe('the 2023 foreigner card end to end: yichuang simulate idcard → yichuang idcard read', () => {
  it('decodes it fully and says its layout is unconfirmed', async () => {
    const simulator = spawn(process.execPath, [BIN, 'simulate', 'idcard', '--card', 'foreigner-2023'], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const port = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: simulator.stdout }).once('line', resolve);
        simulator.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
      });
      const r = await run('idcard', 'read', '--port', port, '--timeout', '20000');
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/按未经确认的版式 foreigner-2023.*from one vendor source, unconfirmed/);
      expect(r.stdout).toContain('证件类型：外国人永久居留身份证');
      expect(r.stdout).toContain('英文姓名：MONTGOMERY-WASHINGTON, ELIZABETH JO ANN');
      expect(r.stdout).toContain('证件号码：984010199007040027');
      expect(r.stdout).toContain('换证次数：01');
      expect(r.stdout).toContain('旧证号码关联：001');
    } finally {
      simulator.kill('SIGTERM');
    }
  });

  it('idcard layouts lists the vendor-sourced layout as unconfirmed', async () => {
    const r = await run('idcard', 'layouts', '--json');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ id: string; confirmed: boolean; letters: string[] }>;
    expect(rows.find((l) => l.id === 'foreigner-2023')).toMatchObject({ letters: ['Y'], confirmed: false });
    expect(rows.filter((l) => !l.confirmed).map((l) => l.id)).toEqual(['foreigner-2023']);
  });
});

