import { useEffect, useRef } from 'react';
import { installWedge } from './install-wedge';
import type { WedgeConfig } from './wedge-detector';

/**
 * Catches keyboard-wedge scans anywhere in the window while mounted and hands them to `onScan`
 * (typically: `invoke('scanner.wedge', { text })`, so they arrive as the same `scan` event as
 * serial and HID scans). The keystrokes of a scan never reach the focused field.
 */
export function useWedgeScanner(onScan: (text: string) => void, config?: Partial<WedgeConfig>, enabled = true): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const key = JSON.stringify(config ?? {});
  useEffect(() => {
    if (!enabled) return;
    return installWedge(window, { onScan: (text) => onScanRef.current(text), config: JSON.parse(key) as Partial<WedgeConfig> });
  }, [enabled, key]);
}
