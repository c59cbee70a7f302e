import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json';

export const LANGUAGES = { 'zh-CN': '简体中文', en: 'English' } as const;
export type Language = keyof typeof LANGUAGES;

// Only the language shown is loaded: Chinese (the default and the fallback) comes with the first
// chunk, English is fetched when it is the saved choice or is chosen.
const loadEnglish = async () => i18n.addResourceBundle('en', 'translation', (await import('./en.json')).default);

const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('yichuang.lang')) as Language | null;
const lng: Language = saved && saved in LANGUAGES ? saved : 'zh-CN';

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});
/**
 * Resolves once the saved language's texts are there: main.tsx renders the first screen after it.
 * Never rejects: without the English file the texts fall back to Chinese.
 */
export const languageReady: Promise<unknown> = lng === 'en' ? loadEnglish().catch(() => undefined) : Promise.resolve();

/** Switches the texts to `lang`, fetching its file first if it is not loaded yet. */
export async function showLanguage(lang: Language): Promise<void> {
  if (lang === 'en' && !i18n.hasResourceBundle('en', 'translation')) await loadEnglish();
  await i18n.changeLanguage(lang);
}

/** The clerk's choice: shown now and saved for the next start. */
export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem('yichuang.lang', lang);
  await showLanguage(lang);
}

export default i18n;
