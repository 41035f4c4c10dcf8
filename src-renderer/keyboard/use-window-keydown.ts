import { useLayoutEffect, useRef } from 'react';
import { useKeysBlocked } from './keys-blocked.js';

/**
 * Hears every key pressed in the window while the component is mounted and `enabled`, unless
 * something covers the work (keys-blocked.ts). The latest `onKey` is used without re-subscribing,
 * and both are set as the component is committed, so a key pressed the moment a button shows
 * acts on what it shows. `capture` hears the key before the focused element does.
 */
export function useWindowKeydown(
  onKey: (event: KeyboardEvent) => void,
  options: { capture?: boolean; enabled?: boolean } = {},
): void {
  const latest = useRef(onKey);
  useLayoutEffect(() => {
    latest.current = onKey;
  });
  const blocked = useKeysBlocked();
  const active = (options.enabled ?? true) && !blocked;
  const capture = options.capture ?? false;
  useLayoutEffect(() => {
    if (!active) return;
    const listener = (event: KeyboardEvent) => latest.current(event);
    window.addEventListener('keydown', listener, { capture });
    return () => window.removeEventListener('keydown', listener, { capture });
  }, [active, capture]);
}
