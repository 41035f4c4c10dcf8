/**
 * Calls `onIdle` once after `seconds` without keyboard, mouse, touch or wheel input (0: never).
 * Input from any element counts, capture phase, so a screen that stops propagation still keeps
 * the clerk's session awake.
 */
import { useEffect, useRef } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdle(seconds: number, active: boolean, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  });

  useEffect(() => {
    if (!active || seconds <= 0) return undefined;
    let timer = window.setTimeout(() => callback.current(), seconds * 1000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback.current(), seconds * 1000);
    };
    for (const type of ACTIVITY)
      window.addEventListener(type, reset, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, reset, { capture: true });
    };
  }, [seconds, active]);
}
