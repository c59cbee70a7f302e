import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from './preferences';

/** Ant Design locale follows the chosen language; the large-text option scales the whole theme. */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const { largeText } = usePreferences();
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.documentElement.classList.toggle('large-text', largeText);
  }, [i18n.language, largeText]);
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      // No space forced between two Chinese characters on buttons ("满 意").
      button={{ autoInsertSpace: false }}
      // zeroRuntime: Ant Design's styles come pre-built (antd.css, imported in main.tsx) instead of being
      // generated in JavaScript at first render; the tokens below still apply as CSS variables.
      theme={{ zeroRuntime: true, token: { fontSize: largeText ? 18 : 14, borderRadius: 4, colorPrimary: '#1d5fbf' } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
