import { FontSizeOutlined, GlobalOutlined, LockOutlined, LogoutOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Select, Space, Switch, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { setPreferences, usePreferences } from '../shared/preferences';

interface Props {
  onLock: () => void;
  onSignOut: () => void;
  onHelp: () => void;
  canLock: boolean;
}

/** Right end of the header: language, large text, help, lock, sign out. */
export function UserMenu({ onLock, onSignOut, onHelp, canLock }: Props) {
  const { t, i18n } = useTranslation();
  const { largeText } = usePreferences();
  return (
    <Space className="user-menu" size="middle">
      <Space size={4}>
        <GlobalOutlined aria-hidden />
        <Select
          size="small"
          value={i18n.language as Language}
          aria-label={t('frame.language')}
          data-testid="language-switch"
          // Wide enough for 简体中文 at the large text size too.
          style={{ width: largeText ? 132 : 110 }}
          options={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))}
          onChange={(v) => void setLanguage(v)}
        />
      </Space>
      <Space size={4}>
        <FontSizeOutlined aria-hidden />
        <Switch size="small" checked={largeText} aria-label={t('frame.largeText')} onChange={(v) => setPreferences({ largeText: v })} />
        <span className="header-text">{t('frame.largeText')}</span>
      </Space>
      <Tooltip title={`${t('frame.help')} (F1)`}>
        <Button size="small" icon={<QuestionCircleOutlined />} aria-label={t('frame.help')} onClick={onHelp} />
      </Tooltip>
      {canLock && (
        <Tooltip title={`${t('frame.lock')} (Ctrl+Shift+L)`}>
          <Button size="small" icon={<LockOutlined />} aria-label={t('frame.lock')} onClick={onLock} data-testid="lock-button" />
        </Tooltip>
      )}
      {canLock && (
        <Tooltip title={t('frame.signOut')}>
          <Button size="small" icon={<LogoutOutlined />} aria-label={t('frame.signOut')} onClick={onSignOut} />
        </Tooltip>
      )}
    </Space>
  );
}
