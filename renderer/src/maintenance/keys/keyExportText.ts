import { useTranslation } from 'react-i18next';

const zhCN = {
  title: '数据密钥',
  tab: '数据密钥',
  hint: '换电脑时用：把本窗口的数据密钥用口令加密后保存为文件。新电脑上先退出一窗，再用 yichuang keys import 导入，未同步或本地保留的个人信息即可打开。文件和口令请分开保管、分开传递。',
  passphrase: '口令',
  confirm: '再输入一次口令',
  mismatch: '两次输入的口令不一致',
  tooShort: (min: number) => `口令至少 ${min} 个字符`,
  strength: ['太弱', '弱', '中', '强'] as readonly string[],
  strengthLabel: '强度',
  strengthTip: '建议 16 个字符以上，混用大小写字母、数字和符号；也可用一句中文。',
  submit: '导出数据密钥',
  running: '正在加密（约需数秒）…',
  done: (keyId: string, seconds: number) => `已导出数据密钥（编号 ${keyId}，用时 ${seconds} 秒）`,
  saved: (file: string) => `文件 ${file} 已交给浏览器/系统保存；请存到 U 盘，导入后删除。在新电脑上用 yichuang keys status 核对编号。`,
};

const en: typeof zhCN = {
  title: 'Data key',
  tab: 'Data key',
  hint: 'For moving this window to another PC: saves the data key encrypted with a passphrase. On the new PC, quit the app and run yichuang keys import; unsynced or locally kept personal data then opens there. Keep and send the file and the passphrase separately.',
  passphrase: 'Passphrase',
  confirm: 'Passphrase again',
  mismatch: 'The two passphrases differ',
  tooShort: (min: number) => `At least ${min} characters`,
  strength: ['too weak', 'weak', 'fair', 'strong'],
  strengthLabel: 'Strength',
  strengthTip: '16 characters or more, mixing upper and lower case, digits and symbols; a sentence works too.',
  submit: 'Export data key',
  running: 'Encrypting (a few seconds)…',
  done: (keyId: string, seconds: number) => `Data key exported (id ${keyId}, ${seconds} s)`,
  saved: (file: string) => `${file} was handed to the browser/system to save; put it on a USB stick and delete it after the import. Check the id on the new PC with yichuang keys status.`,
};

/**
 * The panel's texts in both UI languages. They live beside the panel (typed: English must have
 * every zh-CN text) rather than in the shared i18n files, which belong to another room.
 */
export function useKeyExportText(): typeof zhCN {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? en : zhCN;
}
