import path from 'node:path';
import type { Command } from 'commander';
import { appRoot, trainingDataDir } from '../../config/paths';
import type { EarlyInvoke } from '../../api/services';
import { dataDirOf, parsePositiveInt } from '../util';

export function register(program: Command): void {
  program
    .command('host')
    .description('在 127.0.0.1 上提供界面与接口（浏览器宿主，无 Electron 时使用）')
    .option('--port <n>', '端口（0 为随机）', '0')
    .option('--demo', '培训模式：演示数据与模拟设备（数据放在单独的培训目录，不进入正式数据库）')
    .option('--token <token>', '固定令牌（测试用；默认每次随机）')
    .option('--exit-with-parent', '父进程结束时随之退出（测试与脚本用，避免遗留进程）')
    .option('--in-process-devices', '设备在本进程内运行（培训模式默认如此：模拟读卡器、扫码枪与评价器由本进程驱动）')
    .action(async (opts: { port: string; demo?: boolean; token?: string; inProcessDevices?: boolean; exitWithParent?: boolean }, cmd: Command) => {
      // Taken first: a parent that dies while the app is still starting must be noticed too.
      const parent = process.ppid;
      // Device I/O runs in a supervised child process, as Electron's utilityProcess does in the app.
      // Training mode keeps it in-process: its simulated reader, scanner and keypad live beside main's demo controls.
      const isolate = !opts.demo && !opts.inProcessDevices;
      // Loaded here, not at the top: `yichuang --help` and every other command skip the whole app.
      const [{ createApp }, { startHost }, { nodeForkLauncher }] = await Promise.all([
        import('../../app/app'),
        import('../../host/server'),
        import('../../devices/service/launcher'),
      ]);
      let databaseOpen!: () => void;
      const opened = new Promise<void>((resolve) => (databaseOpen = resolve));
      let authReady!: (invoke: EarlyInvoke) => void;
      const earlyAuth = new Promise<EarlyInvoke>((resolve) => (authReady = resolve));
      const appReady = createApp({
        // Training mode keeps out of the real window's data unless a folder is named explicitly.
        dataDir: opts.demo && !cmd.optsWithGlobals<{ dataDir?: string }>().dataDir ? trainingDataDir() : dataDirOf(cmd),
        mode: opts.demo ? 'demo' : 'normal',
        transport: 'host',
        background: true,
        deviceLauncher: isolate ? nodeForkLauncher() : undefined,
        onDatabaseOpen: databaseOpen,
        onAuthReady: authReady,
      });
      // Listening while the app is still being built: the browser fetches the page meanwhile, and
      // API calls wait for the app (main/host/server.ts).
      const host = await startHost({
        app: appReady,
        earlyAuth,
        port: parsePositiveInt(opts.port, '--port'),
        rendererDir: path.join(appRoot(), 'dist', 'renderer'),
        token: opts.token,
      });
      let app: Awaited<typeof appReady>;
      try {
        // The address once the data folder is ours (a second writer is refused from then on).
        await Promise.race([opened, appReady]);
        // The applicant screen's address first (its own token), then the one line scripts wait for.
        process.stdout.write(`申请人屏 / applicant screen: ${host.applicantUrl}\n`);
        process.stdout.write(`${host.openUrl}\n`);
        app = await appReady;
      } catch (err) {
        await host.close();
        throw err;
      }
      const stop = async () => {
        await host.close();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      if (opts.exitWithParent) {
        // A test runner killed hard leaves its hosts orphaned (re-parented): notice and stop.
        const orphaned = () => process.ppid !== parent;
        if (orphaned()) return void stop();
        setInterval(() => orphaned() && void stop(), 1000).unref();
      }
    });
}
