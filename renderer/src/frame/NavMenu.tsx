import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../common/contract';
import { navigate, type RouteName } from '../routing/useHashRoute';

/** Screens each role may open; the router enforces the real permissions on every call. */
export const NAV: { name: RouteName; roles: Role[]; hotkey: string }[] = [
  { name: 'intake', roles: ['clerk'], hotkey: 'Alt+1' },
  { name: 'cases', roles: ['clerk', 'supervisor'], hotkey: 'Alt+2' },
  { name: 'handover', roles: ['clerk', 'supervisor'], hotkey: 'Alt+5' },
  { name: 'dashboard', roles: ['supervisor'], hotkey: 'Alt+3' },
  { name: 'maintenance', roles: ['maintenance'], hotkey: 'Alt+4' },
];

export function allowedScreens(roles: readonly Role[]) {
  return NAV.filter((n) => n.roles.some((r) => roles.includes(r)));
}

export function NavMenu({ roles, current }: { roles: readonly Role[]; current: RouteName }) {
  const { t } = useTranslation();
  return (
    <Menu
      mode="horizontal"
      theme="dark"
      selectedKeys={[current]}
      aria-label={t('frame.nav')}
      className="nav-menu"
      items={allowedScreens(roles).map((n) => ({ key: n.name, label: t(`nav.${n.name}`), title: `${t(`nav.${n.name}`)} (${n.hotkey})` }))}
      onClick={({ key }) => navigate(key as RouteName)}
    />
  );
}
