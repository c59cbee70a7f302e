import { createStore } from '../../shared/createStore';
import { DEFAULT_WEDGE_CONFIG, type WedgeConfig } from '../../wedge/wedge-detector';

/**
 * The keyboard-wedge thresholds of this window, set on the calibration screen. Kept in the
 * renderer's local storage: the settings contract has no place for them yet, and they describe
 * this PC's scanner and keyboard, nothing to sync.
 */
const KEY = 'yichuang.wedge';

function read(): WedgeConfig {
  try {
    return { ...DEFAULT_WEDGE_CONFIG, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<WedgeConfig>) };
  } catch {
    return DEFAULT_WEDGE_CONFIG;
  }
}

const store = createStore<WedgeConfig>(read());

export function saveWedgeConfig(config: WedgeConfig): void {
  localStorage.setItem(KEY, JSON.stringify(config));
  store.set(config);
}

export const useWedgeConfig = store.use;

/** True while the calibration screen runs its own detector: the app-wide one stands aside. */
const paused = createStore(false);
export const useWedgePaused = paused.use;
export const setWedgePaused = (v: boolean) => paused.set(v);
