import { useEffect, useState } from 'react';

/** The screens, addressed by the URL hash so the page needs no server routes (`#/cases/ID`, `#/handover/CASE-NUMBER`). */
export type RouteName = 'intake' | 'cases' | 'handover' | 'dashboard' | 'maintenance' | 'pad' | 'applicant';
export interface Route {
  name: RouteName;
  /** The part after the screen name, e.g. a case id. */
  param: string | null;
}

const NAMES: readonly RouteName[] = ['intake', 'cases', 'handover', 'dashboard', 'maintenance', 'pad', 'applicant'];

export function parseHash(hash: string): Route | null {
  const [name, ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (!NAMES.includes(name as RouteName)) return null;
  return { name: name as RouteName, param: rest.length ? decodeURIComponent(rest.join('/')) : null };
}

export function navigate(name: RouteName, param?: string): void {
  window.location.hash = `#/${name}${param ? `/${encodeURIComponent(param)}` : ''}`;
}

export function useHashRoute(): Route | null {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
