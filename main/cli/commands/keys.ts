import type { Command } from 'commander';
import type { exportKey, importKey, keyStatus } from './keys-actions';

/** The data key: export wrapped with a passphrase, import on another PC, show which key a folder holds. */
export function register(program: Command): void {
  const keys = program.command('keys').description('数据密钥（data key）：换电脑时导出、导入');

  keys
    .command('export')
    .description('用口令加密导出数据密钥到文件（换电脑用；口令在终端输入，或 --passphrase-file）')
    .requiredOption('--to <file>', '导出文件（如 E:\\move\\yichuang.yckey）；不会覆盖已有文件')
    .option('--passphrase-file <file>', '从文件第一行读口令（- 为标准输入）')
    .option('--json', 'JSON 输出')
    .action(async (...args: Parameters<typeof exportKey>) => (await import('./keys-actions')).exportKey(...args));

  keys
    .command('import')
    .description('从导出文件导入数据密钥（先退出一窗；口令在终端输入，或 --passphrase-file）')
    .requiredOption('--from <file>', '导出的密钥文件')
    .option('--passphrase-file <file>', '从文件第一行读口令（- 为标准输入）')
    .option('--replace', '替换本机已有的另一把密钥（仅当数据库中没有用它加密的数据）')
    .option('--json', 'JSON 输出')
    .action(async (...args: Parameters<typeof importKey>) => (await import('./keys-actions')).importKey(...args));

  keys
    .command('status')
    .description('本机数据密钥的编号，以及它能否解开数据库中的个人信息')
    .option('--json', 'JSON 输出')
    .action(async (...args: Parameters<typeof keyStatus>) => (await import('./keys-actions')).keyStatus(...args));
}

