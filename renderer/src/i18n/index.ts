import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export const LANGUAGES = { 'zh-CN': '简体中文', en: 'English' } as const;
export type Language = keyof typeof LANGUAGES;

const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('yichuang.lang')) as Language | null;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: saved && saved in LANGUAGES ? saved : 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export function setLanguage(lang: Language): void {
  localStorage.setItem('yichuang.lang', lang);
  void i18n.changeLanguage(lang);
}

export default i18n;
