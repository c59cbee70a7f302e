/**
 * What each subsystem's `create…(deps)` returns to the composition root (main/app/app.ts): the
 * service it built and how to close it. The root closes subsystems in reverse order of creation.
 */
export interface Subsystem<S> {
  service: S;
  close(): Promise<void> | void;
}
