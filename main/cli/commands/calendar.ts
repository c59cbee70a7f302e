import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { WorkCalendar } from '../../../common/domain/working-days';
import { CliError, dataDirOf, printJson, wantsJson } from '../util';

/** The bundled calendar plus the central overrides stored in this window's database, if there is one. */
async function loadCalendar(dataDir: string): Promise<WorkCalendar> {
  const [{ WorkCalendar }, { CalendarService }, { DB_FILE, openDatabase }] = await Promise.all([
    import('../../../common/domain/working-days'),
    import('../../catalog/calendar-service'),
    import('../../db/database'),
  ]);
  if (!fs.existsSync(path.join(dataDir, DB_FILE))) return WorkCalendar.create();
  const database = await openDatabase(dataDir);
  try {
    const service = new CalendarService(database.db);
    await service.load();
    return service.calendar;
  } finally {
    await database.close();
  }
}

export function register(program: Command): void {
  const calendar = program.command('calendar').description('工作日历（working days）');
  calendar
    .command('add-workdays <date> <n>')
    .description('从 DATE 起加 N 个工作日，打印 YYYY-MM-DD')
    .option('--json', 'JSON 输出')
    .action(async (date: string, n: string, _opts: unknown, cmd: Command) => {
      const days = Number(n);
      const { CalendarError } = await import('../../../common/domain/working-days');
      try {
        const r = (await loadCalendar(dataDirOf(cmd))).addWorkdays(date, days);
        if (wantsJson(cmd)) printJson(r);
        else process.stdout.write(`${r.date}\n`);
      } catch (err) {
        if (err instanceof CalendarError) throw new CliError(err.message, 2);
        throw err;
      }
    });
}
