import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../api/services';
import { register as calendar } from './commands/calendar';
import { register as cases } from './commands/cases';
import { register as catalog } from './commands/catalog';
import { register as central } from './commands/central';
import { register as config } from './commands/config';
import { register as db } from './commands/db';
import { register as devices } from './commands/devices';
import { register as diag } from './commands/diag';
import { register as handover } from './commands/handover';
import { register as host } from './commands/host';
import { register as idcard } from './commands/idcard';
import { register as keys } from './commands/keys';
import { register as materials } from './commands/materials';
import { register as scanner } from './commands/scanner';
import { register as simulate } from './commands/simulate';
import { register as staff } from './commands/staff';
import { register as sync } from './commands/sync';
import { register as uploads } from './commands/uploads';
import { DataFolderBusyError, setWriterKind } from '../db/writer-lock';
import { CliError, EXIT_BUSY } from './util';

/** The `yichuang` command tree for field maintenance staff and scripts. Names are a contract. */
export function buildProgram(): Command {
  const program = new Command('yichuang')
    .description('一窗 Yichuang — 政务服务大厅窗口客户端的运维命令行')
    .version(APP_VERSION)
    .option('--data-dir <dir>', '数据目录（默认：应用的用户数据目录）')
    .showHelpAfterError()
    .exitOverride()
    // Named in the message another writer of the same data folder gets.
    .hook('preAction', (_program, action) => setWriterKind(`yichuang ${commandPath(action)}`));
  for (const register of [devices, idcard, scanner, simulate, catalog, calendar, cases, handover, db, sync, uploads, central, host, diag, config, staff, keys, materials])
    register(program);
  return program;
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Help for the whole tree, not just the top level, so `--help` shows every command. */
export function fullHelp(program: Command): string {
  const lines: string[] = [program.helpInformation(), 'All commands:'];
  const walk = (cmd: Command, prefix: string) => {
    for (const sub of cmd.commands) {
      const name = `${prefix}${sub.name()}`;
      const args = sub.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ');
      if (sub.commands.length === 0) lines.push(`  ${`${name} ${args}`.trim().padEnd(34)} ${sub.description()}`);
      walk(sub, `${name} `);
    }
  };
  walk(program, '');
  return lines.join('\n') + '\n';
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2 || (argv.length === 3 && (argv[2] === '--help' || argv[2] === '-h'))) {
    process.stdout.write(fullHelp(program));
    return 0;
  }
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof DataFolderBusyError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT_BUSY;
    }
    if (err instanceof CliError) {
      process.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`yichuang: ${(err as Error)?.message ?? String(err)}\n`);
    return 1;
  }
}
