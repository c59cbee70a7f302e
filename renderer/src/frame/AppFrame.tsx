import { Layout, Typography } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../common/contract/auth';
import { call } from '../bridge';
import { IntakeScreen } from '../intake/IntakeScreen';
import { appointmentMatch } from '../appointments/appointmentMatch';
import { navigate, type Route } from '../routing/useHashRoute';
import { lazyNamed } from '../shared/lazyNamed';
import { Loading } from '../shared/Loading';
import { SHORTCUTS } from '../shared/shortcuts';
import { useHotkeys } from '../shared/useHotkeys';
import { useScanRouter } from '../shared/useScanRouter';
import { useWedgeScanner } from '../wedge/use-wedge-scanner';
import { claimDraft } from '../intake/draftStore';
import { useWedgeConfig, useWedgePaused } from '../maintenance/wedge/wedgeConfig';
import { allowedScreens, NavMenu } from './NavMenu';
import { StatusBar } from './StatusBar';
import { UserMenu } from './UserMenu';

// Screens other than intake load on first use, so the intake screen is interactive sooner.
const CasesScreen = lazy(() => import('../cases/CasesScreen'));
const HandoverScreen = lazy(() => import('../handover/HandoverScreen'));
const DashboardScreen = lazy(() => import('../dashboard/DashboardScreen'));
const MaintenanceScreen = lazy(() => import('../maintenance/MaintenanceScreen'));
// The F1 help (a table) loads when first opened, and stays mounted after.
const ShortcutHelp = lazyNamed(() => import('./ShortcutHelp'), 'ShortcutHelp');
// The appointment chooser (a modal list) loads when there is first something to choose.
const AppointmentMatch = lazyNamed(() => import('../appointments/AppointmentMatch'), 'AppointmentMatch');

interface Props {
  auth: AuthStatus;
  route: Route | null;
  /** auth.* not available: no lock, no sign-out. */
  authFallback: boolean;
  onAuth: (s: AuthStatus) => void;
}

/** Header (brand, screens, user menu), status bar, and the current screen. */
export function AppFrame({ auth, route, authFallback, onAuth }: Props) {
  const { t } = useTranslation();
  const [help, setHelp] = useState(false);
  const [helpUsed, setHelpUsed] = useState(false);
  // Closing the help puts the focus back at once (not after the closing animation), so the next key lands where it was.
  const helpReturn = useRef<HTMLElement | null>(null);
  const openHelp = () => {
    helpReturn.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setHelpUsed(true);
    setHelp(true);
  };
  const closeHelp = () => {
    setHelp(false);
    helpReturn.current?.focus();
  };
  const screens = allowedScreens(auth.roles);
  const current = screens.find((s) => s.name === route?.name) ?? screens[0];
  const lock = () => call('auth.lock', { reason: 'hotkey' }).then(onAuth, () => undefined);
  const signOut = () => call('auth.signOut').then(onAuth, () => undefined);
  useScanRouter();
  const offered = appointmentMatch.use() !== null;
  // Keyboard-wedge bursts become the same `scan` event as serial and HID scans.
  useWedgeScanner((text) => void call('scanner.wedge', { text }).catch(() => undefined), useWedgeConfig(), !useWedgePaused());
  useEffect(() => claimDraft(auth.staffId), [auth.staffId]);
  useHotkeys({
    [SHORTCUTS.global.help]: openHelp,
    ...(authFallback ? {} : { [SHORTCUTS.global.lock]: lock }),
    ...Object.fromEntries(screens.map((s) => [s.hotkey, () => navigate(s.name)])),
  });
  return (
    <Layout className="app-frame">
      <Layout.Header className="app-header">
        <Typography.Text className="brand">{t('app.shortTitle')}</Typography.Text>
        {current && <NavMenu roles={auth.roles} current={current.name} />}
        <UserMenu onLock={lock} onSignOut={signOut} onHelp={openHelp} canLock={!authFallback} />
      </Layout.Header>
      <StatusBar auth={auth} />
      <Layout.Content className="app-content" id="main" role="main">
        <Suspense fallback={<Loading />}>
          {!current && <Typography.Paragraph>{t('frame.noScreens')}</Typography.Paragraph>}
          {current?.name === 'intake' && <IntakeScreen mode={auth.mode} helpOpen={help} />}
          {current?.name === 'cases' && <CasesScreen caseId={route?.name === 'cases' ? route.param : null} canResume={auth.roles.includes('clerk')} />}
          {current?.name === 'handover' && <HandoverScreen caseNumber={route?.name === 'handover' ? route.param : null} mode={auth.mode} roles={auth.roles} helpOpen={help} />}
          {current?.name === 'dashboard' && <DashboardScreen />}
          {current?.name === 'maintenance' && <MaintenanceScreen />}
        </Suspense>
      </Layout.Content>
      {helpUsed && (
        <Suspense fallback={null}>
          <ShortcutHelp open={help} onClose={closeHelp} />
        </Suspense>
      )}
      {offered && (
        <Suspense fallback={null}>
          <AppointmentMatch />
        </Suspense>
      )}
    </Layout>
  );
}
