import fs from 'node:fs';
import { PASSPHRASE_MIN, passphraseStrength } from '../../../common/contract/keys';
import { CliError } from '../util';

/**
 * The passphrase for `keys export|import`, never from an argument (it would sit in the shell
 * history and the process list): `--passphrase-file F` (first line; `-` = standard input), else a
 * prompt on the terminal without echo, else the first line of standard input (scripts).
 * Prompts go to stderr so `--json` output stays clean.
 */
export async function readPassphrase(opts: { file?: string; confirm: boolean }): Promise<string> {
  let passphrase: string;
  if (opts.file !== undefined) passphrase = firstLine(opts.file === '-' ? await readStdin() : readFile(opts.file));
  else if (process.stdin.isTTY) {
    passphrase = await promptHidden('请输入密钥文件口令（输入时不显示）：');
    if (opts.confirm && (await promptHidden('请再输入一次口令：')) !== passphrase) throw new CliError('两次输入的口令不一致，未导出。', 1);
  } else passphrase = firstLine(await readStdin());
  if (!passphrase) throw new CliError('没有读到口令。请在终端输入，或用 --passphrase-file 指定口令文件。', 2);
  return passphrase;
}

/** Export only: the floor, and a warning for a weak one. */
export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase].length < PASSPHRASE_MIN) throw new CliError(`口令至少 ${PASSPHRASE_MIN} 个字符（可用中文、字母、数字、符号）。未导出。`, 2);
  if (passphraseStrength(passphrase) < 2) process.stderr.write('提示：口令较弱，建议 16 个字符以上并混用大小写字母、数字和符号。\n');
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`无法读取口令文件 ${file}：${(err as Error).message}`, 2);
  }
}

const firstLine = (text: string) => text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line in raw mode, echoing nothing; Backspace edits, Ctrl-C cancels. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  stdin.setRawMode(true); // before the prompt: nothing typed after it may be echoed
  process.stderr.write(prompt);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      if (chunk.startsWith('\u001b')) return; // arrow keys and other escape sequences
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || (ch === '\u0004' && !typed)) return finish(new CliError('已取消。', 130));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}
