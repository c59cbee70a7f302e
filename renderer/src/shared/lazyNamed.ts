import { lazy, type ComponentType } from 'react';

/**
 * React.lazy for a named export: the component's code loads on first render, in its own chunk, so
 * the first screen (intake) does not wait for it. Render it inside a <Suspense>.
 */
export function lazyNamed<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
