import type { Command } from 'commander';
import { withRouter } from '../app';
import { CliError, dataDirOf, printJson, wantsJson } from '../util';

/**
 * Staff accounts of this window: the first-run setup code (direct: a secret for the installer's
 * terminal, never served by the router), the cached roster and lifting a lockout (through the router).
 */
export function register(program: Command): void {
  const staff = program.command('staff').description('窗口人员账号（staff accounts）');

  staff
    .command('setup-code')
    .description('显示首次设置用的一次性设置码（仅在尚无任何账号时）')
    .option('--json', 'JSON 输出')
    .action(async (_o: unknown, cmd: Command) => {
      const dataDir = dataDirOf(cmd);
      const [{ openDatabase }, { countStaff }, { ensureSetupCode }] = await Promise.all([import('../../db/database'), import('../../auth/roster'), import('../../auth/setup-code')]);
      const database = await openDatabase(dataDir);
      try {
        if ((await countStaff(database.db)) > 0) throw new CliError('本窗口已有账号，无需设置码；请用已有账号登录。', 1);
        const { code, file } = await ensureSetupCode(database.db, dataDir);
        if (wantsJson(cmd)) printJson({ setupCode: code, file });
        else process.stdout.write(`一次性设置码：${code}\n（也保存在 ${file}；在窗口的“初始设置”页输入，创建运维账号。）\n`);
      } finally {
        await database.close();
      }
    });

  staff
    .command('list')
    .description('列出本窗口缓存的人员名单（不含密码）')
    .option('--json', 'JSON 输出')
    .action(async (_o: unknown, cmd: Command) => {
      const list = await withRouter(cmd, (api) => api.call('staff.list', undefined));
      if (wantsJson(cmd)) printJson(list);
      else
        for (const s of list)
          process.stdout.write(`${s.staffId.padEnd(20)} ${s.name.padEnd(10)} ${s.roles.join(',').padEnd(30)} ${s.active ? '在用' : '停用'}${s.heldSeconds ? `  暂停登录 ${s.heldSeconds} 秒` : ''}\n`);
    });

  staff
    .command('release')
    .description('解除某账号因多次密码错误而暂停的登录（记入审计）')
    .argument('<staffId>', '账号')
    .action(async (staffId: string, _o: unknown, cmd: Command) => {
      await withRouter(cmd, (api) => api.call('staff.release', { staffId }));
      process.stdout.write(`已解除账号 ${staffId} 的登录暂停。\n`);
    });
}
