import { useEffect, useRef } from 'react';

/**
 * Keyboard shortcuts by name: `F2`, `Ctrl+Enter`, `Ctrl+Shift+L`, `Alt+1`. Handled on the window in
 * the capture phase so they work whatever field has the focus; a matched key never reaches the field.
 */
export type HotkeyMap = Record<string, (e: KeyboardEvent) => void>;

export function keyName(e: KeyboardEvent): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey && e.key.length > 1) parts.push('Shift');
  else if (e.shiftKey && /^[a-z]$/i.test(e.key)) parts.push('Shift');
  const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  // Digits with Alt may arrive as other characters on some layouts: use the physical key.
  const digit = /^Digit(\d)$/.exec(e.code)?.[1];
  parts.push(digit && (e.altKey || e.ctrlKey) ? digit : key);
  return parts.join('+');
}

export function useHotkeys(map: HotkeyMap, enabled = true): void {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const handler = ref.current[keyName(e)];
      if (!handler) return;
      e.preventDefault();
      e.stopPropagation();
      handler(e);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
