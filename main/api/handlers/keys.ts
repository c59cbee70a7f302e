import { AppError } from '../../../common/contract';
import type { Services } from '../services';
import { appendAudit } from '../../audit/chain';
import { keyIdOf, wrapDataKey } from '../../crypto/key-export';
import { chooseKeyStore } from '../../crypto/key-store';
import type { Handlers } from '../router';

/**
 * The data key, wrapped with the technician's passphrase, for moving the window to another PC.
 * The file comes back as text for the renderer to save; nothing is written to disk here. Every
 * export is in the audit chain (who, which key), whether the file is then saved or not.
 */
export function keysHandlers(s: Services): Handlers {
  return {
    'keys.export': async ({ passphrase }, ctx) => {
      const store = chooseKeyStore(s.options.dataDir, s.options.safeStorage);
      if (!store) throw new AppError('NOT_AVAILABLE', '数据密钥由桌面程序通过系统密钥库保护，此进程无法读取。请在一窗桌面程序内导出：运维 → 数据密钥。');
      const key = store.load({ allowCreate: false });
      const { hall, window } = s.settings.get();
      const started = performance.now();
      const content = await wrapDataKey(key, passphrase, { hall: hall.code || null, window: window.code || null });
      const seconds = Math.round(performance.now() - started) / 1000;
      const keyId = keyIdOf(key);
      await appendAudit(s.database.db, { actor: ctx.session?.staffId ?? 'unknown', action: 'keys.export', subject: keyId, detail: { hall: hall.code, window: window.code } });
      const origin = [hall.code, window.code].map((c) => c.replace(/[^\w-]/g, '')).filter(Boolean).join('-');
      const fileName = `yichuang-key-${origin || 'window'}-${keyId}.yckey`;
      return { fileName, content, keyId, seconds };
    },
  };
}
