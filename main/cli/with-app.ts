import { createApp, type App } from '../app/app';

/**
 * The CLI's way into the same services the app uses (catalog, intake, cases): a full app over the
 * data folder, closed when `fn` ends. There is no transport: commands call the services directly.
 */
export async function withApp<T>(dataDir: string, fn: (app: App) => Promise<T>): Promise<T> {
  const app = await createApp({ dataDir, mode: 'normal', transport: 'cli' });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
