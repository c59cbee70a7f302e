import { Alert } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordScreen } from './auth/ChangePasswordScreen';
import { LockScreen } from './auth/LockScreen';
import { SetupScreen } from './auth/SetupScreen';
import { SignInScreen } from './auth/SignInScreen';
import { useActivityReporter } from './auth/useActivityReporter';
import { useAuth } from './auth/useAuth';
import { AppFrame } from './frame/AppFrame';
import { useHashRoute, type Route } from './routing/useHashRoute';
import { errorText } from './shared/errorText';
import { lazyNamed } from './shared/lazyNamed';
import { Loading } from './shared/Loading';

// Other windows' screens (the applicant screen, the rating pad) load only in those windows.
const ApplicantScreen = lazyNamed(() => import('./applicant/ApplicantScreen'), 'ApplicantScreen');
const RatingPad = lazyNamed(() => import('./pad/RatingPad'), 'RatingPad');

/** Picks what the window shows: the applicant screen or pad, first-run setup, sign-in, lock, or the app. */
export function App() {
  const route = useHashRoute();
  // The applicant screen is no staff window: it never asks who is signed in (it could not).
  if (route?.name === 'applicant')
    return (
      <Suspense fallback={<Loading />}>
        <ApplicantScreen />
      </Suspense>
    );
  return <StaffApp route={route} />;
}

function StaffApp({ route }: { route: Route | null }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const s = auth.status;
  useActivityReporter(!!s?.signedIn && !s.locked && !auth.fallback);
  if (route?.name === 'pad')
    return (
      <Suspense fallback={<Loading />}>
        <RatingPad />
      </Suspense>
    );
  if (auth.error) return <Alert type="error" role="alert" showIcon title={errorText(t, auth.error)} style={{ margin: 24 }} />;
  if (!s) return <Loading />;
  if (s.setupRequired) return <SetupScreen onDone={auth.apply} />;
  if (!s.signedIn) return <SignInScreen onSignedIn={auth.apply} />;
  // Locked: the screens unmount, so no applicant data stays on the page; the intake draft lives in its store.
  if (s.locked) return <LockScreen status={s} onChange={auth.apply} />;
  if (s.mustChangePassword) return <ChangePasswordScreen onDone={auth.apply} />;
  return <AppFrame auth={s} route={route} authFallback={auth.fallback} onAuth={auth.apply} />;
}
