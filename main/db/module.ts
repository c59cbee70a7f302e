import type { AppModule } from '../app/modules';
import { openDatabase } from './database';

/** Opens the window's database under the data folder; every other stateful module comes after it. */
export const dbModule: AppModule = {
  name: 'db',
  async start(s) {
    s.database = await openDatabase(s.options.dataDir);
    s.closers.push(() => s.database.close());
  },
};
